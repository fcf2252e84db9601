import { errors } from '../errors.ts';
import type { EmulatorContext } from '../context.ts';

export function createSignOnPolicyAssignment(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readAllSignOnPolicyAssignments(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readOneSignOnPolicyAssignment(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function deleteSignOnPolicyAssignment(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}
