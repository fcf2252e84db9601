import { errors } from '../errors.ts';
import type { EmulatorContext } from '../context.ts';

export function createSignOnPolicyAction(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readAllSignOnPolicyActions(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readOneSignOnPolicyAction(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function deleteSignOnPolicyAction(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}
