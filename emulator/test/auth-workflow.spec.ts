import { expect, test } from '@playwright/test';
import { createRemoteJWKSet, jwtVerify, SignJWT } from 'jose';
import type { RunningEmulator } from '../src/server.ts';
import { AuthClient, tokenRequest } from './auth-support.ts';
import {
  api,
  devicePolicyBody,
  startTestEmulator,
  uniqueName,
  userBody,
  webAppBody,
  workerToken,
} from './support.ts';

let emulator: RunningEmulator;
test.beforeAll(async () => {
  emulator = await startTestEmulator();
});
test.afterAll(async () => {
  await emulator.close();
});

/**
 * The workflow's configuration (steps 1-14) made through the management API, so that the auth
 * plane is proven against the shapes the management plane stores, not only against fixtures.
 */
async function configure(options: { testMode: boolean }) {
  const client = api(emulator, await workerToken(emulator));
  const application = await client.create('applications', webAppBody());
  const { secret } = (await client.get(`applications/${application.id}/secret`)).body;
  const policy = await client.create('signOnPolicies', { name: uniqueName('MFA_Policy') });
  await client.create(`signOnPolicies/${policy.id}/actions`, {
    priority: 1,
    type: 'MULTI_FACTOR_AUTHENTICATION',
    sms: { enabled: true },
    email: { enabled: false },
  });
  await client.create(`applications/${application.id}/signOnPolicyAssignments`, {
    priority: 10,
    signOnPolicy: { id: policy.id },
  });
  const user = await client.create('users', userBody());
  expect((await client.put(`users/${user.id}/mfaEnabled`, { mfaEnabled: true })).status).toBe(200);
  const devicePolicy = await client.create('deviceAuthenticationPolicies', devicePolicyBody());
  const device = await client.create(`users/${user.id}/devices`, {
    type: 'SMS',
    phone: '+1.5125201234',
    testMode: options.testMode,
    policy: { id: devicePolicy.id },
  });
  return { application, secret: secret as string, policy, user, device };
}

async function hintFor(setup: Awaited<ReturnType<typeof configure>>): Promise<string> {
  const now = Math.floor(emulator.state.now() / 1000);
  return new SignJWT({ sub: setup.user.username })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(setup.application.id)
    .setAudience(`${emulator.url}/${emulator.config.environmentId}/as`)
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(new TextEncoder().encode(setup.secret));
}

test('signs a user on through the MFA-only flow configured with the management API', async () => {
  const setup = await configure({ testMode: true });
  const client = new AuthClient(emulator);
  const params = {
    client_id: setup.application.id,
    response_type: 'code',
    response_mode: 'pi.flow',
  };

  const flow = await client.authorize({ ...params, login_hint_token: await hintFor(setup) });
  expect(flow.status, JSON.stringify(flow.body)).toBe(200);
  expect(flow.body).toMatchObject({
    status: 'OTP_REQUIRED',
    selectedDevice: { id: setup.device.id },
    _embedded: { devices: [{ phone: '*********34' }] },
  });

  const completed = await client.checkOtp(flow.body.id, flow.body.test.otp);
  expect(completed.body).toMatchObject({
    status: 'COMPLETED',
    _embedded: { user: { id: setup.user.id } },
  });
  const resumed = await client.resume(flow.body.id);
  expect(resumed.status).toBe(200);

  const tokens = await tokenRequest(
    emulator,
    { id: setup.application.id, secret: setup.secret },
    {
      grant_type: 'authorization_code',
      code: resumed.body.authorizeResponse.code,
    },
  );
  expect(tokens.status, JSON.stringify(tokens.body)).toBe(200);
  const keys = createRemoteJWKSet(
    new URL(`${emulator.url}/${emulator.config.environmentId}/as/jwks`),
  );
  const { payload } = await jwtVerify(tokens.body.id_token, keys, {
    issuer: `${emulator.url}/${emulator.config.environmentId}/as`,
    audience: setup.application.id,
    algorithms: ['RS256'],
  });
  expect(payload).toMatchObject({ sub: setup.user.id, acr: setup.policy.name });
});

test('sends the passcode of a device not in test mode to the outbox', async () => {
  const setup = await configure({ testMode: false });
  const client = new AuthClient(emulator);
  const flow = await client.authorize({
    client_id: setup.application.id,
    response_type: 'code',
    response_mode: 'pi.flow',
    login_hint_token: await hintFor(setup),
  });
  expect(flow.body.test).toBeUndefined();

  const outbox = await (
    await fetch(`${emulator.url}/__emulator/outbox?phone=%2B15125201234`)
  ).json();
  const message = outbox._embedded.messages.find(
    (item: { deviceId: string }) => item.deviceId === setup.device.id,
  );
  expect((await client.checkOtp(flow.body.id, message.otp)).body.status).toBe('COMPLETED');
});
