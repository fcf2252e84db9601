import { readdirSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { FLOW_STEPS } from '../drift/cases.ts';
import { clearFaults, hitsOf, injectFault } from '../support/faults.ts';
import { createDirectly, webApplication } from '../support/management.ts';
import { kill, runSuite, runSweep, startSuite, startTenant, suiteEnv, type StartedSuite } from '../support/run-suite.ts';
import { createdResources, readSummary, stepsOf } from '../support/suite-outcome.ts';
import type { RunningEmulator } from '../../emulator/src/server.ts';

/**
 * A run SIGKILLed inside any step (runner and workers at once, as a crash or a cancelled CI job)
 * leaves a ledger from which `npm run sweep`, or the next run's setup, deletes everything it
 * created. The sweep spares resources without the run tag and deletes tagged ones no ledger knows.
 */
test.describe.configure({ mode: 'parallel' });

const RUN_TIMEOUT_MS = 170_000;
/** Longer than any step could take: the killed run is caught inside the delayed call. */
const HOLD_MS = 60_000;
const FLOW_ONLY = ['--project=flow'];

test.beforeEach(() => test.setTimeout(2 * RUN_TIMEOUT_MS));

/** Starts the suite with step `n`'s call held, and kills the run's process group once it is inside. */
async function killInside(emulator: RunningEmulator, n: number, ledgerDir?: string): Promise<StartedSuite> {
  const step = FLOW_STEPS[n - 1]!;
  const fault = await injectFault(emulator.url, { operationId: step.emulatorOperationId, count: 1, fault: { kind: 'delay', ms: HOLD_MS } });
  const suite = startSuite({ urls: { api: emulator.url, auth: emulator.url }, detached: true, args: FLOW_ONLY, timeoutMs: RUN_TIMEOUT_MS, ledgerDir });

  await expect
    .poll(async () => (suite.child.exitCode === null ? hitsOf(emulator.url, fault.id) : -1), {
      message: `the run reaches step ${step.step} (${step.operationId})`,
      timeout: RUN_TIMEOUT_MS,
      intervals: [100, 200, 400],
    })
    .toBeGreaterThanOrEqual(1);
  kill(suite.child, true);
  await suite.finished;
  await clearFaults(emulator.url);
  return suite;
}

function ledgerFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.jsonl'));
  } catch {
    return [];
  }
}

for (const step of FLOW_STEPS) {
  const n = Number(step.step);
  test(`npm run sweep deletes what a run killed inside step ${step.step} (${step.operationId}) created`, async () => {
    const emulator = await startTenant();
    try {
      const suite = await killInside(emulator, n);
      const left = createdResources(emulator);
      if (n > 1) expect(left.length, 'the killed run left resources for the sweep to find').toBeGreaterThan(0);
      expect(ledgerFiles(suite.ledgerDir), 'the killed run left its ledger').toHaveLength(1);

      const sweep = await runSweep(suite.env);

      expect(sweep.exitCode, sweep.output).toBe(0);
      expect(createdResources(emulator), sweep.output).toEqual([]);
      expect(ledgerFiles(suite.ledgerDir), 'the sweep retires the dead run’s ledger').toEqual([]);
    } finally {
      await emulator.close();
    }
  });
}

test("the next run's setup deletes what a killed run left, before its own steps", async () => {
  const emulator = await startTenant();
  try {
    const killed = await killInside(emulator, 14);
    const left = createdResources(emulator);
    expect(left.length).toBeGreaterThan(0);

    const next = await runSuite({ urls: { api: emulator.url, auth: emulator.url }, ledgerDir: killed.ledgerDir, args: FLOW_ONLY, timeoutMs: RUN_TIMEOUT_MS });

    expect(next.exitCode, next.output.slice(-3000)).toBe(0);
    const setup = stepsOf(readSummary(next.reportDir, next.output), 'setup');
    expect(setup.find((s) => s.title === 'deletes what killed runs left behind')?.status).toBe('passed');
    expect(createdResources(emulator)).toEqual([]);
    expect(ledgerFiles(killed.ledgerDir), 'both runs’ ledgers are retired').toEqual([]);
  } finally {
    await emulator.close();
  }
});

test('npm run sweep spares resources without the run tag and deletes tagged ones no ledger knows', async () => {
  const emulator = await startTenant();
  try {
    const untagged = await createDirectly(emulator.url, 'applications', webApplication('Payroll portal'));
    const lookalike = await createDirectly(emulator.url, 'applications', webApplication('mfact portal, not a run'));
    const orphanApp = await createDirectly(emulator.url, 'applications', webApplication('mfact-0a1b2c-web-app-orphan'));
    const orphanPopulation = await createDirectly(emulator.url, 'populations', { name: 'mfact-0a1b2c population orphan' });
    const { env } = suiteEnv({ urls: { api: emulator.url, auth: emulator.url } });

    const sweep = await runSweep(env);

    expect(sweep.exitCode, sweep.output).toBe(0);
    const remaining = createdResources(emulator).join('\n');
    expect(remaining).toContain(untagged.id);
    expect(remaining).toContain(lookalike.id);
    expect(remaining).not.toContain(orphanApp.id);
    expect(remaining).not.toContain(orphanPopulation.id);
  } finally {
    await emulator.close();
  }
});
