import type { EmulatorContext } from '../context.ts';
import { collection } from '../hal.ts';

/**
 * `GET /__emulator/outbox[?phone=…]`: the passcodes the emulator "sent" to devices not in test
 * mode, oldest first. `phone` matches on digits only, so any PingOne spelling of a number works;
 * an email address matches an email device's messages.
 */
export function readOutbox(c: EmulatorContext): Response {
  const { state } = c.get('emulator');
  const wanted = c.req.query('phone');
  const messages =
    wanted === undefined
      ? state.outbox
      : state.outbox.filter((message) => sameAddress(message.phone, wanted));
  return c.json(collection('messages', messages, c.req.url));
}

/** `DELETE /__emulator/outbox`: forgets every message. */
export function clearOutbox(c: EmulatorContext): Response {
  c.get('emulator').state.outbox.length = 0;
  return c.body(null, 204);
}

function sameAddress(address: string, wanted: string): boolean {
  if (wanted.includes('@')) return address.toLowerCase() === wanted.toLowerCase();
  const digits = wanted.replace(/\D/g, '');
  return digits !== '' && address.replace(/\D/g, '') === digits;
}
