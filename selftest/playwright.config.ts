import { defineConfig } from '@playwright/test';

/**
 * The project's own tests: the emulator's contract, the schemas in both directions, the suite's
 * harness, and runs of the whole suite against the emulator (drift matrix included).
 */
export default defineConfig({
  testDir: '..',
  outputDir: '../test-results/selftest',
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list'], ['junit', { outputFile: '../reports/selftest-junit.xml' }]] : 'list',
  projects: [
    { name: 'emulator', testMatch: 'emulator/test/**/*.spec.ts' },
    { name: 'contract', testMatch: 'selftest/contract/**/*.spec.ts' },
    { name: 'suite', testMatch: 'selftest/suite/**/*.spec.ts' },
    { name: 'drift', testMatch: 'selftest/drift/**/*.spec.ts' },
  ],
});
