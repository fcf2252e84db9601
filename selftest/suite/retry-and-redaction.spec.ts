import { test, expect } from '@playwright/test';
import { backoffMs, retryAfterMs, RETRY_AFTER_CAP_MS, transientReason, waitBeforeRetry } from '../../lib/retry.ts';
import { clearSecrets, redactForm, redactHeaders, redactJson, redactText, registerSecret } from '../../lib/redact.ts';

test.afterEach(() => clearSecrets());

test('reads Retry-After as seconds and as an HTTP date, and caps it', () => {
  const now = Date.parse('2026-12-04T10:00:00Z');

  expect(retryAfterMs('2', now)).toBe(2000);
  expect(retryAfterMs('Fri, 04 Dec 2026 10:00:03 GMT', now)).toBe(3000);
  expect(retryAfterMs('soon', now)).toBeUndefined();
  expect(waitBeforeRetry(1, '3600')).toBe(RETRY_AFTER_CAP_MS);
});

test('backs off exponentially with jitter within half and all of each step', () => {
  expect(backoffMs(1, () => 0)).toBe(100);
  expect(backoffMs(1, () => 1)).toBe(200);
  expect(backoffMs(3, () => 1)).toBe(800);
});

test('retries only transient answers; never 400, 401, 403 or 409', () => {
  expect(transientReason(429, {}, false)).toContain('429');
  expect(transientReason(503, {}, false)).toContain('503');
  expect(transientReason(502, {}, false)).toContain('502');
  expect(transientReason(500, { code: 'UNEXPECTED_ERROR' }, false)).toContain('UNEXPECTED_ERROR');
  expect(transientReason(404, {}, true)).toContain('404');
  for (const status of [400, 401, 403, 404, 409]) expect(transientReason(status, { code: 'INVALID_DATA' }, false)).toBeUndefined();
});

test('masks secret fields and headers by name, and registered values anywhere', () => {
  registerSecret('s3cr3t-value-123', 'client secret');

  expect(redactText('https://x/?token=s3cr3t-value-123&a=1')).toBe('https://x/?token=[REDACTED client secret]&a=1');
  expect(redactHeaders({ Authorization: 'Bearer abc', Accept: 'application/json' })).toEqual({
    Authorization: '[REDACTED authorization]',
    Accept: 'application/json',
  });
  expect(redactJson({ code: 'INVALID_DATA', secret: 'x1', authorizeResponse: { code: 'c0de' }, test: { otp: '123456' } })).toEqual({
    code: 'INVALID_DATA',
    secret: '[REDACTED secret]',
    authorizeResponse: { code: '[REDACTED code]' },
    test: { otp: '[REDACTED otp]' },
  });
  expect(redactForm({ grant_type: 'authorization_code', code: 'c0de' })).toEqual({ grant_type: 'authorization_code', code: '[REDACTED code]' });
});
