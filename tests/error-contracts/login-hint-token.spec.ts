import { test, expect } from '../../fixtures/mfa-user.ts';

/**
 * What PingOne answers an authorize request whose login_hint_token it cannot accept: 400
 * INVALID_REQUEST with an INVALID_VALUE detail on `login_hint_token`, and no flow.
 */
function expectRejected(body: any, reason: RegExp, claim?: string) {
  expect(body.code).toBe('INVALID_REQUEST');
  expect(body.details).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', target: 'login_hint_token' })]);
  expect(body.details[0].message).toMatch(reason);
  if (claim) expect(body.details[0].innerError).toEqual({ claim });
}

/** The token with its payload swapped for another, keeping the original signature. */
function tamper(token: string, change: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
  return [header, Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url'), signature].join('.');
}

test('rejects a tampered login_hint_token (signature does not verify) @error-contract', async ({ signOn, mfaUser }) => {
  const token = tamper(await mfaUser.loginHintToken(), { sub: mfaUser.user.username });

  const { body } = await signOn.authorize(token, 400);

  expectRejected(body, /signature/);
});

test('rejects an expired login_hint_token @error-contract', async ({ signOn, mfaUser }) => {
  const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
  const token = await mfaUser.loginHintToken({ issuedAt: tenMinutesAgo, lifetimeSeconds: 300 });

  const { body } = await signOn.authorize(token, 400);

  expectRejected(body, /expired/, 'exp');
});

test("rejects a login_hint_token addressed to another audience than the environment's issuer @error-contract", async ({ signOn, mfaUser }) => {
  const token = await mfaUser.loginHintToken({ audience: `${mfaUser.issuer.replace(/\/as$/, '')}/not-the-issuer` });

  const { body } = await signOn.authorize(token, 400);

  expectRejected(body, /aud/, 'aud');
});

test('accepts the same user with a well-formed login_hint_token (control) @error-contract', async ({ signOn, mfaUser }) => {
  const { body } = await signOn.authorize(await mfaUser.loginHintToken());

  expect(body).toMatchObject({ status: 'OTP_REQUIRED', selectedDevice: { id: mfaUser.device.id } });
});
