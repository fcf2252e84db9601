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

/** A passcode that is surely not `otp`. */
function wrong(otp: string): string {
  return otp.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));
}

test.describe('otp.check', () => {
  test('completes the flow with the right passcode, shaped as PingOne documents it', async () => {
    const fixture = mfaFixture(emulator);
    const { client, reply, flowId } = await startFlow(emulator, fixture);
    const done = await client.checkOtp(flowId, reply.body.test.otp);

    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({
      _links: {
        self: { href: `${emulator.url}/${emulator.config.environmentId}/flows/${flowId}` },
      },
      id: flowId,
      session: { id: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      resumeUrl: expect.stringContaining(`/as/resume?flowId=${flowId}`),
      status: 'COMPLETED',
      _embedded: {
        user: {
          id: fixture.user.id,
          username: fixture.user.username,
          name: { given: 'Test', family: 'MFAUser' },
        },
        application: { name: fixture.application.name },
      },
    });
    expect(Object.keys(done.body._links)).toEqual(['self']);
    expect(done.body.test).toBeUndefined();
  });

  test('refuses a wrong passcode with INVALID_OTP and failuresRemaining, then takes the right one', async () => {
    const fixture = mfaFixture(emulator, { failureCount: 3 });
    const { client, reply, flowId } = await startFlow(emulator, fixture);
    const otp = reply.body.test.otp;

    const refused = await client.checkOtp(flowId, wrong(otp));
    expectError(refused, 400, 'INVALID_DATA', {
      code: 'INVALID_OTP',
      target: 'otp',
      innerError: { failuresRemaining: 2 },
    });
    expect((await client.readFlow(flowId)).body._embedded.devices[0].userRetries).toBe(1);
    expect((await client.checkOtp(flowId, otp)).body.status).toBe('COMPLETED');
  });

  test('locks the device for the cool-down after failure.count wrong passcodes', async () => {
    const fixture = mfaFixture(emulator, {
      failureCount: 2,
      coolDown: { duration: 2, timeUnit: 'MINUTES' },
    });
    const { client, reply, flowId } = await startFlow(emulator, fixture);
    const otp = reply.body.test.otp;

    expectError(await client.checkOtp(flowId, wrong(otp)), 400, 'INVALID_DATA', {
      code: 'INVALID_OTP',
      innerError: { failuresRemaining: 1 },
    });
    const locked = await client.checkOtp(flowId, wrong(otp));
    expectError(locked, 400, 'REQUEST_FAILED', { code: 'ACCOUNT_NOT_USABLE', target: 'device' });
    const until = locked.body.details[0].innerError.lockExpiresAt;
    expect(Date.parse(until) - emulator.state.now()).toBeGreaterThan(110_000);

    const stillLocked = await client.selectDevice(flowId, fixture.devices[0]!.id);
    expectError(stillLocked, 400, 'REQUEST_FAILED', {
      code: 'ACCOUNT_NOT_USABLE',
      innerError: { lockExpiresAt: until },
    });
    expectError(
      await startFlow(emulator, fixture).then((started) => started.reply),
      400,
      'REQUEST_FAILED',
      { code: 'ACCOUNT_NOT_USABLE' },
    );

    await advanceClock(emulator, 121);
    const again = await client.selectDevice(flowId, fixture.devices[0]!.id);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect((await client.checkOtp(flowId, again.body.test.otp)).body.status).toBe('COMPLETED');
  });

  test('does not lock when the cool-down is 0, but the passcode is spent', async () => {
    const fixture = mfaFixture(emulator, {
      failureCount: 1,
      coolDown: { duration: 0, timeUnit: 'MINUTES' },
    });
    const { client, reply, flowId } = await startFlow(emulator, fixture);
    const otp = reply.body.test.otp;

    expectError(await client.checkOtp(flowId, wrong(otp)), 400, 'INVALID_DATA', {
      code: 'INVALID_OTP',
      innerError: { failuresRemaining: 0 },
    });
    expectError(await client.checkOtp(flowId, otp), 400, 'INVALID_DATA', {
      code: 'INVALID_OTP',
      target: 'otp',
    });
    const fresh = await client.selectDevice(flowId, fixture.devices[0]!.id);
    expect(fresh.body.test.otp).toMatch(/^\d{6}$/);
    expect((await client.checkOtp(flowId, fresh.body.test.otp)).body.status).toBe('COMPLETED');
  });

  test('refuses a passcode after its lifeTime and discards it', async () => {
    const fixture = mfaFixture(emulator, { lifeTime: { duration: 30, timeUnit: 'SECONDS' } });
    const { client, reply, flowId } = await startFlow(emulator, fixture);

    await advanceClock(emulator, 31);
    const expired = await client.checkOtp(flowId, reply.body.test.otp);
    expectError(expired, 400, 'INVALID_DATA', { code: 'INVALID_OTP', target: 'otp' });
    expect(expired.body.details[0].innerError.expiredAt).toEqual(expect.any(String));
    expect(expired.body.details[0].message).toContain('expired');
  });

  test('refuses an otp.check on a flow that is already COMPLETED', async () => {
    const fixture = mfaFixture(emulator);
    const { client, reply, flowId } = await startFlow(emulator, fixture);
    await client.checkOtp(flowId, reply.body.test.otp);

    const again = await client.checkOtp(flowId, reply.body.test.otp);
    expectError(again, 400, 'INVALID_REQUEST', {
      code: 'INVALID_VALUE',
      target: 'Content-Type',
      innerError: { allowedValues: [] },
    });
    expect(again.body.message).toContain('COMPLETED');
  });

  test('requires the otp field', async () => {
    const fixture = mfaFixture(emulator);
    const { client, flowId } = await startFlow(emulator, fixture);
    const reply = await client.flowAction(
      flowId,
      'application/vnd.pingidentity.otp.check+json',
      {},
    );
    expectError(reply, 400, 'INVALID_DATA', { code: 'REQUIRED_VALUE', target: 'otp' });
  });
});

test.describe('flow action media types', () => {
  test('answers 415 for a media type that is no flow action', async () => {
    const fixture = mfaFixture(emulator);
    const { client, flowId } = await startFlow(emulator, fixture);
    const reply = await client.flowAction(flowId, 'application/json', { otp: '123456' });
    expectError(reply, 415, 'INVALID_REQUEST');
    expect(reply.body.message).toContain('application/vnd.pingidentity.otp.check+json');
  });

  test("answers 501 for PingOne's flow actions the emulator does not serve", async () => {
    const fixture = mfaFixture(emulator);
    const { client, flowId } = await startFlow(emulator, fixture);
    const reply = await client.flowAction(
      flowId,
      'application/vnd.pingidentity.usernamePassword.check+json',
      { username: 'u', password: 'p' },
    );
    expectError(reply, 501, 'NOT_IMPLEMENTED');
  });
});
