import { errors } from '../errors.ts';
import type { EmulatorContext } from '../context.ts';

export function createApplication(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readAllApplications(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readOneApplication(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function deleteApplication(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readApplicationSecret(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}
