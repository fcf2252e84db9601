/**
 * When and how long to wait before repeating a call that PingOne answered with a transient fault.
 * Only faults that mean "not done, try again" qualify; 400/401/403/409 never do.
 */

/** At most this many sends of one call, the first included. */
export const MAX_ATTEMPTS = 5;
/** A `Retry-After` longer than this is cut to it, so a throttled nightly run still ends. */
export const RETRY_AFTER_CAP_MS = 30_000;
/** A 404 for a resource created less than this long ago is taken for eventual consistency. */
export const FRESH_RESOURCE_MS = 10_000;

const BASE_BACKOFF_MS = 200;

export type TransientReason = 'rate limited (429)' | 'bad gateway (502)' | 'unavailable (503)' | 'UNEXPECTED_ERROR (500)' | 'not yet visible (404 just after create)' | 'timed out' | 'connection failed';

/** Parses `Retry-After` as seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Exponential backoff with full jitter between half and all of the step: 200, 400, 800 ms… */
export function backoffMs(attempt: number, random = Math.random): number {
  const step = BASE_BACKOFF_MS * 2 ** (attempt - 1);
  return Math.round(step / 2 + random() * (step / 2));
}

/** How long to wait before the next attempt: Retry-After when given (capped), else backoff. */
export function waitBeforeRetry(attempt: number, retryAfter: string | undefined, random = Math.random): number {
  const told = retryAfterMs(retryAfter);
  return told === undefined ? backoffMs(attempt, random) : Math.min(told, RETRY_AFTER_CAP_MS);
}

/**
 * The transient reason for an answer, or undefined when it must not be retried. A 404 counts only
 * for a resource this run created moments ago (PingOne is eventually consistent).
 */
export function transientReason(status: number, body: unknown, freshlyCreated: boolean): TransientReason | undefined {
  if (status === 429) return 'rate limited (429)';
  if (status === 502) return 'bad gateway (502)';
  if (status === 503) return 'unavailable (503)';
  if (status === 500 && (body as { code?: unknown } | undefined)?.code === 'UNEXPECTED_ERROR') return 'UNEXPECTED_ERROR (500)';
  if (status === 404 && freshlyCreated) return 'not yet visible (404 just after create)';
  return undefined;
}
