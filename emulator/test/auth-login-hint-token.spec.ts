import { expect, test } from '@playwright/test';
import type { RunningEmulator } from '../src/server.ts';
import {
  AuthClient,
  expectError,
  loginHintToken,
  mfaFixture,
  piFlowParams,
  startAuthEmulator,
  type HintOptions,
} from './auth-support.ts';

let emulator: RunningEmulator;
test.beforeAll(async () => {
  emulator = await startAuthEmulator();
});
test.afterAll(async () => {
  await emulator.close();
});

/** Authorizes the fixture's user with a login_hint_token bent by `hint`. */
async function authorizeWith(
  hint: HintOptions | ((fixture: ReturnType<typeof mfaFixture>) => HintOptions),
  fixture = mfaFixture(emulator),
) {
  const options = typeof hint === 'function' ? hint(fixture) : hint;
  const token = await loginHintToken(emulator, fixture, options);
  const reply = await new AuthClient(emulator).authorize(piFlowParams(fixture, token));
  return { reply, token, fixture };
}

/** The rejection every bad login_hint_token gets: 400 INVALID_REQUEST, INVALID_VALUE on it. */
function expectRejected(
  reply: Awaited<ReturnType<typeof authorizeWith>>['reply'],
  claim?: string,
  text?: string,
) {
  expectError(reply, 400, 'INVALID_REQUEST', {
    code: 'INVALID_VALUE',
    target: 'login_hint_token',
    ...(claim ? { innerError: { claim } } : {}),
  });
  if (text) expect(reply.body.details[0].message).toContain(text);
}

test.describe('login_hint_token accepted', () => {
  for (const alg of ['HS256', 'HS384', 'HS512']) {
    test(`accepts a token signed with ${alg}`, async () => {
      const { reply } = await authorizeWith({ alg });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect(reply.body.status).toBe('OTP_REQUIRED');
    });
  }

  test('accepts the username as sub', async () => {
    const { reply } = await authorizeWith((fixture) => ({
      claims: { sub: fixture.user.username },
    }));
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  });
});

test.describe('login_hint_token rejected', () => {
  test('rejects a token signed with another secret', async () => {
    const { reply } = await authorizeWith({ secret: 'not-the-application-secret' });
    expectRejected(reply, undefined, 'signature');
  });

  test('rejects alg none', async () => {
    const { reply } = await authorizeWith({ alg: 'none' });
    expectRejected(reply, undefined, 'HS256, HS384, HS512');
  });

  test('rejects RS256', async () => {
    const { reply } = await authorizeWith({ alg: 'RS256' });
    expectRejected(reply, undefined, '"alg" is RS256');
  });

  test('rejects an iss that is not the client_id', async () => {
    const { reply } = await authorizeWith({ claims: { iss: 'someone-else' } });
    expectRejected(reply, 'iss', 'client_id');
  });

  test('rejects an aud that is not the environment issuer', async () => {
    const { reply } = await authorizeWith({ claims: { aud: 'https://auth.pingone.com/other/as' } });
    expectRejected(reply, 'aud', 'issuer');
  });

  test('rejects an expired token', async () => {
    const now = Math.floor(emulator.state.now() / 1000);
    const { reply } = await authorizeWith({ claims: { iat: now - 120, exp: now - 60 } });
    expectRejected(reply, 'exp', 'expired');
  });

  for (const claim of ['exp', 'iat', 'sub', 'iss', 'aud']) {
    test(`rejects a token without ${claim}`, async () => {
      const { reply } = await authorizeWith({ omit: [claim] });
      expectRejected(reply, claim, `no "${claim}" claim`);
    });
  }

  test('rejects an iat in the future', async () => {
    const now = Math.floor(emulator.state.now() / 1000);
    const { reply } = await authorizeWith({ claims: { iat: now + 300 } });
    expectRejected(reply, 'iat', 'future');
  });

  test('rejects a sub that names no user', async () => {
    const { reply } = await authorizeWith({ claims: { sub: 'nobody-here' } });
    expectRejected(reply, 'sub', 'no user');
  });

  test('refuses a disabled user with ACCOUNT_NOT_USABLE', async () => {
    const { reply } = await authorizeWith({}, mfaFixture(emulator, { userEnabled: false }));
    expectError(reply, 400, 'INVALID_REQUEST', {
      code: 'ACCOUNT_NOT_USABLE',
      target: 'login_hint_token',
      innerError: { claim: 'sub' },
    });
  });

  test('rejects a cty header (nested JWT)', async () => {
    const { reply } = await authorizeWith({ header: { cty: 'JWT' } });
    expectRejected(reply, undefined, 'cty');
  });

  test('rejects an enc header (encrypted JWT)', async () => {
    const { reply } = await authorizeWith({ header: { enc: 'A256GCM' } });
    expectRejected(reply, undefined, 'enc');
  });

  test('rejects a value that is not a JWT', async () => {
    const fixture = mfaFixture(emulator);
    const reply = await new AuthClient(emulator).authorize(piFlowParams(fixture, 'not-a-jwt'));
    expectRejected(reply, undefined, 'not a JWT');
  });

  test('never repeats the token in its error', async () => {
    const { reply, token } = await authorizeWith({ secret: 'wrong-secret-entirely' });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body)).not.toContain(token);
    expect(JSON.stringify(reply.body)).not.toContain(token.split('.')[1]);
  });
});
