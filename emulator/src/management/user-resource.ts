import type { Emulator, EmulatorContext } from '../context.ts';
import { apiHref, resource } from '../hal.ts';
import type { Entity } from '../state.ts';
import { emulatorOf, findOr404 } from './common.ts';

/** A user with links to its environment, population, password and MFA devices. */
export function renderUser(emulator: Emulator, user: Entity) {
  const self = apiHref(emulator, 'users', user.id);
  const population = (user.population as { id: string }).id;
  return resource(user, self, {
    environment: apiHref(emulator),
    population: apiHref(emulator, 'populations', population),
    password: `${self}/password`,
    devices: `${self}/devices`,
  });
}

/** The user named by the path's `userID`, or 404. */
export function pathUser(c: EmulatorContext): Entity {
  return findOr404(emulatorOf(c), 'users', c.req.param('userID')!, 'user');
}

/** The profile values a password may not equal: username, email and names. */
export function profileValues(user: Entity): string[] {
  const name = (user.name ?? {}) as Record<string, unknown>;
  return [user.username, user.email, name.given, name.family, name.middle, name.formatted].filter(
    (value): value is string => typeof value === 'string',
  );
}
