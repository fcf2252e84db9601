import type { Emulator } from './context.ts';

/** Lays what a new PingOne SANDBOX environment has. */
export function seed(emulator: Emulator): void {}
