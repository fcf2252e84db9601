import type { EmulatorContext } from '../context.ts';
import { errors } from '../errors.ts';
import { readJson } from '../request.ts';

/** `GET /__emulator/clock`: the emulator's time and how far it runs ahead of the wall clock. */
export function readClock(c: EmulatorContext): Response {
  const { state } = c.get('emulator');
  return c.json({ now: state.timestamp(), clockOffsetMs: state.clockOffsetMs });
}

/**
 * `POST /__emulator/clock` `{ "advanceSeconds": n }`: moves the emulator's clock forward by `n`
 * seconds (n ≥ 0), for expiry tests: flows, passcodes, codes, tokens, device locks. Time never
 * goes back, except through a reset.
 */
export async function advanceClock(c: EmulatorContext): Promise<Response> {
  const { state } = c.get('emulator');
  const { advanceSeconds } = await readJson(c);
  if (advanceSeconds === undefined) throw errors.requiredValue('advanceSeconds');
  if (typeof advanceSeconds !== 'number' || !Number.isFinite(advanceSeconds))
    throw errors.invalidValue('advanceSeconds', 'advanceSeconds must be a number of seconds.');
  if (advanceSeconds < 0)
    throw errors.invalidData([
      {
        code: 'OUT_OF_RANGE',
        target: 'advanceSeconds',
        message: 'advanceSeconds must be at least 0.',
        innerError: { rangeMinimumValue: 0 },
      },
    ]);

  state.clockOffsetMs += Math.round(advanceSeconds * 1000);
  c.get('log')('clock advanced seconds=%d offsetMs=%d', advanceSeconds, state.clockOffsetMs);
  return c.json({ now: state.timestamp(), clockOffsetMs: state.clockOffsetMs });
}
