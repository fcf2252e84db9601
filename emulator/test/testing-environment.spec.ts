import { test, expect } from '@playwright/test';
import type { RunningEmulator } from '../src/server.ts';
import { api, expectError, send, startTestEmulator, workerToken } from './support.ts';

let emulator: RunningEmulator;

test.beforeAll(async () => {
  emulator = await startTestEmulator();
});
test.afterAll(async () => emulator.close());

const environmentUrl = () => `${emulator.url}/__emulator/environment`;

test('PUT /__emulator/environment turns the environment into PRODUCTION until a reset', async () => {
  const response = await send(environmentUrl(), { method: 'PUT', body: { type: 'PRODUCTION' } });

  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({ id: emulator.config.environmentId, type: 'PRODUCTION' });
  expect((await api(emulator, await workerToken(emulator)).get('')).body.type).toBe('PRODUCTION');

  await send(`${emulator.url}/__emulator/reset`, { method: 'POST' });
  expect((await api(emulator, await workerToken(emulator)).get('')).body.type).toBe('SANDBOX');
});

test('PUT /__emulator/environment refuses a type PingOne does not have', async () => {
  const response = await send(environmentUrl(), { method: 'PUT', body: { type: 'STAGING' } });

  expectError(response, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'type' });
  expect(response.body.details[0].innerError).toEqual({ allowedValues: ['SANDBOX', 'PRODUCTION'] });
});

test('PUT /__emulator/environment requires a type', async () => {
  expectError(await send(environmentUrl(), { method: 'PUT', body: {} }), 400, 'INVALID_DATA', { code: 'REQUIRED_VALUE', target: 'type' });
});
