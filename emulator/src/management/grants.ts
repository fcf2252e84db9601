import { errors } from '../errors.ts';
import type { EmulatorContext } from '../context.ts';

export function createApplicationGrant(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readAllApplicationGrants(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readOneApplicationGrant(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function deleteApplicationGrant(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}
