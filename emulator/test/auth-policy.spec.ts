import { expect, test } from '@playwright/test';
import type { RunningEmulator } from '../src/server.ts';
import { expectError, mfaFixture, startAuthEmulator, startFlow } from './auth-support.ts';

let emulator: RunningEmulator;
test.beforeAll(async () => {
  emulator = await startAuthEmulator();
});
test.afterAll(async () => {
  await emulator.close();
});

async function outbox(phone: string) {
  const response = await fetch(
    `${emulator.url}/__emulator/outbox?phone=${encodeURIComponent(phone)}`,
  );
  return (await response.json())._embedded.messages as {
    otp: string;
    deviceId: string;
    text: string;
  }[];
}

test.describe('one usable device', () => {
  test('puts the passcode of a testMode device in test.otp and sends nothing', async () => {
    const fixture = mfaFixture(emulator, { devices: [{ testMode: true }] });
    const { reply } = await startFlow(emulator, fixture);

    expect(reply.body.status).toBe('OTP_REQUIRED');
    expect(reply.body.test.otp).toMatch(/^\d{6}$/);
    expect(await outbox(String(fixture.devices[0]!.phone))).toEqual([]);
  });

  test("puts another device's passcode in the outbox, not in the flow", async () => {
    const fixture = mfaFixture(emulator, { devices: [{ testMode: false }] });
    const { reply } = await startFlow(emulator, fixture);

    expect(reply.body.status).toBe('OTP_REQUIRED');
    expect(reply.body.test).toBeUndefined();
    const [message] = await outbox(String(fixture.devices[0]!.phone));
    expect(message).toMatchObject({
      deviceId: fixture.devices[0]!.id,
      otp: expect.stringMatching(/^\d{6}$/),
    });
    expect(message!.text).toContain(message!.otp);
  });

  test("makes passcodes as long as the device policy's otpLength", async () => {
    const fixture = mfaFixture(emulator, { otpLength: 8 });
    const { reply } = await startFlow(emulator, fixture);
    expect(reply.body.test.otp).toMatch(/^\d{8}$/);
  });

  test('masks an email device address in the flow', async () => {
    const fixture = mfaFixture(emulator, {
      devices: [{ type: 'EMAIL', email: 'jane.doe@example.com', testMode: true }],
    });
    const { reply } = await startFlow(emulator, fixture);
    expect(reply.body._embedded.devices[0]).toMatchObject({
      type: 'EMAIL',
      email: 'j*******@example.com',
    });
  });
});

test.describe('several usable devices', () => {
  test('asks for a device (DEVICE_SELECTION_REQUIRED) and sends no passcode yet', async () => {
    const fixture = mfaFixture(emulator, {
      devices: [{ testMode: true }, { type: 'EMAIL', testMode: true }],
    });
    const { reply } = await startFlow(emulator, fixture);

    expect(reply.body.status).toBe('DEVICE_SELECTION_REQUIRED');
    expect(Object.keys(reply.body._links).sort()).toEqual(['device.select', 'self', 'signOnPage']);
    expect(reply.body._embedded.devices.map((device: { id: string }) => device.id)).toEqual(
      fixture.devices.map((device) => device.id),
    );
    expect(reply.body.selectedDevice).toBeUndefined();
    expect(reply.body.test).toBeUndefined();
  });

  test('sends a passcode to the device picked with device.select (OTP_REQUIRED)', async () => {
    const fixture = mfaFixture(emulator, {
      devices: [{ testMode: true }, { type: 'EMAIL', testMode: true }],
    });
    const { client, flowId } = await startFlow(emulator, fixture);
    const reply = await client.selectDevice(flowId, fixture.devices[1]!.id);

    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({
      status: 'OTP_REQUIRED',
      selectedDevice: { id: fixture.devices[1]!.id },
      test: { otp: expect.any(String) },
    });
  });

  test("refuses device.select of a device that is not the flow's", async () => {
    const fixture = mfaFixture(emulator, { devices: [{ testMode: true }, { testMode: true }] });
    const other = mfaFixture(emulator);
    const { client, flowId } = await startFlow(emulator, fixture);
    const reply = await client.selectDevice(flowId, other.devices[0]!.id);
    expectError(reply, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'device.id' });
  });

  test('leaves out devices that are not ACTIVE or whose method the policy disables', async () => {
    const fixture = mfaFixture(emulator, {
      devices: [{ testMode: true }, { status: 'ACTIVATION_REQUIRED' }, { type: 'VOICE' }],
    });
    const { reply } = await startFlow(emulator, fixture);
    expect(reply.body.status).toBe('OTP_REQUIRED');
    expect(reply.body._embedded.devices).toHaveLength(1);
  });
});

test.describe('no usable device', () => {
  test('refuses sign-on when noDevicesMode is BLOCK', async () => {
    const fixture = mfaFixture(emulator, { devices: [], noDevicesMode: 'BLOCK' });
    const { reply } = await startFlow(emulator, fixture);
    expectError(reply, 400, 'REQUEST_FAILED', {
      code: 'ACCOUNT_NOT_USABLE',
      target: 'devices',
      innerError: { noDevicesMode: 'BLOCK' },
    });
  });

  test('completes the flow when noDevicesMode is BYPASS', async () => {
    const fixture = mfaFixture(emulator, { devices: [], noDevicesMode: 'BYPASS' });
    const { reply } = await startFlow(emulator, fixture);
    expect(reply.body).toMatchObject({
      status: 'COMPLETED',
      _embedded: { user: { id: fixture.user.id } },
    });
  });
});

test.describe('policy choice', () => {
  test('skips the MFA action for a user whose mfaEnabled is false', async () => {
    const fixture = mfaFixture(emulator, { mfaEnabled: false });
    const { reply } = await startFlow(emulator, fixture);
    expect(reply.body.status).toBe('COMPLETED');
  });

  test('answers 501 for a LOGIN action (USERNAME_PASSWORD_REQUIRED is not served)', async () => {
    const fixture = mfaFixture(emulator, { actionType: 'LOGIN' });
    const { reply } = await startFlow(emulator, fixture);
    expectError(reply, 501, 'NOT_IMPLEMENTED');
    expect(reply.body.message).toContain('LOGIN');
  });

  test("uses the environment's default policy (the seed's is LOGIN) when none is assigned", async () => {
    const fixture = mfaFixture(emulator, { assign: false });
    const { reply } = await startFlow(emulator, fixture);
    expectError(reply, 501, 'NOT_IMPLEMENTED');
  });

  test('evaluates assignments by ascending priority', async () => {
    const fixture = mfaFixture(emulator);
    const bypassing = mfaFixture(emulator, { devices: [], noDevicesMode: 'BYPASS' });
    emulator.state.collections.signOnPolicyAssignments.insert({
      id: crypto.randomUUID(),
      application: { id: fixture.application.id },
      signOnPolicy: { id: bypassing.signOnPolicy.id },
      priority: 0,
    });
    emulator.state.collections.signOnPolicyActions.get(bypassing.action.id)!.sms = {
      enabled: false,
    };
    emulator.state.collections.signOnPolicyActions.get(bypassing.action.id)!.email = {
      enabled: false,
    };
    const { reply } = await startFlow(emulator, fixture);
    expect(reply.body.status).toBe('COMPLETED');
  });
});
