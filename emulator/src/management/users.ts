import { errors } from '../errors.ts';
import type { EmulatorContext } from '../context.ts';

export function createUser(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readAllUsers(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readUser(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function deleteUser(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function updateUserPassword(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readUserMFAEnabled(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function updateUserMFAEnabled(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}
