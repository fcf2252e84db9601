import { expect, test } from '@playwright/test';
import type { RunningEmulator } from '../src/server.ts';
import {
  api,
  devicePolicyBody,
  expectError,
  expectLinksResolve,
  startTestEmulator,
  userBody,
  workerToken,
  type Api,
} from './support.ts';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

let emulator: RunningEmulator;
let p1: Api;
let devicePolicy: { id: string };

test.beforeAll(async () => {
  emulator = await startTestEmulator();
  p1 = api(emulator, await workerToken(emulator));
  devicePolicy = await p1.create('deviceAuthenticationPolicies', devicePolicyBody());
});
test.afterAll(() => emulator.close());

async function newUser() {
  return p1.create('users', userBody());
}

test("creates the workflow's SMS device: 201, ACTIVE, links that resolve", async () => {
  const user = await newUser();
  const body = { type: 'SMS', phone: '+15125201234', policy: { id: devicePolicy.id } };
  const response = await p1.post(`users/${user.id}/devices`, body);

  expect(response.status).toBe(201);
  expect(response.body).toEqual({
    _links: {
      self: { href: `${user._links.self.href}/devices/${response.body.id}` },
      user: { href: user._links.self.href },
    },
    id: expect.any(String),
    environment: { id: emulator.config.environmentId },
    user: { id: user.id },
    type: 'SMS',
    status: 'ACTIVE',
    phone: '+15125201234',
    policy: { id: devicePolicy.id },
    createdAt: expect.any(String),
    updatedAt: expect.any(String),
  });
  await expectLinksResolve(p1, response.body);
});

test('accepts the documented phone spellings and keeps them in E.164 form', async () => {
  const user = await newUser();
  for (const phone of ['+1.5125201234', '+15125201234', '+1 (512) 520-1234', '+1.512.520.1234']) {
    const device = await p1.create(`users/${user.id}/devices`, { type: 'SMS', phone });
    expect(device.phone).toBe('+15125201234');
  }
});

test('rejects a phone without the leading + and country code', async () => {
  const user = await newUser();
  for (const phone of ['5125201234', '(512) 520-1234', '+', 'call me']) {
    const response = await p1.post(`users/${user.id}/devices`, { type: 'SMS', phone });
    expectError(response, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'phone' });
  }
  const missing = await p1.post(`users/${user.id}/devices`, { type: 'SMS' });
  expectError(missing, 400, 'INVALID_DATA', { code: 'REQUIRED_VALUE', target: 'phone' });
});

test('keeps nickname and testMode, and uses the default policy when none is named', async () => {
  const user = await newUser();
  const { body } = await p1.get('deviceAuthenticationPolicies');
  const defaultPolicy = body._embedded.deviceAuthenticationPolicies.find(
    (p: { default: boolean }) => p.default,
  );
  const device = await p1.create(`users/${user.id}/devices`, {
    type: 'SMS',
    phone: '+447700900123',
    nickname: 'Work phone',
    testMode: true,
  });
  expect(device).toMatchObject({
    nickname: 'Work phone',
    testMode: true,
    policy: { id: defaultPolicy.id },
  });
});

test('creates EMAIL and VOICE devices', async () => {
  const user = await newUser();
  const email = await p1.create(`users/${user.id}/devices`, {
    type: 'EMAIL',
    email: 'someone@example.com',
  });
  expect(email).toMatchObject({ type: 'EMAIL', email: 'someone@example.com', status: 'ACTIVE' });
  const voice = await p1.create(`users/${user.id}/devices`, {
    type: 'VOICE',
    phone: '+15125201234',
  });
  expect(voice).toMatchObject({ type: 'VOICE', phone: '+15125201234' });
  const badEmail = await p1.post(`users/${user.id}/devices`, { type: 'EMAIL', email: 'nope' });
  expectError(badEmail, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'email' });
});

test('names the served types for a PingOne type it does not pair, and rejects unknown types', async () => {
  const user = await newUser();
  const totp = await p1.post(`users/${user.id}/devices`, { type: 'TOTP' });
  expectError(totp, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'type' });
  expect(totp.body.details[0].innerError.allowedValues).toEqual(['SMS', 'EMAIL', 'VOICE']);
  const unknown = await p1.post(`users/${user.id}/devices`, {
    type: 'PIGEON',
    phone: '+15125201234',
  });
  expectError(unknown, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'type' });
  expectError(
    await p1.post(`users/${user.id}/devices`, { phone: '+15125201234' }),
    400,
    'INVALID_DATA',
    {
      code: 'REQUIRED_VALUE',
      target: 'type',
    },
  );
});

test('refuses ACTIVATION_REQUIRED explicitly and an unknown policy', async () => {
  const user = await newUser();
  const pending = await p1.post(`users/${user.id}/devices`, {
    type: 'SMS',
    phone: '+15125201234',
    status: 'ACTIVATION_REQUIRED',
  });
  expectError(pending, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'status' });
  const policy = await p1.post(`users/${user.id}/devices`, {
    type: 'SMS',
    phone: '+15125201234',
    policy: { id: UNKNOWN },
  });
  expectError(policy, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'policy.id' });
});

test("lists, reads and deletes a user's devices", async () => {
  const user = await newUser();
  const device = await p1.create(`users/${user.id}/devices`, {
    type: 'SMS',
    phone: '+15125201234',
  });

  const list = await p1.get(`users/${user.id}/devices`);
  expect(list.status).toBe(200);
  expect(list.body).toMatchObject({
    _links: { self: { href: `${user._links.self.href}/devices` } },
    _embedded: { devices: [device] },
    count: 1,
    size: 1,
  });
  expect((await p1.get(`users/${user.id}/devices/${device.id}`)).body).toEqual(device);

  const deleted = await p1.delete(`users/${user.id}/devices/${device.id}`);
  expect(deleted.status).toBe(204);
  expect(deleted.body).toBeUndefined();
  expectError(await p1.get(`users/${user.id}/devices/${device.id}`), 404, 'NOT_FOUND');
});

test("answers 404 under an unknown user and for another user's device", async () => {
  expectError(
    await p1.post(`users/${UNKNOWN}/devices`, { type: 'SMS', phone: '+15125201234' }),
    404,
    'NOT_FOUND',
  );
  expectError(await p1.get(`users/${UNKNOWN}/devices`), 404, 'NOT_FOUND');
  const owner = await newUser();
  const stranger = await newUser();
  const device = await p1.create(`users/${owner.id}/devices`, {
    type: 'SMS',
    phone: '+15125201234',
  });
  expectError(await p1.get(`users/${stranger.id}/devices/${device.id}`), 404, 'NOT_FOUND');
  expectError(await p1.delete(`users/${stranger.id}/devices/${device.id}`), 404, 'NOT_FOUND');
});
