import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullConfig, FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { operations } from '../contract.ts';

/** One step's line in the run summary. */
export interface StepSummary {
  project: string;
  title: string;
  status: TestResult['status'];
  durationMs: number;
  retries: string[];
  calls: { operationId: string; status: number; ok: boolean; unknownProperties: string[] }[];
  error?: string;
}

/** The machine-readable summary of a run, compared night to night by `npm run compare`. */
export interface RunSummary {
  runId: string;
  fakerSeed: number;
  target: string;
  environmentId: string;
  startedAt: string;
  durationMs: number;
  status: FullResult['status'];
  steps: StepSummary[];
  coverage: { operation: string; statuses: number[]; documented: number[] }[];
}

/**
 * Writes reports/summary.json: per step its status, latency, retries and calls (from the redacted
 * exchanges the client attaches), and contract coverage: which operations and statuses the run
 * exercised, against those the contract documents.
 */
export default class SummaryReporter implements Reporter {
  private readonly outputFile: string;
  private config!: FullConfig;
  private readonly steps: StepSummary[] = [];
  private started = Date.now();

  constructor(options: { outputFile?: string } = {}) {
    this.outputFile = options.outputFile ?? path.resolve('reports', 'summary.json');
  }

  onBegin(config: FullConfig): void {
    this.config = config;
    this.started = Date.now();
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const calls = result.attachments
      .filter((attachment) => attachment.contentType === 'application/json' && attachment.body && /^\d+ \w+ → \d+$/.test(attachment.name))
      .map((attachment) => {
        const exchange = JSON.parse(attachment.body!.toString('utf8'));
        return {
          operationId: exchange.operationId as string,
          status: exchange.response.status as number,
          ok: exchange.contract.ok as boolean,
          unknownProperties: exchange.contract.unknownProperties as string[],
        };
      });
    this.steps.push({
      project: test.parent.project()?.name ?? '',
      title: test.title,
      status: result.status,
      durationMs: result.duration,
      // The result's annotations already hold the test's (Playwright copies them): one source, no doubles.
      retries: result.annotations.filter((a) => a.type === 'retry').map((a) => a.description ?? ''),
      calls,
      ...(result.error?.message ? { error: result.error.message.split('\n')[0] } : {}),
    });
  }

  onEnd(result: FullResult): void {
    const metadata = this.config.metadata as Record<string, unknown>;
    const exercised = new Map<string, Set<number>>();
    for (const call of this.steps.flatMap((step) => step.calls)) {
      if (!exercised.has(call.operationId)) exercised.set(call.operationId, new Set());
      exercised.get(call.operationId)!.add(call.status);
    }
    const summary: RunSummary = {
      runId: String(metadata.runId),
      fakerSeed: Number(metadata.fakerSeed),
      target: String(metadata.target),
      environmentId: String(metadata.environmentId),
      startedAt: new Date(this.started).toISOString(),
      durationMs: result.duration,
      status: result.status,
      steps: this.steps,
      coverage: operations().map((op) => ({
        operation: op.operationId,
        statuses: [...(exercised.get(op.operationId) ?? [])].sort(),
        documented: op.documentedStatuses,
      })),
    };
    mkdirSync(path.dirname(this.outputFile), { recursive: true });
    writeFileSync(this.outputFile, `${JSON.stringify(summary, null, 2)}\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
