import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import type { RunningEmulator } from '../../emulator/src/server.ts';
import { recordedSecrets } from '../../emulator/src/testing/secrets.ts';
import { artifactTexts, scanTexts, type ScannedSecret } from '../support/artifact-scan.ts';
import { runSuite, startTenant, TEST_TENANT, type SuiteRun } from '../support/run-suite.ts';

/**
 * No secret reaches any artifact of a run: the HTML report (its embedded data and attachments),
 * the JUnit XML, summary.json, test-results, or the console. The secrets are the worker's
 * credentials and every value the emulator issued or received during the run.
 */
test.describe.configure({ mode: 'parallel', timeout: 120_000 });

function runSecrets(emulator: RunningEmulator): ScannedSecret[] {
  const basic = Buffer.from(`${TEST_TENANT.clientId}:${TEST_TENANT.clientSecret}`).toString('base64');
  return [
    { kind: 'worker client secret', value: TEST_TENANT.clientSecret },
    { kind: 'worker Basic credentials', value: basic },
    ...recordedSecrets(emulator),
  ];
}

function scanRun(run: SuiteRun, secrets: ScannedSecret[]) {
  const texts = [...artifactTexts(run.reportDir), { where: 'console output', text: run.output }];
  return { texts, findings: scanTexts(texts, secrets) };
}

/** The kinds every run of the 17 steps (plus the error-contract set) must have seen. */
const EXPECTED_KINDS = ['token', 'application secret', 'password', 'otp', 'login_hint_token', 'authorization code', 'session cookie'];

test('leaves no secret in any artifact of a passing run', async () => {
  const emulator = await startTenant();
  try {
    const run = await runSuite({ urls: { api: emulator.url, auth: emulator.url } });
    expect(run.exitCode, run.output).toBe(0);

    const secrets = runSecrets(emulator);
    expect(new Set(secrets.map((secret) => secret.kind))).toEqual(new Set([...EXPECTED_KINDS, 'worker client secret', 'worker Basic credentials']));
    const { texts, findings } = scanRun(run, secrets);
    expect(texts.some((text) => text.where.includes('index.html!report.json')), 'the HTML report data was unpacked').toBe(true);
    expect(findings).toEqual([]);
  } finally {
    await emulator.close();
  }
});

test('leaves no secret in any artifact of a run whose step 17 fails on an answer full of secrets', async () => {
  const emulator = await startTenant();
  try {
    // The real resume runs (the code is issued), and its answer, authorization code included, comes
    // back as a 400: the failure message and the attachment both see the code.
    const fault = await fetch(`${emulator.url}/__emulator/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ operationId: 'resume', count: 1, fault: { kind: 'status', status: 400 } }),
    });
    expect(fault.status).toBe(201);

    const run = await runSuite({ urls: { api: emulator.url, auth: emulator.url } });
    expect(run.exitCode, run.output).not.toBe(0);
    expect(run.output).toContain('17 resumes the flow');

    const secrets = runSecrets(emulator);
    expect(secrets.map((secret) => secret.kind)).toContain('authorization code');
    expect(scanRun(run, secrets).findings).toEqual([]);
  } finally {
    await emulator.close();
  }
});

test('finds a planted secret and a planted JWT (the scan is not blind)', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'mfact-scan-'));
  const secret = 'planted-secret-9f3b2c7d';
  const jwt = ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiJwbGFudGVkIn0', 'c2lnbmF0dXJlLXBsYW50ZWQ'].join('.');
  writeFileSync(path.join(folder, 'attachment.json'), JSON.stringify({ form: { note: `x=${encodeURIComponent(`${secret}/`)}` } }));
  writeFileSync(path.join(folder, 'trace.txt'), `header ${jwt} trailer`);
  writeFileSync(path.join(folder, 'digits.txt'), 'latency 1234567 ms, passcode 482913.');

  const findings = scanTexts(artifactTexts(folder), [
    { kind: 'planted', value: secret },
    { kind: 'otp', value: '482913' },
    { kind: 'otp', value: '234567' },
  ]);

  expect(findings.map(({ where, kind }) => `${where}: ${kind}`).sort()).toEqual([
    'attachment.json: planted',
    'digits.txt: otp',
    'trace.txt: JWT-looking string',
  ]);
});
