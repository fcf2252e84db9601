import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { injectFault, listFaults } from '../support/faults.ts';
import { runSuite, startTenant } from '../support/run-suite.ts';
import { readSummary, stepsOf } from '../support/suite-outcome.ts';
import { driftCases } from './cases.ts';
import { judgeDrift, leftoverProblems, readCells, recordCell, renderMatrix } from './matrix.ts';

/**
 * The drift matrix: for each of the 17 steps and each way PingOne's answer could drift from the
 * contract (a required field dropped, a field of another type, an unknown enum value, another
 * status, another media type), one fault in a fresh emulator and one run of the suite, which must
 * fail at exactly that step, say where, and leave nothing behind. The unfaulted run must pass.
 */
test.describe.configure({ mode: 'parallel' });

const CASES = driftCases();
/** A run may be slow on a busy machine; the suite's own timeouts stay as they are. */
const RUN_TIMEOUT_MS = 170_000;

/**
 * Cells are shared between workers through files under the runner's process id, outside
 * test-results (which another selftest run may wipe meanwhile).
 */
const cellsDir = () => path.join(tmpdir(), 'mfact-drift-matrix', String(process.ppid));
/** Only the flow (with its setup and cleanup): the error-contract tests would use up the fault. */
const FLOW_ONLY = ['--project=flow'];

test.beforeEach(() => test.setTimeout(RUN_TIMEOUT_MS + 10_000));

test('passes unfaulted: no false alarm', async ({}, testInfo) => {
  const emulator = await startTenant();
  try {
    const run = await runSuite({ urls: { api: emulator.url, auth: emulator.url }, timeoutMs: RUN_TIMEOUT_MS, args: FLOW_ONLY });

    const flow = stepsOf(readSummary(run.reportDir, run.output), 'flow');
    const problems = [
      ...(run.exitCode === 0 ? [] : [`the run failed (exit ${run.exitCode})`]),
      ...flow.filter((step) => step.status !== 'passed').map((step) => `${step.title}: ${step.status} ${step.error ?? ''}`),
      ...(flow.length === 17 ? [] : [`${flow.length} steps ran, not 17`]),
      ...leftoverProblems(run, emulator),
    ];
    recordCell(cellsDir(), { step: '00', kind: 'none', verdict: problems.length ? 'missed' : 'caught', problems });
    expect(problems, run.output.slice(-3000)).toEqual([]);
  } finally {
    await emulator.close();
  }
});

for (const cell of CASES) {
  test(`${cell.step} ${cell.operationId}: ${cell.kind} ${cell.target} fails that step`, async ({}, testInfo) => {
    const emulator = await startTenant();
    try {
      const fault = await injectFault(emulator.url, { operationId: cell.emulatorOperationId, count: 1, fault: cell.fault });

      const run = await runSuite({ urls: { api: emulator.url, auth: emulator.url }, timeoutMs: RUN_TIMEOUT_MS, args: FLOW_ONLY });

      const outcome = judgeDrift(cell, run, emulator);
      const hits = (await listFaults(emulator.url)).find((f) => f.id === fault.id)?.hits;
      if (hits !== 1) outcome.problems.unshift(`the fault fired ${hits ?? 0} times, not once`);
      if (hits !== 1 && outcome.verdict === 'caught') outcome.verdict = 'flawed';
      recordCell(cellsDir(), outcome);
      await testInfo.attach('suite output', { body: run.output, contentType: 'text/plain' });
      expect(outcome.problems).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
}

test.afterAll(async ({}, testInfo) => {
  const dir = cellsDir();
  const cells = readCells(dir);
  const drifted = cells.filter((cell) => cell.step !== '00');
  if (drifted.length < CASES.length || cells.length < CASES.length + 1) {
    console.log(`drift matrix: ${drifted.length} of ${CASES.length} cells recorded so far; the last worker prints it`);
    return;
  }
  try {
    writeFileSync(path.join(dir, 'printed'), '', { flag: 'wx' });
  } catch {
    return; // another worker printed it
  }
  const clean = cells.find((cell) => cell.step === '00');
  const matrix = [
    `unfaulted run: ${clean?.verdict === 'caught' ? 'passed (no false alarm)' : `FALSE ALARM: ${clean?.problems.join(' | ')}`}`,
    '',
    renderMatrix(CASES, drifted),
  ].join('\n');
  console.log(`\nDrift matrix (step × fault)\n${matrix}\n`);
  writeFileSync(path.join(dir, 'matrix.txt'), `${matrix}\n`);
  await testInfo.attach('drift matrix', { body: matrix, contentType: 'text/plain' });
});
