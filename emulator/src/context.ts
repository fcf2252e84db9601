import type { Context } from 'hono';
import type createDebug from 'debug';
import type { State } from './state.ts';

/** What the emulator was started with. Every URL it hands out is built from these base URLs. */
export interface EmulatorConfig {
  environmentId: string;
  /** The seeded worker application's client ID and secret. */
  clientId: string;
  clientSecret: string;
  /** Origin standing in for `https://api.pingone.<tld>`; management calls live under `/v1`. */
  apiBaseUrl: string;
  /** Origin standing in for `https://auth.pingone.<tld>`. */
  authBaseUrl: string;
}

/** The running emulator as a handler sees it. */
export interface Emulator {
  config: EmulatorConfig;
  state: State;
  /** Clears all state and lays the seed again, as a new environment. */
  reset(): void;
}

export type EmulatorEnv = {
  Variables: {
    emulator: Emulator;
    /** The PingOne operation the matched route serves, e.g. `createApplication`. */
    operationId: string;
    log: createDebug.Debugger;
  };
};

export type EmulatorContext = Context<EmulatorEnv>;
