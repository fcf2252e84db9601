import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SuiteRun } from '../support/run-suite.ts';
import { createdResources, failureText, readSummary, stepsOf } from '../support/suite-outcome.ts';
import type { Emulator } from '../../emulator/src/context.ts';
import { DRIFT_KINDS, FLOW_STEPS, type DriftCase } from './cases.ts';

/** How one cell came out: caught at its step with a message naming everything, or not. */
export interface CellOutcome {
  step: string;
  kind: string;
  verdict: 'caught' | 'missed' | 'flawed';
  /** Empty when caught; otherwise each thing that went wrong. */
  problems: string[];
}

/**
 * Judges a faulted run: it must fail; its first failed test must be the faulted step with every
 * earlier step passed; the failure must name the step, the operationId and the JSON path (or the
 * status or media type); cleanup must pass and leave nothing the run created in the emulator.
 */
export function judgeDrift(cell: DriftCase, run: SuiteRun, emulator: Emulator): CellOutcome {
  const problems: string[] = [];
  const summary = readSummary(run.reportDir, run.output);
  const flow = stepsOf(summary, 'flow');
  const firstFailed = flow.find((step) => step.status !== 'passed');
  let atStep = false;

  if (run.exitCode === 0) problems.push('the run passed');
  if (!firstFailed) problems.push('no step failed');
  else if (!firstFailed.title.startsWith(`${cell.step} `)) problems.push(`the first failed step is "${firstFailed.title}" (${firstFailed.status}): ${firstFailed.error ?? ''}`);
  else atStep = firstFailed.status === 'failed';
  const before = flow.filter((step) => step.title < cell.step && step.status !== 'passed');
  if (before.length) problems.push(`earlier steps did not pass: ${before.map((s) => `${s.title.slice(0, 2)} ${s.status}`).join(', ')}`);

  if (firstFailed && atStep) {
    // Long lines of the failure are wrapped at spaces: compare with whitespace collapsed.
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    const text = flat(failureText(run.reportDir, firstFailed.title) ?? firstFailed.error ?? '');
    const wanted = [`Step "${firstFailed.title}" failed at ${cell.operationId} (`, ...cell.evidence];
    for (const phrase of wanted) if (!text.includes(flat(phrase))) problems.push(`the failure does not say "${phrase}"`);
  }
  problems.push(...leftoverProblems(run, emulator));

  const verdict = problems.length === 0 ? 'caught' : atStep ? 'flawed' : 'missed';
  return { step: cell.step, kind: cell.kind, verdict, problems };
}

/** Cleanup's own verdict, and what the emulator still holds that its seed did not lay. */
export function leftoverProblems(run: SuiteRun, emulator: Emulator): string[] {
  const problems: string[] = [];
  const cleanup = stepsOf(readSummary(run.reportDir, run.output), 'cleanup');
  if (cleanup.length !== 1 || cleanup[0]!.status !== 'passed') problems.push(`cleanup did not pass: ${cleanup.map((s) => `${s.status} ${s.error ?? ''}`).join('; ')}`);
  const left = createdResources(emulator);
  if (left.length) problems.push(`left in the emulator: ${left.join(', ')}`);
  return problems;
}

/** Records one cell where every worker of this selftest run can read it. */
export function recordCell(dir: string, outcome: CellOutcome): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${outcome.step}-${outcome.kind}.json`), JSON.stringify(outcome));
}

/** Every cell recorded so far. */
export function readCells(dir: string): CellOutcome[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as CellOutcome);
  } catch {
    return [];
  }
}

/**
 * The matrix as text: one row per step, one column per drift kind (`caught`, `MISSED`, `flawed`,
 * `-` where the contract gives the kind no target), then `caught N of M`.
 */
export function renderMatrix(cases: DriftCase[], cells: CellOutcome[]): string {
  const width = 12;
  const cellOf = (step: string, kind: string) => cells.find((cell) => cell.step === step && cell.kind === kind);
  const lines = [`step  ${'operationId'.padEnd(34)}${DRIFT_KINDS.map((kind) => kind.padEnd(width)).join('')}`];
  for (const { step, operationId } of FLOW_STEPS) {
    const row = DRIFT_KINDS.map((kind) => {
      if (!cases.some((c) => c.step === step && c.kind === kind)) return '-'.padEnd(width);
      const verdict = cellOf(step, kind)?.verdict;
      return (verdict === undefined ? '?' : verdict === 'missed' ? 'MISSED' : verdict).padEnd(width);
    });
    lines.push(`${step}    ${operationId.padEnd(34)}${row.join('')}`);
  }
  const caught = cells.filter((cell) => cell.verdict === 'caught' && cases.some((c) => c.step === cell.step && c.kind === cell.kind)).length;
  lines.push('', `caught ${caught} of ${cases.length}`);
  for (const cell of cells.filter((c) => c.verdict !== 'caught'))
    lines.push(`  ${cell.step} ${cell.kind}: ${cell.problems.join(' | ')}`);
  return lines.join('\n');
}
