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

let emulator: RunningEmulator;
let p1: Api;

test.beforeAll(async () => {
  emulator = await startTestEmulator();
  p1 = api(emulator, await workerToken(emulator));
});
test.afterAll(() => emulator.close());

test('creates a population: 201, userCount 0, default false, links that resolve', async () => {
  const name = uniqueName('MFAPopulation');
  const response = await p1.post('populations', { name, description: 'Population for MFA users' });

  expect(response.status).toBe(201);
  expect(response.body).toMatchObject({
    id: expect.any(String),
    environment: { id: emulator.config.environmentId },
    name,
    description: 'Population for MFA users',
    default: false,
    userCount: 0,
    createdAt: expect.any(String),
    updatedAt: expect.any(String),
  });
  await expectLinksResolve(p1, response.body);
});

test('requires a unique name', async () => {
  expectError(await p1.post('populations', { description: 'x' }), 400, 'INVALID_DATA', {
    code: 'REQUIRED_VALUE',
    target: 'name',
  });
  const first = await p1.create('populations', { name: uniqueName('Population') });
  const again = await p1.post('populations', { name: first.name.toUpperCase() });
  expectError(again, 400, 'INVALID_DATA', { code: 'UNIQUENESS_VIOLATION', target: 'name' });
});

test('rejects an unknown password policy', async () => {
  const response = await p1.post('populations', {
    name: uniqueName('Population'),
    passwordPolicy: { id: UNKNOWN },
  });
  expectError(response, 400, 'INVALID_DATA', {
    code: 'INVALID_VALUE',
    target: 'passwordPolicy.id',
  });
});

test('counts the users of a population', async () => {
  const population = await p1.create('populations', { name: uniqueName('Population') });
  await p1.create('users', userBody({ population: { id: population.id } }));
  await p1.create('users', userBody({ population: { id: population.id } }));
  expect((await p1.get(`populations/${population.id}`)).body.userCount).toBe(2);
});

test('lists populations, and filters them by name', async () => {
  const population = await p1.create('populations', { name: uniqueName('Population') });
  const all = await p1.get('populations');
  expect(all.status).toBe(200);
  expect(all.body.count).toBe(all.body._embedded.populations.length);
  expect(all.body._embedded.populations).toContainEqual(population);

  const filtered = await p1.get(
    `populations?filter=${encodeURIComponent(`name eq "${population.name}"`)}`,
  );
  expect(filtered.body).toMatchObject({ count: 1, _embedded: { populations: [population] } });
  const bad = await p1.get(`populations?filter=${encodeURIComponent('userCount gt 1')}`);
  expectError(bad, 400, 'INVALID_REQUEST', { code: 'INVALID_FILTER', target: 'filter' });
});

test('a population created as default replaces the former default', async () => {
  const { body: before } = await p1.get('populations');
  const former = before._embedded.populations.find((p: { default: boolean }) => p.default);
  const replacement = await p1.create('populations', {
    name: uniqueName('Default'),
    default: true,
  });

  expect(replacement.default).toBe(true);
  expect((await p1.get(`populations/${former.id}`)).body.default).toBe(false);
  const user = await p1.create('users', userBody());
  expect(user.population.id).toBe(replacement.id);
});

test('deletes an empty population; 404 afterwards', async () => {
  const population = await p1.create('populations', { name: uniqueName('Population') });
  const response = await p1.delete(`populations/${population.id}`);
  expect(response.status).toBe(204);
  expect(response.body).toBeUndefined();
  expectError(await p1.get(`populations/${population.id}`), 404, 'NOT_FOUND');
  expectError(await p1.delete(`populations/${population.id}`), 404, 'NOT_FOUND');
});

test('refuses to delete a population with users', async () => {
  const population = await p1.create('populations', { name: uniqueName('Population') });
  const user = await p1.create('users', userBody({ population: { id: population.id } }));
  const response = await p1.delete(`populations/${population.id}`);
  expectError(response, 400, 'INVALID_DATA', { code: 'CONSTRAINT_VIOLATION' });

  await p1.delete(`users/${user.id}`);
  expect((await p1.delete(`populations/${population.id}`)).status).toBe(204);
});

test('refuses to delete the default population', async () => {
  const { body } = await p1.get('populations');
  const current = body._embedded.populations.find((p: { default: boolean }) => p.default);
  expectError(await p1.delete(`populations/${current.id}`), 400, 'INVALID_DATA', {
    code: 'CONSTRAINT_VIOLATION',
  });
});
