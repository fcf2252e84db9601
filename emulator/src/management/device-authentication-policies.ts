import { errors } from '../errors.ts';
import type { EmulatorContext } from '../context.ts';

export function createDeviceAuthenticationPolicy(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readDeviceAuthenticationPolicies(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readOneDeviceAuthenticationPolicy(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function deleteDeviceAuthenticationPolicy(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}
