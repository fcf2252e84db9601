import { test, expect } from '@playwright/test';
import { injectFault, listFaults } from '../support/faults.ts';
import { runSuite, startTenant } from '../support/run-suite.ts';
import { createdResources, readSummary } from '../support/suite-outcome.ts';

/**
 * Chaos: one call in five, anywhere, is refused with 429 (Retry-After) or 503. The suite retries
 * each visibly and still passes, and summary.json shows the retries on the steps they hit.
 */
const RUN_TIMEOUT_MS = 240_000;

test('passes when one call in five answers 429 or 503, and reports each retry', async ({}, testInfo) => {
  test.setTimeout(RUN_TIMEOUT_MS + 20_000);
  const emulator = await startTenant();
  try {
    await injectFault(emulator.url, { operationId: '*', count: 0, fault: { kind: 'chaos', rate: 0.2, statuses: [429, 503], seed: 20240917 } });

    const run = await runSuite({ urls: { api: emulator.url, auth: emulator.url }, timeoutMs: RUN_TIMEOUT_MS });

    const [chaos] = await listFaults(emulator.url);
    expect(chaos!.hits, 'chaos refused some calls').toBeGreaterThan(0);
    await testInfo.attach('suite output', { body: run.output, contentType: 'text/plain' });
    expect(run.exitCode, run.output.slice(-4000)).toBe(0);
    const summary = readSummary(run.reportDir, run.output);
    const retried = summary.steps.filter((step) => step.retries.length > 0);
    expect(retried.length, 'summary.json lists retries').toBeGreaterThan(0);
    for (const note of retried.flatMap((step) => step.retries))
      expect(note).toMatch(/^\w+: (rate limited \(429\)|unavailable \(503\)|not yet visible .*|token renewed after 401); retried after \d+ ms$/);
    expect(summary.steps.filter((step) => step.status !== 'passed').map((step) => step.title)).toEqual([]);
    expect(createdResources(emulator)).toEqual([]);
  } finally {
    await emulator.close();
  }
});
