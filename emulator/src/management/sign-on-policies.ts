import { errors } from '../errors.ts';
import type { EmulatorContext } from '../context.ts';

export function createSignOnPolicy(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readAllSignOnPolicies(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readOneSignOnPolicy(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function deleteSignOnPolicy(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}
