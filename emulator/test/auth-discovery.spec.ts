import { expect, test } from '@playwright/test';
import type { RunningEmulator } from '../src/server.ts';
import { startAuthEmulator } from './auth-support.ts';

let emulator: RunningEmulator;
test.beforeAll(async () => {
  emulator = await startAuthEmulator();
});
test.afterAll(async () => {
  await emulator.close();
});

test('publishes the OpenID configuration, every URL on the auth base URL', async () => {
  const base = `${emulator.url}/${emulator.config.environmentId}`;
  const response = await fetch(`${base}/as/.well-known/openid-configuration`);

  expect(response.status).toBe(200);
  const document = await response.json();
  expect(document).toMatchObject({
    issuer: `${base}/as`,
    authorization_endpoint: `${base}/as/authorize`,
    token_endpoint: `${base}/as/token`,
    jwks_uri: `${base}/as/jwks`,
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
  });
  expect(document.response_types_supported).toContain('code');
  expect(document.response_modes_supported).toContain('pi.flow');
  expect(document.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'email']));
  expect(document.userinfo_endpoint).toBeUndefined();
});

test('publishes the public signing key as a JWK Set, without private parts', async () => {
  const response = await fetch(`${emulator.url}/${emulator.config.environmentId}/as/jwks`);

  expect(response.status).toBe(200);
  const { keys } = await response.json();
  expect(keys).toHaveLength(1);
  expect(keys[0]).toMatchObject({
    kty: 'RSA',
    kid: emulator.state.signingKey.kid,
    use: 'sig',
    alg: 'RS256',
    n: expect.any(String),
    e: 'AQAB',
  });
  for (const part of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(keys[0][part]).toBeUndefined();
});

test('answers discovery for another environment with 404 NOT_FOUND', async () => {
  const response = await fetch(`${emulator.url}/00000000-0000-4000-8000-000000000000/as/jwks`);
  expect(response.status).toBe(404);
  expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
});
