import type { OperationInfo } from './contract.ts';
import { formatVerdict } from './contract.ts';
import { hintFor } from './hints.ts';
import type { Attempt, CallResult } from './pingone-client.ts';
import { redactJson, redactText } from './redact.ts';

/** A PingOne error body, as far as a failure message needs it. */
interface PingOneErrorBody {
  code?: string;
  message?: string;
  details?: { code?: string; target?: string; message?: string }[];
  error?: string;
  error_description?: string;
}

/**
 * A step's call that broke the contract or failed outright. Its message opens with what was
 * expected, what PingOne answered and what to do; then every contract violation with its JSON path.
 */
export class StepFailure extends Error {
  readonly operationId: string;
  readonly status?: number;

  constructor(input: { step?: string; operation: OperationInfo; result: CallResult; expectStatus?: number }) {
    const { step, operation, result } = input;
    const answer = describeAnswer(result.body);
    const hint = hintFor({ operationId: operation.operationId, status: result.status, body: result.body, verdict: result.verdict });
    const lines = [
      `${step ? `Step "${step}" failed` : 'Call failed'} at ${operation.operationId} (${operation.method} ${operation.path})`,
      `Expected: ${input.expectStatus ?? operation.successStatus} with a body in contract`,
      `Got:      ${result.status} ${result.headers['content-type'] ?? '(no media type)'}${answer ? ` — ${answer.summary}` : ''}`,
      ...(answer?.details ?? []).map((line) => `          ${line}`),
      `Hint:     ${hint}`,
      ...retryLines(result.attempts),
      '',
      formatVerdict(result.verdict, { step }),
    ];
    super(redactText(lines.join('\n').split('\n').flatMap((line) => wrap(line)).join('\n')));
    this.name = 'StepFailure';
    this.operationId = operation.operationId;
    this.status = result.status;
  }

  /** The call never got an answer (timeout, refused connection) after its retries. */
  static transport(input: { step?: string; operation: OperationInfo; url: string; message: string; attempts: Attempt[] }): Error {
    const { step, operation } = input;
    const error = new Error(
      [
        `${step ? `Step "${step}" failed` : 'Call failed'} at ${operation.operationId} (${operation.method} ${operation.path})`,
        `Expected: ${operation.successStatus} with a body in contract`,
        `Got:      no answer from ${input.url}: ${input.message}`,
        `Hint:     ${hintFor({ operationId: operation.operationId, transport: input.message })}`,
        ...retryLines(input.attempts),
      ]
        .flatMap((line) => wrap(line))
        .join('\n'),
    );
    error.name = 'StepFailure';
    return error;
  }
}

function describeAnswer(body: unknown): { summary: string; details: string[] } | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const error = redactJson(body) as PingOneErrorBody;
  if (typeof error.error === 'string') return { summary: `${error.error}: ${error.error_description ?? ''}`.trim(), details: [] };
  if (typeof error.code !== 'string' || typeof error.message !== 'string') return undefined;
  const details = (error.details ?? []).map(
    (detail) => `details: ${detail.code ?? '?'}${detail.target ? ` (target ${detail.target})` : ''}: ${detail.message ?? ''}`,
  );
  return { summary: `${error.code}: ${error.message}`, details };
}

/**
 * Breaks a line longer than `width` at spaces, continuing under its label (`Hint:     `), so
 * that the report's error box, which does not wrap, shows the whole answer and hint.
 */
function wrap(line: string, width = 96): string[] {
  if (line.length <= width) return [line];
  const indent = ' '.repeat(/^\s*(?:[A-Z][a-z]+:\s+)?/.exec(line)![0].length);
  const lines: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    if (cut <= indent.length) break;
    lines.push(rest.slice(0, cut));
    rest = indent + rest.slice(cut + 1);
  }
  return [...lines, rest];
}

function retryLines(attempts: Attempt[]): string[] {
  const retried = attempts.filter((attempt) => attempt.retried);
  if (retried.length === 0) return [];
  return [`Retried:  ${retried.map((attempt) => `${attempt.status ?? attempt.error} (${attempt.retried!.reason}, waited ${attempt.retried!.waitMs} ms)`).join('; ')}`];
}
