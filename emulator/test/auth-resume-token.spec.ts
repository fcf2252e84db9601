import { expect, test } from '@playwright/test';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { RunningEmulator } from '../src/server.ts';
import {
  advanceClock,
  AuthClient,
  credentials,
  expectError,
  loginHintToken,
  mfaFixture,
  REDIRECT_URI,
  signOn,
  startAuthEmulator,
  startFlow,
  tokenRequest,
} from './auth-support.ts';

let emulator: RunningEmulator;
test.beforeAll(async () => {
  emulator = await startAuthEmulator();
});
test.afterAll(async () => {
  await emulator.close();
});

test.describe('resume', () => {
  test('returns the authorization response of a COMPLETED pi.flow flow as JSON', async () => {
    const fixture = mfaFixture(emulator);
    const { resumed, flowId } = await signOn(emulator, fixture, { state: 'st-123' });

    expect(resumed.body).toMatchObject({
      _links: { self: { href: expect.stringContaining(`/flows/${flowId}`) } },
      id: flowId,
      environment: { id: emulator.config.environmentId },
      session: { id: expect.any(String) },
      status: 'COMPLETED',
      authorizeResponse: { code: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), state: 'st-123' },
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
    });
  });

  test('answers a second resume of the same flow with 404 NOT_FOUND', async () => {
    const fixture = mfaFixture(emulator);
    const { client, flowId } = await signOn(emulator, fixture);
    expectError(await client.resume(flowId), 404, 'NOT_FOUND');
  });

  test('refuses to resume a flow that is not COMPLETED', async () => {
    const fixture = mfaFixture(emulator);
    const { client, flowId } = await startFlow(emulator, fixture);
    expectError(await client.resume(flowId), 400, 'INVALID_REQUEST', {
      code: 'INVALID_VALUE',
      target: 'flowId',
    });
  });

  test('requires flowId', async () => {
    const client = new AuthClient(emulator);
    expectError(
      await client.send(client.authUrl('as', 'resume'), { method: 'GET' }),
      400,
      'INVALID_REQUEST',
      { code: 'REQUIRED_VALUE', target: 'flowId' },
    );
  });

  test('redirects to the redirect_uri with code and state in query mode', async () => {
    const fixture = mfaFixture(emulator);
    const client = new AuthClient(emulator);
    const hint = await loginHintToken(emulator, fixture);
    const started = await client.authorize({
      client_id: fixture.application.id,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      state: 'q1',
      login_hint_token: hint,
    });
    const flowId = new URL(started.headers.get('location')!).searchParams.get('flowId')!;
    const flow = await client.readFlow(flowId);
    await client.checkOtp(flowId, flow.body.test.otp);

    const resumed = await client.resume(flowId);
    expect(resumed.status).toBe(302);
    const location = new URL(resumed.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`${REDIRECT_URI}/`);
    expect(location.searchParams.get('state')).toBe('q1');
    expect(location.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

test.describe('authorization_code grant', () => {
  test('exchanges the code for tokens that verify against the JWKS', async () => {
    const fixture = mfaFixture(emulator);
    const { code } = await signOn(emulator, fixture, { nonce: 'n-42' });
    const reply = await tokenRequest(emulator, credentials(fixture), {
      grant_type: 'authorization_code',
      code,
    });

    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'openid' });
    const keys = createRemoteJWKSet(
      new URL(`${emulator.url}/${emulator.config.environmentId}/as/jwks`),
    );
    const options = {
      issuer: `${emulator.url}/${emulator.config.environmentId}/as`,
      algorithms: ['RS256'],
      currentDate: new Date(emulator.state.now()),
    };

    const id = await jwtVerify(reply.body.id_token, keys, {
      ...options,
      audience: fixture.application.id,
    });
    expect(id.payload).toMatchObject({
      sub: fixture.user.id,
      nonce: 'n-42',
      acr: fixture.signOnPolicy.name,
      amr: ['otp'],
    });
    expect(id.payload.auth_time).toEqual(expect.any(Number));
    const access = await jwtVerify(reply.body.access_token, keys, options);
    expect(access.payload).toMatchObject({
      sub: fixture.user.id,
      client_id: fixture.application.id,
      scope: 'openid',
    });
    expect(access.protectedHeader).toMatchObject({
      alg: 'RS256',
      kid: emulator.state.signingKey.kid,
    });
  });

  test('redeems a code only once (invalid_grant the second time)', async () => {
    const fixture = mfaFixture(emulator);
    const { code } = await signOn(emulator, fixture);
    expect(
      (
        await tokenRequest(emulator, credentials(fixture), {
          grant_type: 'authorization_code',
          code,
        })
      ).status,
    ).toBe(200);

    const again = await tokenRequest(emulator, credentials(fixture), {
      grant_type: 'authorization_code',
      code,
    });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringContaining('already used'),
    });
  });

  test('refuses a code issued to another client', async () => {
    const fixture = mfaFixture(emulator);
    const other = mfaFixture(emulator);
    const { code } = await signOn(emulator, fixture);
    const reply = await tokenRequest(emulator, credentials(other), {
      grant_type: 'authorization_code',
      code,
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringContaining('another client'),
    });
  });

  test('requires the redirect_uri sent at authorize', async () => {
    const fixture = mfaFixture(emulator);
    const { code } = await signOn(emulator, fixture, { redirect_uri: REDIRECT_URI });
    const reply = await tokenRequest(emulator, credentials(fixture), {
      grant_type: 'authorization_code',
      code,
    });
    expect(reply.body).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringContaining('redirect_uri'),
    });
  });

  test('refuses a code after its 60 seconds', async () => {
    const fixture = mfaFixture(emulator);
    const { code } = await signOn(emulator, fixture);
    await advanceClock(emulator, 61);
    const reply = await tokenRequest(emulator, credentials(fixture), {
      grant_type: 'authorization_code',
      code,
    });
    expect(reply.body).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringContaining('expired'),
    });
  });

  test('requires the code parameter', async () => {
    const fixture = mfaFixture(emulator);
    const reply = await tokenRequest(emulator, credentials(fixture), {
      grant_type: 'authorization_code',
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      error: 'invalid_request',
      error_description: 'code is required.',
    });
  });
});

test.describe('token response types', () => {
  test('returns access and ID tokens from resume for response_type "token id_token"', async () => {
    const fixture = mfaFixture(emulator, {
      responseTypes: ['TOKEN', 'ID_TOKEN'],
      grantTypes: ['IMPLICIT'],
    });
    const { resumed } = await signOn(emulator, fixture, {
      response_type: 'token id_token',
      nonce: 'n-7',
    });
    expect(resumed.body.authorizeResponse).toMatchObject({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3600,
      id_token: expect.any(String),
    });
    expect(resumed.body.authorizeResponse.code).toBeUndefined();
  });
});
