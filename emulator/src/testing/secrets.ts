import type { Emulator } from '../context.ts';
import type { State } from '../state.ts';

/** What a recorded secret is, for a finding a person can read ("otp", "authorization code"). */
export type SecretKind =
  | 'token'
  | 'application secret'
  | 'password'
  | 'otp'
  | 'login_hint_token'
  | 'authorization code'
  | 'session cookie';

/** One secret value the emulator issued or received. */
export interface RecordedSecret {
  kind: SecretKind;
  value: string;
}

/**
 * Recorded secrets per emulator, keyed by its state (an in-process emulator and the handlers it
 * runs share that object). Test-only: never served over HTTP, never logged, and kept across a
 * reset, so that a selftest can check every value a run ever saw.
 */
const recorded = new WeakMap<State, Map<string, SecretKind>>();

/**
 * Notes a secret value the emulator issued (token, code, passcode, application secret, session
 * cookie) or received (password, login_hint_token), so that a selftest can search a run's
 * artifacts for it. Handlers call it where the value comes into being.
 */
export function recordSecret(emulator: Emulator, kind: SecretKind, value: string): void {
  let values = recorded.get(emulator.state);
  if (!values) recorded.set(emulator.state, (values = new Map()));
  values.set(value, kind);
}

/** Every secret value recorded by `emulator` so far, oldest first. */
export function recordedSecrets(emulator: Pick<Emulator, 'state'>): RecordedSecret[] {
  return [...(recorded.get(emulator.state) ?? [])].map(([value, kind]) => ({ kind, value }));
}
