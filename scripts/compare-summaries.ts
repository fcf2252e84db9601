/**
 * `npm run compare -- <last.json> <tonight.json> [--slower-percent=50] [--slower-ms=100]`: prints
 * what changed between two run summaries (new failures, fixed steps, new fields outside the
 * contract, slower steps, coverage). Exits 1 when a step fails that did not fail last night, so
 * that CI can alert; 2 when an input is unusable; 0 otherwise.
 */
import { parseArgs } from 'node:util';
import { compareSummaries, DEFAULT_THRESHOLDS, formatTrends, hasNewFailures, readSummary, SummaryInputError } from '../lib/trends.ts';

const USAGE = 'Usage: npm run compare -- <last-summary.json> <tonight-summary.json> [--slower-percent=50] [--slower-ms=100]';

function threshold(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) fail(`--${name}=${value} is not a number of 0 or more.`);
  return number;
}

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { 'slower-percent': { type: 'string' }, 'slower-ms': { type: 'string' } },
  });
} catch (error) {
  fail((error as Error).message);
}
if (parsed.positionals.length !== 2) fail(`Expected two summary files, got ${parsed.positionals.length}.`);

const thresholds = {
  percent: threshold('slower-percent', parsed.values['slower-percent'], DEFAULT_THRESHOLDS.percent),
  ms: threshold('slower-ms', parsed.values['slower-ms'], DEFAULT_THRESHOLDS.ms),
};
const [lastFile, tonightFile] = parsed.positionals as [string, string];
try {
  const last = readSummary(lastFile);
  const tonight = readSummary(tonightFile);
  const trends = compareSummaries(last, tonight, thresholds);

  console.log(`Run ${last.runId} (${last.startedAt}) → run ${tonight.runId} (${tonight.startedAt})\n`);
  console.log(formatTrends(trends, thresholds));
  process.exitCode = hasNewFailures(trends) ? 1 : 0;
} catch (error) {
  if (!(error instanceof SummaryInputError)) throw error;
  fail(error.message);
}
