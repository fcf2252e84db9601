import { test, expect } from '@playwright/test';
import { injectFault, listFaults, setEnvironmentType } from '../support/faults.ts';
import { runSuite, startTenant } from '../support/run-suite.ts';
import { createdResources, readSummary, stepsOf } from '../support/suite-outcome.ts';
import { routes } from '../../emulator/src/routes.ts';
import type { RunningEmulator } from '../../emulator/src/server.ts';

/**
 * The setup's guards: a PRODUCTION environment stops the run before any write unless
 * PINGONE_ALLOW_PRODUCTION=true; a worker without a role the flow needs stops it naming the role;
 * a worker token revoked mid-run is renewed once and the run goes on.
 */
test.describe.configure({ mode: 'parallel' });

const RUN_TIMEOUT_MS = 170_000;
const FLOW_ONLY = ['--project=flow'];

test.beforeEach(() => test.setTimeout(RUN_TIMEOUT_MS + 20_000));

const urlsOf = (emulator: RunningEmulator) => ({ api: emulator.url, auth: emulator.url });

/** Arms a do-nothing fault on every management write, so that its hits count the writes. */
async function watchWrites(emulator: RunningEmulator): Promise<() => Promise<string[]>> {
  const writes = routes.filter((route) => route.plane === 'management' && route.method !== 'GET');
  for (const route of writes) await injectFault(emulator.url, { operationId: route.operationId, count: 0, fault: { kind: 'delay', ms: 0 } });
  return async () => (await listFaults(emulator.url)).filter((fault) => fault.fault.kind === 'delay' && fault.hits > 0).map((fault) => `${fault.operationId} ×${fault.hits}`);
}

test('refuses a PRODUCTION environment before any write, naming PINGONE_ALLOW_PRODUCTION', async () => {
  const emulator = await startTenant();
  try {
    await setEnvironmentType(emulator.url, 'PRODUCTION');
    const writesSeen = await watchWrites(emulator);

    const run = await runSuite({ urls: urlsOf(emulator), args: FLOW_ONLY, timeoutMs: RUN_TIMEOUT_MS, env: { PINGONE_ALLOW_PRODUCTION: 'false' } });

    expect(run.exitCode).not.toBe(0);
    const summary = readSummary(run.reportDir, run.output);
    const guard = stepsOf(summary, 'setup').find((step) => step.title === 'reads the environment before writing anything');
    expect(guard?.status).toBe('failed');
    expect(guard?.error).toContain('PRODUCTION environment');
    expect(guard?.error).toContain('PINGONE_ALLOW_PRODUCTION=true');
    expect(stepsOf(summary, 'flow').filter((step) => step.status !== 'skipped')).toEqual([]);
    expect(await writesSeen()).toEqual([]);
    expect(createdResources(emulator)).toEqual([]);
  } finally {
    await emulator.close();
  }
});

test('runs against a PRODUCTION environment with PINGONE_ALLOW_PRODUCTION=true', async () => {
  const emulator = await startTenant();
  try {
    await setEnvironmentType(emulator.url, 'PRODUCTION');

    const run = await runSuite({ urls: urlsOf(emulator), args: FLOW_ONLY, timeoutMs: RUN_TIMEOUT_MS, env: { PINGONE_ALLOW_PRODUCTION: 'true' } });

    expect(run.exitCode, run.output.slice(-3000)).toBe(0);
    expect(stepsOf(readSummary(run.reportDir, run.output), 'flow').map((step) => step.status)).toEqual(Array(17).fill('passed'));
    expect(createdResources(emulator)).toEqual([]);
  } finally {
    await emulator.close();
  }
});

test('stops in setup, naming the Identity Data Admin role, when readAllUsers is forbidden', async () => {
  const emulator = await startTenant();
  try {
    await injectFault(emulator.url, { operationId: 'readAllUsers', count: 1, fault: { kind: 'error', status: 403 } });
    const writesSeen = await watchWrites(emulator);

    const run = await runSuite({ urls: urlsOf(emulator), args: FLOW_ONLY, timeoutMs: RUN_TIMEOUT_MS });

    expect(run.exitCode).not.toBe(0);
    const summary = readSummary(run.reportDir, run.output);
    const roles = stepsOf(summary, 'setup').find((step) => step.title === "has the roles the flow's writes need");
    expect(roles?.status).toBe('failed');
    expect(roles?.error).toContain('Identity Data Admin (readAllUsers answered 403)');
    expect(stepsOf(summary, 'flow').filter((step) => step.status !== 'skipped')).toEqual([]);
    expect(await writesSeen()).toEqual([]);
  } finally {
    await emulator.close();
  }
});

test('renews the worker token once after a 401 and passes', async () => {
  const emulator = await startTenant();
  try {
    await injectFault(emulator.url, { operationId: 'createPopulation', count: 1, fault: { kind: 'error', status: 401 } });

    const run = await runSuite({ urls: urlsOf(emulator), args: FLOW_ONLY, timeoutMs: RUN_TIMEOUT_MS });

    expect(run.exitCode, run.output.slice(-3000)).toBe(0);
    const population = stepsOf(readSummary(run.reportDir, run.output), 'flow').find((step) => step.title.startsWith('09 '));
    expect(population?.retries).toEqual(['createPopulation: token renewed after 401; retried after 0 ms']);
    expect((await listFaults(emulator.url))[0]!.hits).toBe(1);
    expect(createdResources(emulator)).toEqual([]);
  } finally {
    await emulator.close();
  }
});
