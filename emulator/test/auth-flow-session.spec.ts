import { expect, test } from '@playwright/test';
import type { RunningEmulator } from '../src/server.ts';
import {
  advanceClock,
  expectError,
  mfaFixture,
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

test.describe('reading a flow', () => {
  test('returns the flow as authorize returned it', async () => {
    const fixture = mfaFixture(emulator);
    const { client, reply, flowId } = await startFlow(emulator, fixture);
    const read = await client.readFlow(flowId);

    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: flowId,
      status: 'OTP_REQUIRED',
      selectedDevice: reply.body.selectedDevice,
      test: reply.body.test,
    });
  });

  test('answers 404 NOT_FOUND for an unknown flow', async () => {
    const fixture = mfaFixture(emulator);
    const { client } = await startFlow(emulator, fixture);
    expectError(await client.readFlow('3f0c2b9e-1d4a-4c6b-8e7f-0a1b2c3d4e5f'), 404, 'NOT_FOUND');
  });
});

test.describe('the ST session cookie', () => {
  const calls = {
    'GET flow': (client: Client, flowId: string, choice: Choice) => client.readFlow(flowId, choice),
    'otp.check': (client: Client, flowId: string, choice: Choice) =>
      client.checkOtp(flowId, '000000', choice),
    resume: (client: Client, flowId: string, choice: Choice) => client.resume(flowId, choice),
  };

  for (const [name, call] of Object.entries(calls)) {
    test(`is required by ${name}`, async () => {
      const fixture = mfaFixture(emulator);
      const { client, flowId } = await startFlow(emulator, fixture);
      const reply = await call(client, flowId, { cookie: null });
      expectError(reply, 400, 'INVALID_REQUEST', { code: 'REQUIRED_VALUE', target: 'ST' });
    });

    test(`must be the flow's own for ${name}`, async () => {
      const fixture = mfaFixture(emulator);
      const { client, flowId } = await startFlow(emulator, fixture);
      const other = await startFlow(emulator, mfaFixture(emulator));
      const reply = await call(client, flowId, { cookie: other.client.cookie! });
      expectError(reply, 400, 'INVALID_REQUEST', { code: 'INVALID_VALUE', target: 'ST' });
    });
  }

  test('is not echoed in any error', async () => {
    const fixture = mfaFixture(emulator);
    const { client, flowId } = await startFlow(emulator, fixture);
    const other = await startFlow(emulator, mfaFixture(emulator));
    const reply = await client.readFlow(flowId, { cookie: other.client.cookie! });
    expect(JSON.stringify(reply.body)).not.toContain(other.client.cookie!.slice(3));
  });
});

test.describe('flow expiry', () => {
  test('forgets a flow after 15 minutes without activity (404 NOT_FOUND)', async () => {
    const fixture = mfaFixture(emulator);
    const { client, flowId } = await startFlow(emulator, fixture);

    await advanceClock(emulator, 15 * 60 + 1);
    const expired = await client.readFlow(flowId);
    expectError(expired, 404, 'NOT_FOUND');
    expect(expired.body.message).toContain('expired');
    expectError(await client.readFlow(flowId), 404, 'NOT_FOUND');
  });

  test('keeps a flow alive while it is used, and moves expiresAt out', async () => {
    const fixture = mfaFixture(emulator);
    const { client, reply, flowId } = await startFlow(emulator, fixture);

    await advanceClock(emulator, 10 * 60);
    const read = await client.readFlow(flowId);
    expect(
      Date.parse(read.body.expiresAt) - Date.parse(reply.body.expiresAt),
    ).toBeGreaterThanOrEqual(10 * 60 * 1000);
    await advanceClock(emulator, 10 * 60);
    expect((await client.checkOtp(flowId, reply.body.test.otp)).body.status).toBe('COMPLETED');
  });

  test('expires a COMPLETED flow that is never resumed', async () => {
    const fixture = mfaFixture(emulator);
    const { client, reply, flowId } = await startFlow(emulator, fixture);
    await client.checkOtp(flowId, reply.body.test.otp);

    await advanceClock(emulator, 16 * 60);
    expectError(await client.resume(flowId), 404, 'NOT_FOUND');
  });
});

type Client = Awaited<ReturnType<typeof startFlow>>['client'];
type Choice = { cookie?: string | null };
