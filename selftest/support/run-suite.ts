import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../lib/config.ts';
import { startEmulator, type RunningEmulator } from '../../emulator/src/server.ts';

/** A tenant the selftests stand up: IDs that differ from the emulator's example values. */
export const TEST_TENANT = {
  environmentId: '7d1c9a40-5b2e-4f81-9c3d-2a6e8b0f4c17',
  clientId: 'c4b8e2f0-1a3d-4e5f-8a7b-9c0d1e2f3a4b',
  clientSecret: 'selftest-worker-secret-4f8a2c9e7b1d',
};

/** What one run of the suite left behind. */
export interface SuiteRun {
  exitCode: number;
  output: string;
  reportDir: string;
  ledgerDir: string;
  durationMs: number;
}

/** Starts an emulator for one suite run, on its own port, seeded with {@link TEST_TENANT}. */
export function startTenant(options: { apiBaseUrl?: string; authBaseUrl?: string } = {}): Promise<RunningEmulator> {
  return startEmulator({ ...TEST_TENANT, ...options });
}

/** Where a suite run points and what it is told, besides the test tenant's credentials. */
export interface SuiteOptions {
  urls?: { api: string; auth: string };
  env?: Record<string, string>;
  args?: string[];
  timeoutMs?: number;
  /** Share a ledger folder with an earlier run (a new scratch folder otherwise). */
  ledgerDir?: string;
}

/** The child's environment: the caller's, minus the run identity, plus the tenant and folders. */
export function suiteEnv(options: SuiteOptions = {}): { env: Record<string, string>; reportDir: string; ledgerDir: string } {
  const scratch = mkdtempSync(path.join(tmpdir(), 'mfact-run-'));
  const reportDir = path.join(scratch, 'reports');
  const ledgerDir = options.ledgerDir ?? path.join(scratch, 'ledger');
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    SUITE_REPORT_DIR: reportDir,
    SUITE_LEDGER_DIR: ledgerDir,
    ...(options.urls
      ? {
          PINGONE_API_URL: options.urls.api,
          PINGONE_AUTH_URL: options.urls.auth,
          PINGONE_ENVIRONMENT_ID: TEST_TENANT.environmentId,
          PINGONE_CLIENT_ID: TEST_TENANT.clientId,
          PINGONE_CLIENT_SECRET: TEST_TENANT.clientSecret,
        }
      : {}),
    ...options.env,
  };
  for (const name of ['SUITE_RUN_ID', 'SUITE_RUN_SEED', 'SUITE_RUNNER_PID', 'TEST_WORKER_INDEX', 'TEST_PARALLEL_INDEX', 'PW_TS_ESM_LEGACY_LOADER_ON'])
    delete env[name];
  return { env, reportDir, ledgerDir };
}

/** A suite run going on in a child process. */
export interface StartedSuite {
  child: ChildProcess;
  reportDir: string;
  ledgerDir: string;
  env: Record<string, string>;
  /** Settles when the runner exits (killed or not), with what it printed. */
  finished: Promise<SuiteRun>;
}

/**
 * Starts the main job (`playwright test` with the project's config) in a child process. With
 * `detached` the runner leads its own process group, so that `process.kill(-pid, 'SIGKILL')`
 * kills it together with its workers, as a crash or a cancelled CI job would.
 */
export function startSuite(options: SuiteOptions & { detached?: boolean } = {}): StartedSuite {
  const { env, reportDir, ledgerDir } = suiteEnv(options);
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '-c', 'playwright.config.ts', ...(options.args ?? [])], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const finished = new Promise<SuiteRun>((resolve, reject) => {
    const timer = setTimeout(() => kill(child, options.detached ?? false), options.timeoutMs ?? 90_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? -1, output, reportDir, ledgerDir, durationMs: Date.now() - started });
    });
  });
  return { child, reportDir, ledgerDir, env, finished };
}

/** SIGKILLs a started run: its whole process group when it was started detached. */
export function kill(child: ChildProcess, group: boolean): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (group) process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/**
 * Runs the main job (`playwright test` with the project's config) in a child process, pointed at
 * `urls` as if they were PingOne's hosts, with its own report and ledger folders.
 */
export function runSuite(options: SuiteOptions = {}): Promise<SuiteRun> {
  return startSuite(options).finished;
}

/** `npm run sweep` with the given environment (a suite run's, to sweep its target and ledgers). */
export function runSweep(env: Record<string, string>, timeoutMs = 60_000): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'sweep'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? -1, output });
    });
  });
}
