import { errors } from '../errors.ts';
import type { EmulatorContext } from '../context.ts';

export function jwks(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function openidConfiguration(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}
