import { errors } from '../errors.ts';
import type { EmulatorContext } from '../context.ts';

export function createPopulation(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readAllPopulations(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function readOnePopulation(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}

export function deletePopulation(c: EmulatorContext): Response {
  throw errors.notImplemented(c.req.method, c.req.path);
}
