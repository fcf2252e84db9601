import type { EmulatorContext } from '../context.ts';
import { apiHref, resource } from '../hal.ts';
import { findOr404 } from '../management/common.ts';
import { enumField, readJson } from '../request.ts';

const ENVIRONMENT_TYPES = ['SANDBOX', 'PRODUCTION'] as const;

/**
 * `PUT /__emulator/environment` `{ "type": "SANDBOX" | "PRODUCTION" }`: turns the seeded
 * environment into another type, for the suite's production guard. Answers the environment as
 * `GET /environments/{envID}` shows it. A reset lays a SANDBOX again.
 */
export async function updateEnvironmentType(c: EmulatorContext): Promise<Response> {
  const emulator = c.get('emulator');
  const type = enumField((await readJson(c)).type, 'type', ENVIRONMENT_TYPES, true);
  const environment = findOr404(emulator, 'environments', emulator.config.environmentId, 'environment');

  environment.type = type;
  environment.updatedAt = emulator.state.timestamp();
  c.get('log')('environment type set type=%s', type);
  return c.json(resource(environment, apiHref(emulator)));
}
