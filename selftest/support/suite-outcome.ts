import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunSummary, StepSummary } from '../../lib/reporters/summary-reporter.ts';
import type { Emulator } from '../../emulator/src/context.ts';
import { seededIds } from '../../emulator/src/seed.ts';

/**
 * What a finished suite run left to look at: its summary.json, the full error of a failed test
 * (from junit.xml; the summary keeps only the first line), and what it left in the emulator.
 */

/** The run's `summary.json`; throws, with the run's output, when the run wrote none. */
export function readSummary(reportDir: string, output = ''): RunSummary {
  const file = path.join(reportDir, 'summary.json');
  if (!existsSync(file)) throw new Error(`The run wrote no ${file}. Its output:\n${output.slice(-4000)}`);
  return JSON.parse(readFileSync(file, 'utf8')) as RunSummary;
}

/** The tests of one project, in title order (the flow's titles start with the step number). */
export function stepsOf(summary: RunSummary, project: string): StepSummary[] {
  return summary.steps.filter((step) => step.project === project).sort((a, b) => a.title.localeCompare(b.title));
}

/** The full failure (or thrown error) junit.xml holds for the test titled `title`, or undefined. */
export function failureText(reportDir: string, title: string): string | undefined {
  const file = path.join(reportDir, 'junit.xml');
  if (!existsSync(file)) return undefined;
  const xml = readFileSync(file, 'utf8');
  const start = xml.indexOf(`name="${escapeXml(title)}"`);
  if (start < 0) return undefined;
  const end = xml.indexOf('</testcase>', start);
  const testcase = xml.slice(start, end < 0 ? undefined : end);
  const failure = /<(failure|error)\b[^>]*>([\s\S]*?)<\/\1>/.exec(testcase)?.[2];
  if (failure === undefined) return undefined;
  const cdata = /<!\[CDATA\[([\s\S]*?)\]\]>/.exec(failure)?.[1];
  return cdata ?? unescapeXml(failure);
}

/** Collections of things the management API creates; flows, sessions and codes live on their own. */
const MANAGED = [
  'applications',
  'applicationSecrets',
  'grants',
  'signOnPolicies',
  'signOnPolicyActions',
  'signOnPolicyAssignments',
  'populations',
  'users',
  'passwords',
  'deviceAuthenticationPolicies',
  'devices',
] as const;

/** Everything in the emulator's management collections that its seed did not lay: `collection/id`. */
export function createdResources(emulator: Emulator): string[] {
  const seeded = seededIds(emulator);
  return MANAGED.flatMap((name) =>
    emulator.state.collections[name]
      .list()
      .filter((item) => !seeded.has(item.id))
      .map((item) => `${name}/${item.id}${typeof item.name === 'string' ? ` "${item.name}"` : ''}`),
  );
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
