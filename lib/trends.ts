import { existsSync, readFileSync } from 'node:fs';
import type { RunSummary, StepSummary } from './reporters/summary-reporter.ts';

/** When a step counts as slower: both more than `percent` % and more than `ms` milliseconds. */
export interface LatencyThresholds {
  percent: number;
  ms: number;
}

export const DEFAULT_THRESHOLDS: LatencyThresholds = { percent: 50, ms: 100 };

/** What changed from one night's run summary to the next. */
export interface Trends {
  /** Steps that fail tonight and did not fail last night (passed, were skipped, or are new). */
  newFailures: { step: string; error?: string; lastNight: StepSummary['status'] | 'absent' }[];
  /** Steps that failed last night and pass tonight. */
  fixed: string[];
  /** Response fields outside the contract seen tonight, per operation, that last night did not show. */
  newFields: { operationId: string; fields: string[] }[];
  latencyRegressions: { step: string; lastMs: number; tonightMs: number }[];
  /** Statuses each operation was seen answering tonight and not last night, and the reverse. */
  coverage: { operation: string; gained: number[]; lost: number[] }[];
}

/** A file that cannot be compared; the message names the file and what to pass instead. */
export class SummaryInputError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}. Pass the summary.json a run of the suite writes (reports/summary.json, or the summaries artifact of the nightly workflow).`);
    this.name = 'SummaryInputError';
  }
}

const FAILED = new Set<StepSummary['status']>(['failed', 'timedOut', 'interrupted']);

/** Reads and checks a run summary; throws {@link SummaryInputError} for anything else. */
export function readSummary(file: string): RunSummary {
  if (!existsSync(file)) throw new SummaryInputError(file, 'no such file');

  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new SummaryInputError(file, 'not JSON');
  }

  const problem = summaryProblem(data);
  if (problem) throw new SummaryInputError(file, `not a run summary (${problem})`);
  return data as RunSummary;
}

function summaryProblem(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'not an object';
  const summary = data as Record<string, unknown>;
  if (!Array.isArray(summary.steps)) return 'no steps array';
  if (!Array.isArray(summary.coverage)) return 'no coverage array';

  for (const [i, step] of (summary.steps as Record<string, unknown>[]).entries()) {
    if (typeof step?.title !== 'string' || typeof step.status !== 'string') return `steps[${i}] has no title or status`;
    if (typeof step.durationMs !== 'number' || !Array.isArray(step.calls)) return `steps[${i}] has no durationMs or calls`;
  }
  for (const [i, entry] of (summary.coverage as Record<string, unknown>[]).entries())
    if (typeof entry?.operation !== 'string' || !Array.isArray(entry.statuses)) return `coverage[${i}] has no operation or statuses`;
  return undefined;
}

/** Compares last night's summary with tonight's. */
export function compareSummaries(last: RunSummary, tonight: RunSummary, thresholds = DEFAULT_THRESHOLDS): Trends {
  const before = byStep(last);
  const now = byStep(tonight);

  const newFailures: Trends['newFailures'] = [];
  const fixed: string[] = [];
  const latencyRegressions: Trends['latencyRegressions'] = [];
  for (const [key, step] of now) {
    const previous = before.get(key);
    if (FAILED.has(step.status) && !(previous && FAILED.has(previous.status)))
      newFailures.push({ step: key, lastNight: previous?.status ?? 'absent', ...(step.error ? { error: step.error } : {}) });
    if (previous && FAILED.has(previous.status) && step.status === 'passed') fixed.push(key);
    if (previous?.status === 'passed' && step.status === 'passed' && slower(previous.durationMs, step.durationMs, thresholds))
      latencyRegressions.push({ step: key, lastMs: previous.durationMs, tonightMs: step.durationMs });
  }

  return { newFailures, fixed, newFields: newFields(last, tonight), latencyRegressions, coverage: coverage(last, tonight) };
}

/** True when the suite should alert: something fails tonight that did not last night. */
export function hasNewFailures(trends: Trends): boolean {
  return trends.newFailures.length > 0;
}

/** The trends as lines for a person, one section per kind of change, empty ones left out. */
export function formatTrends(trends: Trends, thresholds = DEFAULT_THRESHOLDS): string {
  const sections: string[] = [];
  const section = (title: string, lines: string[]) => lines.length && sections.push([title, ...lines.map((l) => `  ${l}`)].join('\n'));

  section(
    `New failures (${trends.newFailures.length}):`,
    trends.newFailures.map((f) => `${f.step} (last night: ${f.lastNight})${f.error ? `\n    ${f.error}` : ''}`),
  );
  section(`Fixed (${trends.fixed.length}):`, trends.fixed);
  section(
    'New fields outside the contract:',
    trends.newFields.map((f) => `${f.operationId}: ${f.fields.join(', ')}`),
  );
  section(
    `Slower by more than ${thresholds.percent}% and ${thresholds.ms} ms:`,
    trends.latencyRegressions.map((r) => `${r.step}: ${r.lastMs} ms → ${r.tonightMs} ms`),
  );
  section(
    'Coverage changes:',
    trends.coverage.map((c) => [c.operation, ...c.gained.map((s) => `+${s}`), ...c.lost.map((s) => `-${s}`)].join(' ')),
  );
  return sections.length ? sections.join('\n\n') : 'No changes since last night.';
}

/**
 * Steps by `project › title`. Parallel flows repeat titles: a repeated step counts as failed if
 * any of its runs failed, and as slow as its slowest run.
 */
function byStep(summary: RunSummary): Map<string, StepSummary> {
  const steps = new Map<string, StepSummary>();
  for (const step of summary.steps) {
    const key = step.project ? `${step.project} › ${step.title}` : step.title;
    const seen = steps.get(key);
    if (!seen || (FAILED.has(step.status) && !FAILED.has(seen.status))) steps.set(key, { ...step, durationMs: Math.max(step.durationMs, seen?.durationMs ?? 0) });
    else seen.durationMs = Math.max(seen.durationMs, step.durationMs);
  }
  return steps;
}

function slower(lastMs: number, tonightMs: number, thresholds: LatencyThresholds): boolean {
  return tonightMs - lastMs > thresholds.ms && tonightMs > lastMs * (1 + thresholds.percent / 100);
}

function fieldsByOperation(summary: RunSummary): Map<string, Set<string>> {
  const fields = new Map<string, Set<string>>();
  for (const call of summary.steps.flatMap((step) => step.calls)) {
    if (!fields.has(call.operationId)) fields.set(call.operationId, new Set());
    for (const field of call.unknownProperties ?? []) fields.get(call.operationId)!.add(field);
  }
  return fields;
}

function newFields(last: RunSummary, tonight: RunSummary): Trends['newFields'] {
  const before = fieldsByOperation(last);
  return [...fieldsByOperation(tonight)]
    .map(([operationId, fields]) => ({ operationId, fields: [...fields].filter((f) => !before.get(operationId)?.has(f)).sort() }))
    .filter((entry) => entry.fields.length > 0)
    .sort((a, b) => a.operationId.localeCompare(b.operationId));
}

function coverage(last: RunSummary, tonight: RunSummary): Trends['coverage'] {
  const statuses = (summary: RunSummary) => new Map(summary.coverage.map((c) => [c.operation, new Set(c.statuses)]));
  const before = statuses(last);
  const now = statuses(tonight);
  const operations = [...new Set([...before.keys(), ...now.keys()])].sort();
  return operations
    .map((operation) => {
      const was = before.get(operation) ?? new Set<number>();
      const is = now.get(operation) ?? new Set<number>();
      return {
        operation,
        gained: [...is].filter((s) => !was.has(s)).sort((a, b) => a - b),
        lost: [...was].filter((s) => !is.has(s)).sort((a, b) => a - b),
      };
    })
    .filter((c) => c.gained.length > 0 || c.lost.length > 0);
}
