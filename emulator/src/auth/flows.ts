import { errors } from '../errors.ts';
import type { EmulatorContext } from '../context.ts';

export function readFlow(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function flowAction(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}
