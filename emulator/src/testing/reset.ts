import type { EmulatorContext } from '../context.ts';

/**
 * `POST /__emulator/reset`: clears everything (outbox and clock offset included) and lays the
 * seed again, as a new environment with the same ID and worker credentials.
 */
export function reset(c: EmulatorContext): Response {
  c.get('emulator').reset();
  c.get('log')('emulator reset');
  return c.body(null, 204);
}
