import { errors } from '../errors.ts';
import type { EmulatorContext } from '../context.ts';

export function readAllResources(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readOneResource(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readAllResourceScopes(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}
