import { expect, test } from '@playwright/test';
import { TESTING_PREFIX, routes } from '../src/routes.ts';
import type { RunningEmulator } from '../src/server.ts';
import {
  expectError,
  mfaFixture,
  startAuthEmulator,
  startFlow,
  type Reply,
} from './auth-support.ts';

let emulator: RunningEmulator;
test.beforeAll(async () => {
  emulator = await startAuthEmulator();
});
test.afterAll(async () => {
  await emulator.close();
});

async function call(method: string, path: string, body?: unknown): Promise<Reply> {
  const init =
    body === undefined
      ? { method }
      : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const response = await fetch(`${emulator.url}${TESTING_PREFIX}${path}`, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}

test('serves every test-only route under TESTING_PREFIX, on the testing plane', () => {
  const testing = routes.filter((route) => route.plane === 'testing');
  expect(testing.length).toBeGreaterThanOrEqual(6);
  for (const route of testing)
    expect(route.path.startsWith(`${TESTING_PREFIX}/`), route.path).toBe(true);
});

test.describe('outbox', () => {
  test('lists passcodes sent to devices not in test mode, filtered by phone in any spelling', async () => {
    const fixture = mfaFixture(emulator, {
      devices: [{ testMode: false, phone: '+1 (512) 520-1234' }],
    });
    await startFlow(emulator, fixture);

    const all = await call('GET', '/outbox');
    expect(all.status).toBe(200);
    const mine = await call('GET', `/outbox?phone=${encodeURIComponent('+1.5125201234')}`);
    expect(mine.body).toMatchObject({
      count: 1,
      _embedded: { messages: [{ deviceId: fixture.devices[0]!.id, userId: fixture.user.id }] },
    });
    expect(mine.body._embedded.messages[0].sentAt).toMatch(/Z$/);
    expect((await call('GET', '/outbox?phone=%2B19999999999')).body.count).toBe(0);
  });

  test('forgets every message on DELETE', async () => {
    await startFlow(emulator, mfaFixture(emulator, { devices: [{ testMode: false }] }));
    expect((await call('DELETE', '/outbox')).status).toBe(204);
    expect((await call('GET', '/outbox')).body.count).toBe(0);
  });
});

test.describe('state', () => {
  test('tells seeded ids from created ones, per collection, without secrets', async () => {
    const fixture = mfaFixture(emulator);
    const { reply } = await startFlow(emulator, fixture);
    const view = await call('GET', '/state');

    expect(view.status).toBe(200);
    const { applications, flows, users } = view.body.collections;
    expect(applications.seeded).toContain(emulator.config.clientId);
    expect(applications.created).toContain(fixture.application.id);
    expect(applications.count).toBe(applications.seeded.length + applications.created.length);
    expect(users.created).toContain(fixture.user.id);
    expect(flows.created).toContain(reply.body.id);
    const text = JSON.stringify(view.body);
    for (const secret of [fixture.secret, emulator.config.clientSecret, reply.body.test.otp])
      expect(text).not.toContain(secret);
  });
});

test.describe('clock', () => {
  test('moves the emulator clock forward', async () => {
    const before = (await call('GET', '/clock')).body;
    const after = await call('POST', '/clock', { advanceSeconds: 90 });

    expect(after.status).toBe(200);
    expect(after.body.clockOffsetMs - before.clockOffsetMs).toBe(90_000);
    expect(Date.parse(after.body.now) - Date.parse(before.now)).toBeGreaterThanOrEqual(90_000);
  });

  test('refuses to go back, or a value that is not a number', async () => {
    expectError(await call('POST', '/clock', { advanceSeconds: -1 }), 400, 'INVALID_DATA', {
      code: 'OUT_OF_RANGE',
      target: 'advanceSeconds',
    });
    expectError(await call('POST', '/clock', { advanceSeconds: '10' }), 400, 'INVALID_DATA', {
      code: 'INVALID_VALUE',
      target: 'advanceSeconds',
    });
    expectError(await call('POST', '/clock', {}), 400, 'INVALID_DATA', {
      code: 'REQUIRED_VALUE',
      target: 'advanceSeconds',
    });
  });
});

test.describe('reset', () => {
  test('clears everything and lays the seed again', async () => {
    const fixture = mfaFixture(emulator, { devices: [{ testMode: false }] });
    await startFlow(emulator, fixture);
    await call('POST', '/clock', { advanceSeconds: 60 });

    expect((await call('POST', '/reset')).status).toBe(204);
    const view = (await call('GET', '/state')).body;
    expect(view.clockOffsetMs).toBe(0);
    expect(view.outbox.count).toBe(0);
    for (const [name, entry] of Object.entries(view.collections) as [
      string,
      { created: string[] },
    ][])
      expect(entry.created, name).toEqual([]);
    expect(view.collections.applications.seeded).toContain(emulator.config.clientId);
    expect(emulator.state.collections.applications.get(fixture.application.id)).toBeUndefined();
  });
});
