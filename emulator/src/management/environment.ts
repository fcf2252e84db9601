import { errors } from '../errors.ts';
import type { EmulatorContext } from '../context.ts';

export function readOneEnvironment(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}
