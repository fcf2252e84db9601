import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request, test, expect, type APIRequestContext } from '@playwright/test';
import { parseSettings } from '../../lib/config.ts';
import { createRecorded } from '../../lib/create.ts';
import { Ledger, ledgerDir, readLedgers } from '../../lib/ledger.ts';
import { PingOneClient, type Attempt, type CallResult, type ClientCore } from '../../lib/pingone-client.ts';
import { clearSecrets } from '../../lib/redact.ts';
import { RETRY_AFTER_CAP_MS } from '../../lib/retry.ts';
import { WorkerToken } from '../../lib/worker-token.ts';
import type { RunningEmulator } from '../../emulator/src/server.ts';
import { startTenant, TEST_TENANT } from '../support/run-suite.ts';

let emulator: RunningEmulator;
let context: APIRequestContext;

test.beforeAll(async () => {
  emulator = await startTenant();
  context = await request.newContext();
});
test.afterEach(async () => {
  await context.delete(`${emulator.url}/__emulator/faults`);
  clearSecrets();
});
test.afterAll(async () => {
  await context.dispose();
  await emulator.close();
});

/** A client of the suite against the emulator whose sleeps between retries are only recorded. */
function suiteClient(): { client: PingOneClient; waits: number[] } {
  const settings = parseSettings({
    PINGONE_API_URL: emulator.url,
    PINGONE_AUTH_URL: emulator.url,
    PINGONE_ENVIRONMENT_ID: TEST_TENANT.environmentId,
    PINGONE_CLIENT_ID: TEST_TENANT.clientId,
    PINGONE_CLIENT_SECRET: TEST_TENANT.clientSecret,
  });
  const waits: number[] = [];
  const core: ClientCore = { settings, request: context, created: new Map(), timeoutMs: 10_000, sleep: async (ms) => void waits.push(ms) };
  core.token = new WorkerToken(() => new PingOneClient(core));
  return { client: new PingOneClient(core), waits };
}

/** Sets a fault on the emulator; returns its id. */
async function setFault(operationId: string, fault: Record<string, unknown>, count = 1): Promise<string> {
  const response = await context.post(`${emulator.url}/__emulator/faults`, { data: { operationId, count, fault } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id;
}

/** How often the fault fired: with `delay 0`, how many calls of its operation arrived. */
async function hitsOf(id: string): Promise<number> {
  const { faults } = await (await context.get(`${emulator.url}/__emulator/faults`)).json();
  return faults.find((fault: { id: string }) => fault.id === id).hits;
}

/** Counts every call of `operationId` from now on. */
const countCalls = (operationId: string) => setFault(operationId, { kind: 'delay', ms: 0 }, 0);

const retried = (status: number, reason: string, waitMs: number | unknown = expect.any(Number)): Attempt => ({ status, retried: { reason: reason as never, waitMs: waitMs as number } });

let sequence = 0;
const populationName = () => `mfact-abcdef-transient-${process.pid}-${++sequence}`;

test.describe('retried, then successful', () => {
  test('a 429 with Retry-After in seconds waits that long', async () => {
    const { client, waits } = suiteClient();
    await setFault('readAllResources', { kind: 'error', status: 429, retryAfter: 2 });

    const result = await client.call('readAllResources');

    expect(result.status).toBe(200);
    expect(result.attempts).toEqual([retried(429, 'rate limited (429)', 2000), { status: 200 }]);
    expect(waits).toEqual([2000]);
  });

  test('a 429 with Retry-After as an HTTP date waits until then', async () => {
    const { client, waits } = suiteClient();
    await setFault('readAllResources', { kind: 'error', status: 429, retryAfter: new Date(Date.now() + 5_000).toUTCString() });

    const result = await client.call('readAllResources');

    expect(result.attempts).toEqual([retried(429, 'rate limited (429)'), { status: 200 }]);
    expect(waits[0]).toBeGreaterThan(3_000);
    expect(waits[0]).toBeLessThanOrEqual(5_000);
  });

  test('a 429 asking for an hour waits no longer than the cap', async () => {
    const { client, waits } = suiteClient();
    await setFault('readAllResources', { kind: 'error', status: 429, retryAfter: 3600 });

    const result = await client.call('readAllResources');

    expect(result.attempts).toEqual([retried(429, 'rate limited (429)', RETRY_AFTER_CAP_MS), { status: 200 }]);
    expect(waits).toEqual([RETRY_AFTER_CAP_MS]);
  });

  for (const [status, reason] of [
    [502, 'bad gateway (502)'],
    [503, 'unavailable (503)'],
    [500, 'UNEXPECTED_ERROR (500)'],
  ] as const)
    test(`a ${status} is retried after a jittered backoff`, async () => {
      const { client, waits } = suiteClient();
      await setFault('readAllResources', { kind: 'error', status }, 2);

      const result = await client.call('readAllResources');

      expect(result.attempts).toEqual([retried(status, reason), retried(status, reason), { status: 200 }]);
      expect(waits[0]).toBeGreaterThanOrEqual(100);
      expect(waits[0]).toBeLessThanOrEqual(200);
      expect(waits[1]).toBeGreaterThanOrEqual(200);
      expect(waits[1]).toBeLessThanOrEqual(400);
    });

  test('a 404 for a resource created moments ago is retried', async () => {
    const { client } = suiteClient();
    const created = await client.call('createPopulation', { json: { name: populationName() } });
    await setFault('readOnePopulation', { kind: 'notFoundIfFresh', ms: 60_000 });

    const result = await client.call('readOnePopulation', { params: { populationID: created.body.id } });

    expect(result.attempts).toEqual([retried(404, 'not yet visible (404 just after create)'), { status: 200 }]);
  });

  test('a 401 renews the worker token once, and the call then succeeds', async () => {
    const { client } = suiteClient();
    await client.call('readOneEnvironment');
    const tokens = await countCalls('token');
    await setFault('readAllResources', { kind: 'error', status: 401 });

    const result = await client.call('readAllResources');

    expect(result.attempts).toEqual([retried(401, 'token renewed after 401', 0), { status: 200 }]);
    expect(await hitsOf(tokens)).toBe(1);
  });
});

test.describe('never retried', () => {
  for (const [status, code] of [
    [400, 'INVALID_DATA'],
    [403, 'ACCESS_FAILED'],
    [409, 'INVALID_DATA'],
  ] as const)
    test(`a ${status} ${code} fails at once, after one call`, async () => {
      const { client, waits } = suiteClient();
      const fault = await setFault('readAllResources', { kind: 'error', status }, 0);
      let answer: CallResult | undefined;

      await expect(client.call('readAllResources', { onAnswer: (result) => (answer = result) })).rejects.toThrow(`Got:      ${status}`);

      expect(answer?.attempts).toEqual([{ status }]);
      expect(answer?.body.code).toBe(code);
      expect(waits).toEqual([]);
      expect(await hitsOf(fault)).toBe(1);
    });

  test('a 401 that persists after one token renewal fails', async () => {
    const { client } = suiteClient();
    const fault = await setFault('readAllResources', { kind: 'error', status: 401 }, 0);
    let answer: CallResult | undefined;

    await expect(client.call('readAllResources', { onAnswer: (result) => (answer = result) })).rejects.toThrow('Got:      401');

    expect(answer?.attempts).toEqual([retried(401, 'token renewed after 401', 0), { status: 401 }]);
    expect(await hitsOf(fault)).toBe(2);
  });
});

test('a create answered 503 after it happened is adopted by name, never sent twice', async () => {
  const { client } = suiteClient();
  const creates = await countCalls('createPopulation');
  await setFault('createPopulation', { kind: 'status', status: 503 });
  const name = populationName();
  const previous = process.env.SUITE_LEDGER_DIR;
  process.env.SUITE_LEDGER_DIR = mkdtempSync(path.join(tmpdir(), 'mfact-ledger-'));
  try {
    const settings = client.settings;
    const ledger = new Ledger(settings, { runId: 'abcdef', fakerSeed: 1, runnerPid: process.pid });

    const result = await createRecorded(client, ledger, 'createPopulation', { kind: 'population', name, json: { name } });

    expect(result.operationId).toBe('readOnePopulation');
    expect(result.body.name).toBe(name);
    expect(result.attempts[0]).toEqual({ status: 503 });
    expect(await hitsOf(creates)).toBe(1);
    const populations = emulator.state.collections.populations.list((population) => population.name === name);
    expect(populations.map((population) => population.id)).toEqual([result.body.id]);
    const [written] = readLedgers(ledgerDir(settings));
    expect(written?.entries).toEqual([{ key: expect.any(String), kind: 'population', name, parents: {}, id: result.body.id }]);
  } finally {
    if (previous === undefined) delete process.env.SUITE_LEDGER_DIR;
    else process.env.SUITE_LEDGER_DIR = previous;
  }
});
