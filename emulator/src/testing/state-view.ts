import type { EmulatorContext } from '../context.ts';
import { seededIds } from '../seed.ts';

/**
 * `GET /__emulator/state`: what exists, per collection: how many, and the ids the seed laid apart
 * from the ids created since. Ids only; no secret, code, passcode or session token is shown.
 */
export function readState(c: EmulatorContext): Response {
  const emulator = c.get('emulator');
  const { config, state } = emulator;
  const seeded = seededIds(emulator);
  const collections: Record<string, { count: number; seeded: string[]; created: string[] }> = {};
  for (const [name, items] of Object.entries(state.collections)) {
    const ids = items.list().map((item) => item.id);
    collections[name] = {
      count: ids.length,
      seeded: ids.filter((id) => seeded.has(id)),
      created: ids.filter((id) => !seeded.has(id)),
    };
  }

  return c.json({
    environment: { id: config.environmentId },
    now: state.timestamp(),
    clockOffsetMs: state.clockOffsetMs,
    collections,
    outbox: { count: state.outbox.length },
  });
}
