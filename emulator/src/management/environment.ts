import type { EmulatorContext } from '../context.ts';
import { apiHref, resource } from '../hal.ts';
import { emulatorOf, findOr404 } from './common.ts';

/** `GET /environments/{envID}`: the seeded SANDBOX environment. */
export function readOneEnvironment(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const environment = findOr404(
    emulator,
    'environments',
    emulator.config.environmentId,
    'environment',
  );

  return c.json(resource(environment, apiHref(emulator)));
}
