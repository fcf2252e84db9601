import type { Next } from 'hono';
import type { EmulatorContext } from '../context.ts';
import { errors } from '../errors.ts';

/**
 * Checks the environment ID that leads every auth-plane path. The emulator hosts one environment;
 * any other ID is answered 404 NOT_FOUND, as PingOne answers for an environment it does not know.
 * IDs compare case-insensitively (PingOne writes them lower-case; the emulator stores them so).
 */
export async function checkAuthEnvironment(c: EmulatorContext, next: Next): Promise<void> {
  const { config } = c.get('emulator');
  const envID = c.req.param('envID') ?? '';
  if (envID.toLowerCase() !== config.environmentId)
    throw errors.notFound(`The environment ${envID} was not found on this auth host.`);

  await next();
}
