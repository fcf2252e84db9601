import { errors } from '../errors.ts';
import type { EmulatorContext } from '../context.ts';

export function createMFAUserDevice(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readMFAUserDevices(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readOneMFAUserDevice(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function deleteMFAUserDevice(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}
