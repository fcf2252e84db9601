import { expect, test } from '@playwright/test';
import { createEmulator, type RunningEmulator } from '../src/server.ts';
import {
  AuthClient,
  expectError,
  loginHintToken,
  mfaFixture,
  piFlowParams,
  REDIRECT_URI,
  startAuthEmulator,
  startFlow,
} from './auth-support.ts';

let emulator: RunningEmulator;
test.beforeAll(async () => {
  emulator = await startAuthEmulator();
});
test.afterAll(async () => {
  await emulator.close();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

test.describe('authorize in pi.flow mode', () => {
  for (const method of ['GET', 'POST'] as const) {
    test(`answers ${method} with an OTP_REQUIRED flow shaped as PingOne documents it`, async () => {
      const fixture = mfaFixture(emulator);
      const client = new AuthClient(emulator);
      const reply = await client.authorize(
        piFlowParams(fixture, await loginHintToken(emulator, fixture)),
        method,
      );

      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toContain('application/json');
      const flow = reply.body;
      const self = `${emulator.url}/${emulator.config.environmentId}/flows/${flow.id}`;
      expect(flow).toMatchObject({
        _links: {
          self: { href: self },
          'otp.check': { href: self },
          'device.select': { href: self },
          signOnPage: {
            href: `${emulator.url}/${emulator.config.environmentId}/signon/?flowId=${flow.id}`,
          },
        },
        _embedded: {
          devices: [
            {
              id: fixture.devices[0]!.id,
              type: 'SMS',
              status: 'ACTIVE',
              userRetries: 0,
              phone: expect.stringMatching(/^\*+\d\d$/),
            },
          ],
          application: { name: fixture.application.name },
        },
        environment: { id: emulator.config.environmentId },
        resumeUrl: `${emulator.url}/${emulator.config.environmentId}/as/resume?flowId=${flow.id}`,
        status: 'OTP_REQUIRED',
        bypassAllowed: false,
        selectedDevice: { id: fixture.devices[0]!.id },
      });
      expect(flow.id).toMatch(UUID);
      expect(flow.createdAt).toMatch(ISO);
      expect(Date.parse(flow.expiresAt) - Date.parse(flow.createdAt)).toBe(15 * 60 * 1000);
      expect(flow._embedded.devices[0].phone.slice(-2)).toBe(
        String(fixture.devices[0]!.phone).slice(-2),
      );
    });
  }

  test('sets the ST session cookie, HttpOnly and scoped to the environment path', async () => {
    const fixture = mfaFixture(emulator);
    const { reply } = await startFlow(emulator, fixture);

    const cookie = reply.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ST=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain(`Path=/${emulator.config.environmentId}`);
    expect(cookie).toContain('HttpOnly');
    expect(reply.headers.get('cache-control')).toBe('no-store');
  });

  test('sends a browser to the hosted sign-on page when response_mode is query', async () => {
    const fixture = mfaFixture(emulator);
    const hint = await loginHintToken(emulator, fixture);
    const reply = await new AuthClient(emulator).authorize({
      client_id: fixture.application.id,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      login_hint_token: hint,
    });

    expect(reply.status).toBe(302);
    expect(reply.headers.get('location')).toMatch(
      new RegExp(`/${emulator.config.environmentId}/signon/\\?flowId=[0-9a-f-]{36}$`),
    );
  });
});

test('names the apps host beside an auth host, and sets a Secure cookie on https', async () => {
  const hosted = createEmulator({
    environmentId: emulator.config.environmentId,
    clientId: 'worker',
    clientSecret: 'worker-secret',
    apiBaseUrl: 'https://api.pingone.eu',
    authBaseUrl: 'https://auth.pingone.eu',
  });
  const fixture = mfaFixture(hosted);
  const query = new URLSearchParams(piFlowParams(fixture, await loginHintToken(hosted, fixture)));
  const base = `https://auth.pingone.eu/${hosted.config.environmentId}`;
  const response = await hosted.app.request(`${base}/as/authorize?${query}`);
  const flow = await response.json();

  expect(flow._links.signOnPage.href).toBe(
    `https://apps.pingone.eu/${hosted.config.environmentId}/signon/?flowId=${flow.id}`,
  );
  expect(flow._links.self.href).toBe(`${base}/flows/${flow.id}`);
  expect(response.headers.get('set-cookie')).toContain('Secure');
});

test.describe('authorize refusals', () => {
  test('answers 404 NOT_FOUND for another environment ID', async () => {
    const reply = await new AuthClient(emulator).send(
      `${emulator.url}/00000000-0000-4000-8000-000000000000/as/authorize`,
      { method: 'GET' },
    );
    expectError(reply, 404, 'NOT_FOUND');
  });

  test('requires client_id', async () => {
    const reply = await new AuthClient(emulator).authorize({
      response_type: 'code',
      response_mode: 'pi.flow',
    });
    expectError(reply, 400, 'INVALID_REQUEST', { code: 'REQUIRED_VALUE', target: 'client_id' });
  });

  test('refuses a client_id that names no application', async () => {
    const fixture = mfaFixture(emulator);
    const hint = await loginHintToken(emulator, fixture);
    const reply = await new AuthClient(emulator).authorize({
      ...piFlowParams(fixture, hint),
      client_id: '11111111-2222-4333-8444-555555555555',
    });
    expectError(reply, 400, 'INVALID_REQUEST', { code: 'INVALID_VALUE', target: 'client_id' });
  });

  test('refuses a disabled application', async () => {
    const fixture = mfaFixture(emulator, { appEnabled: false });
    const { reply } = await startFlow(emulator, fixture);
    expectError(reply, 400, 'INVALID_REQUEST', { code: 'INVALID_VALUE', target: 'client_id' });
    expect(reply.body.details[0].message).toContain('disabled');
  });

  test('refuses an unknown response_type, naming the allowed values', async () => {
    const fixture = mfaFixture(emulator);
    const { reply } = await startFlow(emulator, fixture, { response_type: 'code device' });
    expectError(reply, 400, 'INVALID_REQUEST', {
      code: 'INVALID_VALUE',
      target: 'response_type',
      innerError: { allowedValues: ['code', 'token', 'id_token'] },
    });
  });

  test("refuses a response_type outside the application's responseTypes", async () => {
    const fixture = mfaFixture(emulator);
    const { reply } = await startFlow(emulator, fixture, { response_type: 'token', nonce: 'n-1' });
    expectError(reply, 400, 'INVALID_REQUEST', { code: 'INVALID_VALUE', target: 'response_type' });
  });

  test('refuses a redirect_uri the application did not register', async () => {
    const fixture = mfaFixture(emulator);
    const { reply } = await startFlow(emulator, fixture, {
      redirect_uri: 'https://evil.example.net/cb',
    });
    expectError(reply, 400, 'INVALID_REQUEST', { code: 'INVALID_VALUE', target: 'redirect_uri' });
  });

  test('requires redirect_uri outside pi.flow mode', async () => {
    const fixture = mfaFixture(emulator);
    const { reply } = await startFlow(emulator, fixture, { response_mode: 'query' });
    expectError(reply, 400, 'INVALID_REQUEST', { code: 'REQUIRED_VALUE', target: 'redirect_uri' });
  });

  test('refuses a scope not granted to the application', async () => {
    const fixture = mfaFixture(emulator);
    const { reply } = await startFlow(emulator, fixture, { scope: 'openid profile' });
    expectError(reply, 400, 'INVALID_REQUEST', { code: 'INVALID_VALUE', target: 'scope' });
  });

  test('refuses a parameter sent twice', async () => {
    const fixture = mfaFixture(emulator);
    const hint = await loginHintToken(emulator, fixture);
    const query = `${new URLSearchParams(piFlowParams(fixture, hint))}&state=a&state=b`;
    const client = new AuthClient(emulator);
    const reply = await client.send(`${client.authUrl('as', 'authorize')}?${query}`, {
      method: 'GET',
    });
    expectError(reply, 400, 'INVALID_REQUEST', { code: 'INVALID_VALUE', target: 'state' });
  });

  test('answers 501 for authorize parameters the emulator does not serve', async () => {
    const fixture = mfaFixture(emulator);
    const { reply } = await startFlow(emulator, fixture, {
      code_challenge: 'abc',
      code_challenge_method: 'S256',
    });
    expectError(reply, 501, 'NOT_IMPLEMENTED');
    expect(reply.body.message).toContain('code_challenge');
  });

  test('answers 501 without a login_hint_token (only MFA-only sign-on is served)', async () => {
    const fixture = mfaFixture(emulator);
    const reply = await new AuthClient(emulator).authorize({
      client_id: fixture.application.id,
      response_type: 'code',
      response_mode: 'pi.flow',
    });
    expectError(reply, 501, 'NOT_IMPLEMENTED');
    expect(reply.body.message).toContain('login_hint_token');
  });

  test('answers 415 for a POST that is not form-encoded', async () => {
    const fixture = mfaFixture(emulator);
    const client = new AuthClient(emulator);
    const body = JSON.stringify(piFlowParams(fixture, await loginHintToken(emulator, fixture)));
    const reply = await client.send(client.authUrl('as', 'authorize'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expectError(reply, 415, 'INVALID_REQUEST');
  });
});
