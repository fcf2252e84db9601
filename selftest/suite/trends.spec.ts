import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { PROJECT_ROOT } from '../../lib/config.ts';
import type { RunSummary, StepSummary } from '../../lib/reporters/summary-reporter.ts';
import { compareSummaries, formatTrends, readSummary, SummaryInputError } from '../../lib/trends.ts';

type StepInput = Pick<StepSummary, 'title' | 'status' | 'durationMs'> & Partial<StepSummary>;

/** A run summary with the given steps in the flow project; everything else fixed. */
function summary(runId: string, steps: StepInput[], coverage: RunSummary['coverage'] = []): RunSummary {
  return {
    runId,
    fakerSeed: 1,
    target: 'PingOne',
    environmentId: '11111111-2222-4333-8444-555555555555',
    startedAt: '2025-01-01T02:23:00.000Z',
    durationMs: 5000,
    status: 'passed',
    steps: steps.map((step) => ({ project: 'flow', retries: [], calls: [], ...step })),
    coverage,
  };
}

const call = (operationId: string, unknownProperties: string[] = []) => ({ operationId, status: 200, ok: true, unknownProperties });

test('reports a step that fails tonight and passed last night as a new failure', () => {
  const last = summary('aaaaaa', [{ title: '09 creates a population', status: 'passed', durationMs: 80 }]);
  const tonight = summary('bbbbbb', [{ title: '09 creates a population', status: 'failed', durationMs: 90, error: 'createPopulation answered 400 INVALID_DATA' }]);

  const trends = compareSummaries(last, tonight);

  expect(trends.newFailures).toEqual([{ step: 'flow › 09 creates a population', lastNight: 'passed', error: 'createPopulation answered 400 INVALID_DATA' }]);
  expect(formatTrends(trends)).toContain('New failures (1):\n  flow › 09 creates a population (last night: passed)\n    createPopulation answered 400 INVALID_DATA');
});

test('counts a failure that was skipped or absent last night as new, one that failed then as not new', () => {
  const last = summary('aaaaaa', [
    { title: '15 authorizes', status: 'skipped', durationMs: 0 },
    { title: '16 checks the OTP', status: 'failed', durationMs: 40 },
  ]);
  const tonight = summary('bbbbbb', [
    { title: '15 authorizes', status: 'failed', durationMs: 30 },
    { title: '16 checks the OTP', status: 'timedOut', durationMs: 60_000 },
    { title: '18 a new step', status: 'failed', durationMs: 10 },
  ]);

  const trends = compareSummaries(last, tonight);

  expect(trends.newFailures.map((f) => [f.step, f.lastNight])).toEqual([
    ['flow › 15 authorizes', 'skipped'],
    ['flow › 18 a new step', 'absent'],
  ]);
});

test('reports steps that failed last night and pass tonight as fixed', () => {
  const last = summary('aaaaaa', [{ title: '02 reads the secret', status: 'failed', durationMs: 50 }]);
  const tonight = summary('bbbbbb', [{ title: '02 reads the secret', status: 'passed', durationMs: 50 }]);

  const trends = compareSummaries(last, tonight);

  expect(trends.fixed).toEqual(['flow › 02 reads the secret']);
  expect(trends.newFailures).toEqual([]);
  expect(formatTrends(trends)).toBe('Fixed (1):\n  flow › 02 reads the secret');
});

test('counts a step repeated by parallel flows as failed when any flow failed it', () => {
  const last = summary('aaaaaa', [
    { title: '10 creates a user', status: 'passed', durationMs: 50 },
    { title: '10 creates a user', status: 'passed', durationMs: 60 },
  ]);
  const tonight = summary('bbbbbb', [
    { title: '10 creates a user', status: 'passed', durationMs: 50 },
    { title: '10 creates a user', status: 'failed', durationMs: 70 },
  ]);

  expect(compareSummaries(last, tonight).newFailures.map((f) => f.step)).toEqual(['flow › 10 creates a user']);
});

test('lists fields outside the contract that an operation did not show last night', () => {
  const last = summary('aaaaaa', [{ title: '01 creates the app', status: 'passed', durationMs: 50, calls: [call('createApplication', ['/signature'])] }]);
  const tonight = summary('bbbbbb', [
    { title: '01 creates the app', status: 'passed', durationMs: 50, calls: [call('createApplication', ['/signature', '/pkceEnforcement'])] },
    { title: '03 lists resources', status: 'passed', durationMs: 50, calls: [call('readAllResources', ['/_embedded/resources/0/introspectEndpointAuthMethod'])] },
  ]);

  const trends = compareSummaries(last, tonight);

  expect(trends.newFields).toEqual([
    { operationId: 'createApplication', fields: ['/pkceEnforcement'] },
    { operationId: 'readAllResources', fields: ['/_embedded/resources/0/introspectEndpointAuthMethod'] },
  ]);
});

test('flags a step slower by more than 50% and more than 100 ms, and only then', () => {
  const last = summary('aaaaaa', [
    { title: 'a: 50% and 100 ms slower', status: 'passed', durationMs: 200 },
    { title: 'b: 150 ms but 30% slower', status: 'passed', durationMs: 500 },
    { title: 'c: 3x but 40 ms slower', status: 'passed', durationMs: 20 },
    { title: 'd: 60% and 120 ms slower', status: 'passed', durationMs: 200 },
  ]);
  const tonight = summary('bbbbbb', [
    { title: 'a: 50% and 100 ms slower', status: 'passed', durationMs: 300 },
    { title: 'b: 150 ms but 30% slower', status: 'passed', durationMs: 650 },
    { title: 'c: 3x but 40 ms slower', status: 'passed', durationMs: 60 },
    { title: 'd: 60% and 120 ms slower', status: 'passed', durationMs: 320 },
  ]);

  expect(compareSummaries(last, tonight).latencyRegressions).toEqual([{ step: 'flow › d: 60% and 120 ms slower', lastMs: 200, tonightMs: 320 }]);
  expect(compareSummaries(last, tonight, { percent: 25, ms: 100 }).latencyRegressions.map((r) => r.step)).toEqual([
    'flow › b: 150 ms but 30% slower',
    'flow › d: 60% and 120 ms slower',
  ]);
});

test('reports statuses an operation gained or lost', () => {
  const last = summary('aaaaaa', [], [
    { operation: 'readUser', statuses: [200, 404], documented: [200, 404] },
    { operation: 'token', statuses: [200], documented: [200, 400, 401] },
  ]);
  const tonight = summary('bbbbbb', [], [
    { operation: 'readUser', statuses: [200, 404], documented: [200, 404] },
    { operation: 'token', statuses: [200, 401], documented: [200, 400, 401] },
    { operation: 'readFlow', statuses: [200], documented: [200] },
  ]);

  const trends = compareSummaries(last, tonight);

  expect(trends.coverage).toEqual([
    { operation: 'readFlow', gained: [200], lost: [] },
    { operation: 'token', gained: [401], lost: [] },
  ]);
  expect(compareSummaries(tonight, last).coverage).toContainEqual({ operation: 'token', gained: [], lost: [401] });
});

test('says so when nothing changed', () => {
  const night = summary('aaaaaa', [{ title: '01 creates the app', status: 'passed', durationMs: 50 }]);

  expect(formatTrends(compareSummaries(night, { ...night, runId: 'bbbbbb' }))).toBe('No changes since last night.');
});

test.describe('input', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mfact-trends-'));
  const write = (name: string, content: unknown) => {
    const file = path.join(dir, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const compare = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts/compare-summaries.ts'), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });

  test('rejects a missing file, naming it and the fix', () => {
    const file = path.join(dir, 'nowhere.json');

    expect(() => readSummary(file)).toThrow(SummaryInputError);
    expect(() => readSummary(file)).toThrow(`${file}: no such file. Pass the summary.json a run of the suite writes`);
  });

  test('rejects a file that is not JSON or not a run summary, naming what is wrong', () => {
    expect(() => readSummary(write('text.json', 'not json'))).toThrow(/text\.json: not JSON\. Pass the summary\.json/);
    expect(() => readSummary(write('junit.json', { suites: [] }))).toThrow(/junit\.json: not a run summary \(no steps array\)/);
    expect(() => readSummary(write('bad-step.json', { steps: [{ title: 'x' }], coverage: [] }))).toThrow(/not a run summary \(steps\[0\] has no title or status\)/);
  });

  test('exits 1 on new failures, 0 without, 2 on bad input', () => {
    const last = write('last.json', summary('aaaaaa', [{ title: '09 creates a population', status: 'passed', durationMs: 80 }]));
    const same = write('same.json', summary('bbbbbb', [{ title: '09 creates a population', status: 'passed', durationMs: 80 }]));
    const broken = write('broken.json', summary('cccccc', [{ title: '09 creates a population', status: 'failed', durationMs: 80 }]));

    const alert = compare(last, broken);
    expect(alert.status).toBe(1);
    expect(alert.stdout).toContain('Run aaaaaa (2025-01-01T02:23:00.000Z) → run cccccc');
    expect(alert.stdout).toContain('New failures (1):');
    expect(compare(last, same)).toMatchObject({ status: 0, stdout: expect.stringContaining('No changes since last night.') });
    expect(compare(last, path.join(dir, 'gone.json'))).toMatchObject({ status: 2, stderr: expect.stringContaining('gone.json: no such file.') });
    expect(compare(last)).toMatchObject({ status: 2, stderr: expect.stringContaining('Expected two summary files, got 1.') });
    expect(compare(last, same, '--slower-ms=fast')).toMatchObject({ status: 2, stderr: expect.stringContaining('--slower-ms=fast is not a number') });
  });
});
