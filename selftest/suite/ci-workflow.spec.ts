import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../lib/config.ts';

/**
 * The nightly workflow (.github/workflows/nightly.yml) is meant to be copied as it is, so its
 * structure is checked here: triggers, secrets by reference, shards, artifacts and the merge job.
 */
const FILE = path.join(PROJECT_ROOT, '.github/workflows/nightly.yml');
const SECRETS = ['PINGONE_ENVIRONMENT_ID', 'PINGONE_CLIENT_ID', 'PINGONE_CLIENT_SECRET'];

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

interface Job {
  needs?: string | string[];
  if?: string;
  environment?: string;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  strategy?: { 'fail-fast'?: boolean; matrix: Record<string, unknown[]> };
  env?: Record<string, string>;
  steps: Step[];
}

const text = readFileSync(FILE, 'utf8');
const workflow = parse(text) as { on: Record<string, unknown>; concurrency: { group: string }; jobs: Record<string, Job> };
const { test: testJob, sweep, 'merge-reports': merge } = workflow.jobs;
const needs = (job: Job) => [job.needs ?? []].flat();
const uploads = (job: Job) => job.steps.filter((step) => step.uses?.startsWith('actions/upload-artifact@'));

test('runs nightly on a schedule and by hand', () => {
  const schedule = workflow.on.schedule as { cron: string }[];

  expect(schedule).toHaveLength(1);
  expect(schedule[0]!.cron.split(' ')).toHaveLength(5);
  expect(workflow.on).toHaveProperty('workflow_dispatch');
});

test('takes the tenant credentials from GitHub Environment secrets, never inline', () => {
  for (const job of [testJob!, sweep!]) {
    expect(job.environment).toBe('${{ matrix.tenant }}');
    for (const name of SECRETS) expect(job.env?.[name]).toBe(`\${{ secrets.${name} }}`);
    expect(job.env?.PINGONE_REGION).toBe('${{ vars.PINGONE_REGION }}');
  }
  expect(text, 'no UUID is written into the workflow').not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  const assigned = [...text.matchAll(/^\s*(PINGONE_\w+):\s*(.+)$/gm)];
  expect(assigned.length).toBeGreaterThan(0);
  for (const [, name, value] of assigned) expect(value, `${name} is a reference`).toMatch(/^\$\{\{ (secrets|vars)\.\w+ \}\}$/);
});

test('shards each tenant into as many machines as it runs flows', () => {
  const matrix = testJob!.strategy!.matrix;
  const total = (matrix['shard-total'] as number[])[0]!;
  const run = testJob!.steps.find((step) => step.run?.includes('playwright test'))!;

  expect(matrix.tenant).toEqual(['sandbox-eu', 'sandbox-na']);
  expect(matrix['shard-total']).toHaveLength(1);
  expect(matrix.shard).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  expect(testJob!.env?.SUITE_PARALLEL_FLOWS).toBe('${{ matrix.shard-total }}');
  expect(run.run).toContain('--shard="${{ matrix.shard }}/${{ matrix.shard-total }}"');
  expect(testJob!.strategy!['fail-fast']).toBe(false);
});

test('sets up Node 20 and installs with npm ci in every job', () => {
  for (const job of Object.values(workflow.jobs)) {
    const node = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(node?.with?.['node-version']).toBe(20);
    expect(job.steps.some((step) => step.run === 'npm ci')).toBe(true);
  }
});

test('uploads blob reports and summaries from every shard, even after a failure', () => {
  const [blob, summary] = uploads(testJob!);

  expect(testJob!.env?.SUITE_BLOB_REPORT).toBe('1');
  expect(blob).toMatchObject({ if: 'always()', with: { path: 'reports/blob', name: 'blob-${{ matrix.tenant }}-${{ matrix.shard }}' } });
  expect(summary).toMatchObject({ if: 'always()', with: { path: 'reports/summary.json' } });
  expect(testJob!.env?.PLAYWRIGHT_BLOB_OUTPUT_NAME, 'blob names differ per tenant and shard').toContain('${{ matrix.tenant }}-${{ matrix.shard }}');
});

test('merges the blob reports into one HTML report after the test job', () => {
  const download = merge!.steps.find((step) => step.uses?.startsWith('actions/download-artifact@') && step.with?.pattern === 'blob-*');
  const mergeStep = merge!.steps.find((step) => step.run?.includes('merge-reports'));

  expect(needs(merge!)).toContain('test');
  expect(merge!.if).toBe('always()');
  expect(download?.with).toMatchObject({ path: 'all-blob-reports', 'merge-multiple': true });
  expect(mergeStep?.run).toBe('npx playwright merge-reports --reporter html ./all-blob-reports');
  expect(uploads(merge!).map((step) => step.with?.name)).toEqual(['html-report', 'summaries']);
  expect(uploads(merge!).every((step) => step.if === 'always()')).toBe(true);
});

test('sweeps each tenant after all its shards, whatever they did', () => {
  expect(needs(sweep!)).toContain('test');
  expect(sweep!.if).toBe('always()');
  expect(sweep!.strategy!.matrix.tenant).toEqual(testJob!.strategy!.matrix.tenant);
  expect(sweep!.steps.at(-1)?.run).toBe('npm run sweep');
});

test('never lets two runs share an environment', () => {
  expect(workflow.concurrency).toMatchObject({ group: 'nightly-pingone-contract', 'cancel-in-progress': false });
  expect(testJob!.concurrency?.group).toBe('pingone-${{ matrix.tenant }}-shard-${{ matrix.shard }}');
  expect(sweep!.concurrency?.group).toBe('pingone-${{ matrix.tenant }}-sweep');
});
