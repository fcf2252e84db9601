import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { seededIds } from '../../emulator/src/seed.ts';
import type { RunningEmulator } from '../../emulator/src/server.ts';
import { runSuite, startTenant } from '../support/run-suite.ts';
import { StandIns } from '../support/stand-in.ts';

test.describe.configure({ timeout: 120_000 });

/** Ids of everything the emulator holds that its seed did not lay. */
function created(emulator: RunningEmulator): string[] {
  const seeded = seededIds(emulator);
  return Object.entries(emulator.state.collections)
    .filter(([name]) => !['flows', 'sessions', 'authorizationCodes'].includes(name))
    .flatMap(([name, collection]) => collection.list().filter((item) => !seeded.has(item.id)).map((item) => `${name}/${item.id}`));
}

test('runs setup, the 17 steps and cleanup against the emulator, and leaves nothing behind', async () => {
  const emulator = await startTenant();
  try {
    const run = await runSuite({ urls: { api: emulator.url, auth: emulator.url } });

    expect(run.exitCode, run.output).toBe(0);
    const summary = JSON.parse(readFileSync(path.join(run.reportDir, 'summary.json'), 'utf8'));
    const steps = summary.steps.filter((step: any) => step.project === 'flow');
    expect(steps.map((step: any) => step.title.slice(0, 2))).toEqual(Array.from({ length: 17 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(steps.every((step: any) => step.status === 'passed')).toBe(true);
    expect(existsSync(path.join(run.reportDir, 'html', 'index.html'))).toBe(true);
    expect(existsSync(path.join(run.reportDir, 'junit.xml'))).toBe(true);
    expect(created(emulator)).toEqual([]);
  } finally {
    await emulator.close();
  }
});

test("sends management calls to the API host under /v1 and auth calls to the auth host", async () => {
  const hosts = await new StandIns().start();
  const emulator = await startTenant({ apiBaseUrl: hosts.api, authBaseUrl: hosts.auth });
  hosts.forwardTo(emulator.url);
  try {
    const run = await runSuite({ urls: { api: hosts.api, auth: hosts.auth } });

    expect(run.exitCode, run.output).toBe(0);
    const api = hosts.received.filter((r) => r.host === 'api');
    const auth = hosts.received.filter((r) => r.host === 'auth');
    expect(api.length).toBeGreaterThan(20);
    expect(api.every((r) => r.path.startsWith(`/v1/environments/${emulator.config.environmentId}`))).toBe(true);
    expect(auth.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, '{id}')}`)).toEqual(
      expect.arrayContaining(['POST /{id}/as/token', 'POST /{id}/as/authorize', 'POST /{id}/flows/{id}', 'GET /{id}/as/resume', 'GET /{id}/as/jwks']),
    );
    expect(auth.every((r) => !r.path.startsWith('/v1/'))).toBe(true);
  } finally {
    await emulator.close();
    await hosts.close();
  }
});

test('stops before any request when a setting is malformed, naming the variable and the fix', async () => {
  const hosts = await new StandIns().start();
  try {
    const run = await runSuite({ urls: { api: hosts.api, auth: hosts.auth }, env: { PINGONE_ENVIRONMENT_ID: 'not-a-uuid', PINGONE_OTP_SOURCE: 'pigeon' } });

    expect(run.exitCode).toBe(2);
    expect(run.output).toContain('PINGONE_ENVIRONMENT_ID: "not-a-uuid" is not a UUID');
    expect(run.output).toContain('PINGONE_OTP_SOURCE');
    expect(hosts.received).toEqual([]);
  } finally {
    await hosts.close();
  }
});
