/**
 * `npm run bench [-- --runs=5]`: prints the suite's speed figures as medians of several runs, each
 * against its target, with PASS or MISS. A benchmark, not a test: nothing here fails a build.
 * Everything runs against emulators this script starts on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT, parseSettings } from '../lib/config.ts';
import { createEmulator, startEmulator, type EmulatorApp } from '../emulator/src/server.ts';
import { seededIds } from '../emulator/src/seed.ts';
import { runSuite, startTenant, TEST_TENANT } from '../selftest/support/run-suite.ts';
import { bareFlow } from './bench/bare-flow.ts';
import { harnessFlow } from './bench/harness-flow.ts';

const STEPS = 17;
const RESOURCES = ['applications', 'grants', 'signOnPolicies', 'signOnPolicyActions', 'signOnPolicyAssignments', 'populations', 'users', 'deviceAuthenticationPolicies', 'devices'] as const;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Math.max(1, Number(values.runs));
process.env.SUITE_LEDGER_DIR = mkdtempSync(path.join(tmpdir(), 'mfact-bench-ledger-'));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const rows: { figure: string; value: string; target: string; pass: boolean }[] = [];
const row = (figure: string, value: number, unit: string, target: number, below = true) =>
  rows.push({ figure, value: `${value.toFixed(unit === 'x' ? 2 : 1)} ${unit}`, target: `${below ? '<' : '>'} ${target} ${unit}`, pass: below ? value < target : value > target });

async function times(label: string, runs: number, once: () => Promise<number>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  console.error(`  ${label}: ${samples.map((s) => s.toFixed(0)).join(', ')} ms`);
  return median(samples);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Spawns `npm run emulator`'s command and times it to its "listening" line. */
async function cliStart(): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/src/cli.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, EMULATOR_PORT: String(port), PINGONE_REGION: '', PINGONE_API_URL: '', PINGONE_AUTH_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ms = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve(performance.now() - started));
    child.on('exit', (code) => reject(new Error(`The emulator CLI exited with ${code} before listening.`)));
  });
  child.removeAllListeners('exit');
  await new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));
  return ms;
}

/** Resources the emulator holds beyond its seed: what a run left behind. */
function leftovers(emulator: EmulatorApp): string[] {
  const seeded = seededIds(emulator);
  return RESOURCES.flatMap((name) => emulator.state.collections[name].list().filter((item) => !seeded.has(item.id)).map((item) => `${name}/${item.id}`));
}

console.error(`Measuring, ${RUNS} runs each (per-run figures on stderr)...`);

const inProcess = await times('emulator start, in-process', RUNS, async () => {
  const started = performance.now();
  const emulator = await startTenant();
  const ms = performance.now() - started;
  await emulator.close();
  return ms;
});
row('emulator start, in-process (startEmulator)', inProcess, 'ms', 1000);
row('emulator start, CLI to "listening"', await times('emulator start, CLI', RUNS, cliStart), 'ms', 1000);

const inert = 'http://127.0.0.1:9';
const app = createEmulator({ ...TEST_TENANT, apiBaseUrl: inert, authBaseUrl: inert });
await bareFlow({ url: inert, ...TEST_TENANT }, async (r) => app.app.fetch(r));
const serverMs = await times('server time, 17 steps + cleanup', RUNS, async () => {
  let sum = 0;
  await bareFlow({ url: inert, ...TEST_TENANT }, async (request) => {
    const started = performance.now();
    const response = await app.app.fetch(request);
    sum += performance.now() - started;
    return response;
  });
  return sum;
});
row('server time in the emulator (sum of app.fetch)', serverMs, 'ms', 300);

const emulator = await startTenant();
const target = { url: emulator.url, ...TEST_TENANT };
const settings = parseSettings({ PINGONE_API_URL: emulator.url, PINGONE_AUTH_URL: emulator.url, PINGONE_ENVIRONMENT_ID: TEST_TENANT.environmentId, PINGONE_CLIENT_ID: TEST_TENANT.clientId, PINGONE_CLIENT_SECRET: TEST_TENANT.clientSecret });
await bareFlow(target);
await harnessFlow(settings);
const floor: number[] = [];
const harness: number[] = [];
for (let i = 0; i < RUNS; i++) {
  floor.push((await bareFlow(target)).elapsedMs);
  harness.push((await harnessFlow(settings)).elapsedMs);
}
console.error(`  bare floor: ${floor.map((s) => s.toFixed(0)).join(', ')} ms\n  harness: ${harness.map((s) => s.toFixed(0)).join(', ')} ms`);
const floorMs = median(floor);
const harnessMs = median(harness);
const leftByFlows = leftovers(emulator);
await emulator.close();
row('bare-request floor (Node fetch, 38 requests)', floorMs, 'ms', Infinity);
row('harness (PingOneClient, same requests)', harnessMs, 'ms', Infinity);
row('harness overhead per step ((harness - floor) / 17)', (harnessMs - floorMs) / STEPS, 'ms', 5);
row('harness / floor', harnessMs / floorMs, 'x', 1.25);

const mainJob = await times('main job end to end', RUNS, async () => {
  const tenant = await startTenant();
  const run = await runSuite({ urls: { api: tenant.url, auth: tenant.url } });
  await tenant.close();
  if (run.exitCode !== 0) throw new Error(`The main job failed (exit ${run.exitCode}):\n${run.output.slice(-2000)}`);
  return run.durationMs;
});
row('main job end to end (runSuite, wall time)', mainJob, 'ms', 6000);

const tenant = await startTenant();
const parallel = await runSuite({ urls: { api: tenant.url, auth: tenant.url }, env: { SUITE_PARALLEL_FLOWS: '8' }, timeoutMs: 180_000 });
const leftByParallel = leftovers(tenant);
await tenant.close();
const passed = /(\d+) passed/.exec(parallel.output)?.[1];
if (parallel.exitCode !== 0) console.error(parallel.output.split('\n').filter((l) => /✘|Error|failed|timed out/i.test(l)).slice(0, 20).join('\n'));
console.error(`  8 parallel flows: exit ${parallel.exitCode}, ${passed ?? 0} passed, ${parallel.durationMs} ms, leftovers ${leftByParallel.length}`);
row('8 parallel flows: wall time (one run)', parallel.durationMs, 'ms', Infinity);
rows.push({ figure: '8 parallel flows: all pass, zero leftovers', value: `exit ${parallel.exitCode}, ${passed ?? 0} passed, ${leftByParallel.length} left`, target: 'exit 0, 0 left', pass: parallel.exitCode === 0 && leftByParallel.length === 0 });
rows.push({ figure: 'bench flows themselves: zero leftovers', value: `${leftByFlows.length} left`, target: '0 left', pass: leftByFlows.length === 0 });

const width = Math.max(...rows.map((r) => r.figure.length));
console.log(`\n${'figure'.padEnd(width)}  ${'median'.padStart(14)}  ${'target'.padEnd(16)}  result`);
for (const r of rows) console.log(`${r.figure.padEnd(width)}  ${r.value.padStart(14)}  ${r.target === '< Infinity ms' ? '(figure only)'.padEnd(16) : r.target.padEnd(16)}  ${r.target === '< Infinity ms' ? '' : r.pass ? 'PASS' : 'MISS'}`);
