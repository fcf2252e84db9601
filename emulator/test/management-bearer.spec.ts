import { generateKeyPairSync } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import { signToken } from '../src/auth/tokens.ts';
import { issuer } from '../src/hal.ts';
import type { RunningEmulator } from '../src/server.ts';
import {
  api,
  expectError,
  managementUrl,
  requestToken,
  send,
  startTestEmulator,
  TEST_CLIENT_ID,
  webAppBody,
  workerToken,
  type Api,
} from './support.ts';

let emulator: RunningEmulator;
let p1: Api;

test.beforeAll(async () => {
  emulator = await startTestEmulator();
  p1 = api(emulator, await workerToken(emulator));
});
test.afterAll(() => emulator.close());
test.afterEach(() => {
  emulator.state.clockOffsetMs = 0;
});

/** A token signed with the environment's own key, with the claims a worker token carries. */
function signed(
  claims: Record<string, unknown>,
  key = emulator.state.signingKey.privateKey,
  alg = 'RS256',
) {
  const now = Math.floor(emulator.state.now() / 1000);
  return new SignJWT({
    client_id: TEST_CLIENT_ID,
    aud: [emulator.config.apiBaseUrl],
    env: emulator.config.environmentId,
    ...claims,
  })
    .setProtectedHeader({ alg, kid: emulator.state.signingKey.kid })
    .setIssuer(issuer(emulator))
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(key);
}

function callWith(authorization: string | null, url = managementUrl(emulator)) {
  return send(url, { authorization });
}

test.describe('worker token (client_credentials)', () => {
  test('issues an RS256 bearer token for the worker application, without scope', async () => {
    const response = await requestToken(emulator, { grant_type: 'client_credentials' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3600,
    });

    expect(decodeProtectedHeader(body.access_token)).toMatchObject({
      alg: 'RS256',
      kid: emulator.state.signingKey.kid,
    });
    const jwks = createLocalJWKSet({ keys: [emulator.state.signingKey.publicJwk] });
    const { payload } = await jwtVerify(body.access_token, jwks, {
      algorithms: ['RS256'],
      issuer: issuer(emulator),
    });
    expect(payload).toMatchObject({
      client_id: TEST_CLIENT_ID,
      aud: [emulator.url],
      env: emulator.config.environmentId,
    });
    expect(payload.org).toEqual(expect.any(String));
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(payload.scope).toBeUndefined();
  });

  test('refuses client_credentials to an application without that grant type', async () => {
    const app = await p1.create('applications', webAppBody());
    const { body: secret } = await p1.get(`applications/${app.id}/secret`);

    const response = await requestToken(
      emulator,
      { grant_type: 'client_credentials' },
      app.id,
      secret.secret,
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'unauthorized_client',
      error_description: expect.any(String),
    });
  });
});

test.describe('bearer token on management calls', () => {
  test('accepts the worker token', async () => {
    const response = await p1.get('');
    expect(response.status).toBe(200);
  });

  test('rejects a call without an Authorization header', async () => {
    const response = await callWith(null);
    expectError(response, 401, 'ACCESS_FAILED', { code: 'INVALID_TOKEN' });
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    expect(response.body.details[0].message).toContain('Authorization header');
  });

  test('rejects another authentication scheme', async () => {
    const basic = `Basic ${Buffer.from('user:pass').toString('base64')}`;
    expectError(await callWith(basic), 401, 'ACCESS_FAILED', { code: 'INVALID_TOKEN' });
  });

  test('rejects a malformed token without repeating it', async () => {
    const response = await callWith('Bearer not-a.jwt-at-all');
    expectError(response, 401, 'ACCESS_FAILED', { code: 'INVALID_TOKEN' });
    expect(response.body.details[0].message).toContain('well-formed');
    expect(JSON.stringify(response.body)).not.toContain('not-a.jwt-at-all');
  });

  test('rejects a token signed with another key', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = await signed({}, privateKey);
    const response = await callWith(`Bearer ${forged}`);
    expectError(response, 401, 'ACCESS_FAILED', { code: 'INVALID_TOKEN' });
    expect(response.body.details[0].message).toContain('signature');
    expect(JSON.stringify(response.body)).not.toContain(forged);
  });

  test('rejects a token signed with HS256', async () => {
    const token = await signed(
      {},
      new TextEncoder().encode(emulator.config.clientSecret) as never,
      'HS256',
    );
    const response = await callWith(`Bearer ${token}`);
    expectError(response, 401, 'ACCESS_FAILED', { code: 'INVALID_TOKEN' });
    expect(response.body.details[0].message).toContain('RS256');
  });

  test('rejects an expired worker token (by the emulator clock)', async () => {
    const token = await workerToken(emulator);
    emulator.state.clockOffsetMs = 3601 * 1000;
    const response = await callWith(`Bearer ${token}`);
    expectError(response, 401, 'ACCESS_FAILED', { code: 'INVALID_TOKEN' });
    expect(response.body.details[0].message).toContain('expired');
  });

  test('rejects a token of another issuer', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({
      client_id: TEST_CLIENT_ID,
      aud: [emulator.url],
      env: emulator.config.environmentId,
    })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer('https://auth.example.com/as')
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(emulator.state.signingKey.privateKey);
    const response = await callWith(`Bearer ${token}`);
    expectError(response, 401, 'ACCESS_FAILED', { code: 'INVALID_TOKEN' });
    expect(response.body.details[0].message).toContain('issuer');
  });

  test('rejects a token without the client_id claim', async () => {
    const response = await callWith(`Bearer ${await signed({ client_id: undefined })}`);
    expectError(response, 401, 'ACCESS_FAILED', { code: 'INVALID_TOKEN' });
    expect(response.body.details[0].message).toContain('client_id');
  });

  test('forbids a valid token of another environment', async () => {
    const token = await signed({ env: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9' });
    const response = await callWith(`Bearer ${token}`);
    expectError(response, 403, 'ACCESS_FAILED', { code: 'INSUFFICIENT_PERMISSIONS' });
  });

  test('forbids a path environment that is not this one', async () => {
    const token = await workerToken(emulator);
    const url = `${emulator.url}/v1/environments/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/applications`;
    expectError(await callWith(`Bearer ${token}`, url), 403, 'ACCESS_FAILED', {
      code: 'INSUFFICIENT_PERMISSIONS',
    });
  });

  test('forbids a web application token (authorization_code) on the management API', async () => {
    const app = await p1.create('applications', webAppBody());
    const token = await signToken(emulator, {
      client_id: app.id,
      sub: 'some-user',
      aud: [emulator.config.apiBaseUrl],
    });
    const response = await callWith(`Bearer ${token}`);
    expectError(response, 403, 'ACCESS_FAILED', { code: 'INSUFFICIENT_PERMISSIONS' });
    expect(response.body.details[0].message).toContain('WORKER');
  });

  test('rejects a worker-signed token meant for another audience', async () => {
    const response = await callWith(`Bearer ${await signed({ aud: ['https://api.example.com'] })}`);
    expectError(response, 401, 'ACCESS_FAILED', { code: 'INVALID_TOKEN' });
  });

  test('checks the token before the route: an unknown id without a token is 401, not 404', async () => {
    const url = managementUrl(emulator, 'users', '00000000-0000-4000-8000-000000000000');
    expectError(await callWith(null, url), 401, 'ACCESS_FAILED', { code: 'INVALID_TOKEN' });
  });
});
