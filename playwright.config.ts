import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { ConfigError, loadSettings, type Settings } from './lib/config.ts';
import { establishRun } from './lib/run.ts';

/**
 * The main job: setup (worker token, environment read, role check, leftovers of killed runs), the
 * 17 steps of the MFA-only flow, then cleanup as the setup's teardown, which runs even when a step
 * failed. With no PingOne target configured, the embedded emulator is started for the run.
 */
let settings: Settings;
try {
  settings = loadSettings();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
const run = establishRun(process.env, settings.fakerSeed);
const reports = settings.reportDir;
const parallelFlows = Number(process.env.SUITE_PARALLEL_FLOWS ?? 1);

export default defineConfig({
  testDir: 'tests',
  outputDir: path.join(reports, 'test-results'),
  forbidOnly: !!process.env.CI,
  // A retry would replay creates: the flow's steps are never retried.
  retries: 0,
  workers: Math.max(1, parallelFlows),
  timeout: 60_000,
  reporter: [
    [process.env.CI ? 'line' : 'list'],
    ['html', { outputFolder: path.join(reports, 'html'), open: 'never' }],
    ['junit', { outputFile: path.join(reports, 'junit.xml') }],
    ['./lib/reporters/summary-reporter.ts', { outputFile: path.join(reports, 'summary.json') }],
    // CI shards write blob reports that one job merges into a single HTML report.
    ...(process.env.SUITE_BLOB_REPORT === '1' ? [['blob', { outputDir: path.join(reports, 'blob') }] as const] : []),
  ],
  // Labels every test in a merged report with its tenant, e.g. `@sandbox-eu` (must start with @).
  ...(process.env.SUITE_REPORT_TAG ? { tag: process.env.SUITE_REPORT_TAG } : {}),
  metadata: {
    target: settings.target === 'emulator' ? 'embedded PingOne emulator' : 'PingOne',
    region: settings.region ?? '(explicit URLs)',
    environmentId: settings.environmentId,
    apiUrl: settings.apiUrl,
    authUrl: settings.authUrl,
    runId: run.runId,
    fakerSeed: run.fakerSeed,
    otpSource: settings.otp.source,
  },
  use: {
    // Traces record raw headers and bodies, secrets included; the suite attaches redacted
    // exchanges instead.
    trace: 'off',
  },
  webServer:
    settings.target === 'emulator'
      ? {
          command: 'node --import tsx emulator/src/cli.ts',
          url: `${settings.authUrl}/${settings.environmentId}/as/.well-known/openid-configuration`,
          reuseExistingServer: !process.env.CI,
          timeout: 15_000,
          stdout: 'ignore',
          stderr: 'pipe',
        }
      : undefined,
  projects: [
    { name: 'setup', testMatch: /setup\/.*\.setup\.ts/, teardown: 'cleanup' },
    { name: 'cleanup', testMatch: /cleanup\/.*\.teardown\.ts/ },
    { name: 'flow', testMatch: /flow\/.*\.spec\.ts/, dependencies: ['setup'] },
    { name: 'error-contracts', testMatch: /error-contracts\/.*\.spec\.ts/, dependencies: ['setup'] },
  ],
});
