import { expect, test } from '@playwright/test';
import type { RunningEmulator } from '../src/server.ts';
import {
  api,
  expectError,
  expectLinksResolve,
  startTestEmulator,
  uniqueName,
  userBody,
  workerToken,
  type Api,
} from './support.ts';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const PASSWORD_SET = 'application/vnd.pingidentity.password.set+json';

let emulator: RunningEmulator;
let p1: Api;
let population: { id: string };

test.beforeAll(async () => {
  emulator = await startTestEmulator();
  p1 = api(emulator, await workerToken(emulator));
  population = await p1.create('populations', { name: uniqueName('MFAPopulation') });
});
test.afterAll(() => emulator.close());

test.describe('createUser', () => {
  test("creates the workflow's user: 201, PingOne's server-set fields, links that resolve", async () => {
    const body = userBody({ population: { id: population.id } });
    const response = await p1.post('users', body);

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      ...body,
      id: expect.any(String),
      environment: { id: emulator.config.environmentId },
      enabled: true,
      mfaEnabled: false,
      account: { canAuthenticate: true, status: 'OK' },
      lifecycle: { status: 'ACCOUNT_OK' },
      identityProvider: { type: 'PING_ONE' },
      verifyStatus: 'NOT_INITIATED',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(Object.keys(response.body._links)).toEqual(
      expect.arrayContaining(['self', 'password', 'devices', 'population']),
    );
    await expectLinksResolve(p1, response.body);
  });

  test('puts a user without a population into the default population', async () => {
    const { body } = await p1.get('populations');
    const defaultPopulation = body._embedded.populations.find(
      (p: { default: boolean }) => p.default,
    );
    const user = await p1.create('users', userBody());
    expect(user.population).toEqual({ id: defaultPopulation.id });
  });

  test('requires username and a valid email', async () => {
    const { username, ...noUsername } = userBody();
    expectError(await p1.post('users', noUsername), 400, 'INVALID_DATA', {
      code: 'REQUIRED_VALUE',
      target: 'username',
    });
    expectError(await p1.post('users', { username }), 400, 'INVALID_DATA', {
      code: 'REQUIRED_VALUE',
      target: 'email',
    });
    const bad = await p1.post('users', userBody({ email: 'not-an-email' }));
    expectError(bad, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'email' });
  });

  test('rejects a username in use, whatever its case', async () => {
    const first = await p1.create('users', userBody());
    const response = await p1.post('users', userBody({ username: first.username.toUpperCase() }));
    expectError(response, 400, 'INVALID_DATA', {
      code: 'UNIQUENESS_VIOLATION',
      target: 'username',
    });
    expect(response.body.details[0].innerError.existingId).toBe(first.id);
  });

  test('rejects a population that does not exist', async () => {
    const response = await p1.post('users', userBody({ population: { id: UNKNOWN } }));
    expectError(response, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'population.id' });
  });

  test('accepts an initial password, never returns it, and checks it against the policy', async () => {
    const user = await p1.create(
      'users',
      userBody({ password: { value: 'Sup3r$ecret!', forceChange: true } }),
    );
    expect(JSON.stringify(user)).not.toContain('Sup3r$ecret!');
    expect((await p1.get(`users/${user.id}/password`)).body.status).toBe('MUST_CHANGE_PASSWORD');

    const weak = await p1.post('users', userBody({ password: { value: 'weak' } }));
    expectError(weak, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'password' });
  });

  test('answers 415 for another media type', async () => {
    const response = await p1.post(
      'users',
      userBody(),
      'application/vnd.pingidentity.user.import+json',
    );
    expectError(response, 415, 'INVALID_REQUEST');
  });
});

test.describe('reading and deleting users', () => {
  test('lists users and filters them by population.id and username', async () => {
    const own = await p1.create('populations', { name: uniqueName('Population') });
    const user = await p1.create('users', userBody({ population: { id: own.id } }));
    await p1.create('users', userBody());

    const byPopulation = await p1.get(
      `users?filter=${encodeURIComponent(`population.id eq "${own.id}"`)}`,
    );
    expect(byPopulation.status).toBe(200);
    expect(byPopulation.body).toMatchObject({ count: 1, size: 1, _embedded: { users: [user] } });
    const byUsername = await p1.get(
      `users?filter=${encodeURIComponent(`username eq "${user.username}"`)}`,
    );
    expect(byUsername.body._embedded.users).toEqual([user]);
    const all = await p1.get('users');
    expect(all.body.count).toBeGreaterThanOrEqual(2);
  });

  test('rejects a filter it cannot apply with INVALID_FILTER', async () => {
    for (const filter of [
      'name.given sw "Te"',
      'enabled eq true',
      'population.id eq "a" or username eq "b"',
      'lastName eq "x"',
    ]) {
      const response = await p1.get(`users?filter=${encodeURIComponent(filter)}`);
      expectError(response, 400, 'INVALID_REQUEST', { code: 'INVALID_FILTER', target: 'filter' });
    }
  });

  test('reads one user; 404 for an unknown one', async () => {
    const user = await p1.create('users', userBody());
    expect((await p1.get(`users/${user.id}`)).body).toEqual(user);
    expectError(await p1.get(`users/${UNKNOWN}`), 404, 'NOT_FOUND');
  });

  test('deletes a user with its devices and password', async () => {
    const user = await p1.create('users', userBody());
    await p1.put(
      `users/${user.id}/password`,
      { value: 'Sup3r$ecret!', forceChange: false },
      PASSWORD_SET,
    );
    const device = await p1.create(`users/${user.id}/devices`, {
      type: 'SMS',
      phone: '+15125201234',
    });

    const response = await p1.delete(`users/${user.id}`);
    expect(response.status).toBe(204);
    expect(response.body).toBeUndefined();
    expectError(await p1.get(`users/${user.id}`), 404, 'NOT_FOUND');
    expect(emulator.state.collections.devices.get(device.id)).toBeUndefined();
    expect(emulator.state.collections.passwords.get(user.id)).toBeUndefined();
  });
});

test.describe('mfaEnabled', () => {
  test('reads and updates mfaEnabled', async () => {
    const user = await p1.create('users', userBody());
    const before = await p1.get(`users/${user.id}/mfaEnabled`);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      _links: expect.objectContaining({ self: { href: `${user._links.self.href}/mfaEnabled` } }),
      mfaEnabled: false,
    });

    const updated = await p1.put(`users/${user.id}/mfaEnabled`, { mfaEnabled: true });
    expect(updated.status).toBe(200);
    expect(updated.body.mfaEnabled).toBe(true);
    await expectLinksResolve(p1, updated.body);
    expect((await p1.get(`users/${user.id}`)).body.mfaEnabled).toBe(true);
  });

  test('requires a boolean mfaEnabled; 404 for an unknown user', async () => {
    const user = await p1.create('users', userBody());
    expectError(await p1.put(`users/${user.id}/mfaEnabled`, {}), 400, 'INVALID_DATA', {
      code: 'REQUIRED_VALUE',
      target: 'mfaEnabled',
    });
    const text = await p1.put(`users/${user.id}/mfaEnabled`, { mfaEnabled: 'true' });
    expectError(text, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'mfaEnabled' });
    expectError(
      await p1.put(`users/${UNKNOWN}/mfaEnabled`, { mfaEnabled: true }),
      404,
      'NOT_FOUND',
    );
  });
});
