import { randomBytes, randomInt } from 'node:crypto';

/** Every name the suite creates starts with this tag and the run ID: `mfact-<runId>`. */
export const RUN_TAG = 'mfact';
/** Matches a name carrying the tag; group 1 is the run ID. */
export const TAGGED_NAME = /^mfact-([0-9a-f]{6})(?:[-_. ]|$)/;

/** The identity of one run of the suite, shared by the runner and its workers. */
export interface RunIdentity {
  runId: string;
  fakerSeed: number;
  /** The Playwright runner's process ID: a ledger whose runner is gone belongs to a dead run. */
  runnerPid: number;
}

/**
 * Fixes the run's identity in the process environment, once, in the runner process (the config
 * file is loaded there first); workers inherit it. Honours SUITE_FAKER_SEED to replay data.
 */
export function establishRun(env: NodeJS.ProcessEnv = process.env, seed?: number): RunIdentity {
  env.SUITE_RUN_ID ||= randomBytes(3).toString('hex');
  env.SUITE_RUN_SEED ||= String(seed ?? randomInt(2 ** 31));
  env.SUITE_RUNNER_PID ||= String(process.pid);
  return currentRun(env);
}

/** The run's identity as established by {@link establishRun}. */
export function currentRun(env: NodeJS.ProcessEnv = process.env): RunIdentity {
  const runId = env.SUITE_RUN_ID;
  if (!runId || !/^[0-9a-f]{6}$/.test(runId)) throw new Error('SUITE_RUN_ID is not set: run the suite through playwright.config.ts.');
  return { runId, fakerSeed: Number(env.SUITE_RUN_SEED), runnerPid: Number(env.SUITE_RUNNER_PID) };
}

/** `mfact-<runId>`: the prefix of every name this run creates. */
export function runTag(runId: string): string {
  return `${RUN_TAG}-${runId}`;
}
