import { test, expect } from '../../fixtures/index.ts';

/** What PingOne answers a management call that carries no usable worker token. */
test.describe('management API without a worker token', () => {
  test('answers a call without Authorization 401 ACCESS_FAILED / INVALID_TOKEN @error-contract', async ({ pingone }) => {
    const { body, headers } = await pingone.call('readOneEnvironment', { auth: 'none', expectStatus: 401 });

    expect(body.code).toBe('ACCESS_FAILED');
    expect(body.details).toEqual([expect.objectContaining({ code: 'INVALID_TOKEN' })]);
    expect(headers['www-authenticate']).toMatch(/^Bearer/);
  });

  test('answers a call with a forged bearer token 401 ACCESS_FAILED / INVALID_TOKEN @error-contract', async ({ pingone }) => {
    const forged = ['eyJhbGciOiJSUzI1NiJ9', 'eyJzdWIiOiJmb3JnZWQifQ', 'bm90LWEtc2lnbmF0dXJl'].join('.');

    const { body } = await pingone.call('readOneEnvironment', { auth: 'none', headers: { Authorization: `Bearer ${forged}` }, expectStatus: 401 });

    expect(body.code).toBe('ACCESS_FAILED');
    expect(body.details).toEqual([expect.objectContaining({ code: 'INVALID_TOKEN' })]);
  });
});
