import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono, type MiddlewareHandler } from 'hono';
import createDebug from 'debug';
import type { Emulator, EmulatorConfig, EmulatorEnv } from './context.ts';
import { answerError, errors } from './errors.ts';
import { routes, type Route } from './routes.ts';
import { seed } from './seed.ts';
import { State } from './state.ts';
import { requireWorkerToken } from './management/bearer.ts';
import { checkAuthEnvironment } from './auth/environment.ts';
import { clearFaults, faultsFor } from './testing/faults.ts';

const log = createDebug('emulator:http');

export interface EmulatorOptions extends Omit<EmulatorConfig, 'apiBaseUrl' | 'authBaseUrl'> {
  /** Defaults to the address it listens on. */
  apiBaseUrl?: string;
  authBaseUrl?: string;
}

/** An emulator that is not listening: its Hono app and state, for in-process use and tests. */
export interface EmulatorApp extends Emulator {
  app: Hono<EmulatorEnv>;
  /** Clears all state and lays the seed again, as a new environment. */
  reset(): void;
}

/** Builds the emulator: a seeded state and the Hono app serving {@link routes}. */
export function createEmulator(options: EmulatorOptions): EmulatorApp {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  const publicJwk = { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
  const state = new State({ privateKey, publicJwk, kid });
  const config: EmulatorConfig = {
    environmentId: options.environmentId.toLowerCase(),
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    apiBaseUrl: options.apiBaseUrl ?? '',
    authBaseUrl: options.authBaseUrl ?? '',
  };
  const emulator: Emulator = { config, state, reset: () => reset() };
  const reset = () => {
    state.clear();
    clearFaults(state);
    seed(emulator);
  };
  reset();

  const app = new Hono<EmulatorEnv>();
  app.use(async (c, next) => {
    c.set('emulator', emulator);
    c.set('log', log);
    const started = performance.now();
    log('in %s %s', c.req.method, c.req.path);
    await next();
    log('out %s %s status=%d op=%s ms=%s', c.req.method, c.req.path, c.res.status, c.get('operationId') ?? '-', (performance.now() - started).toFixed(1));
  });
  for (const route of routes) app.on(route.method, route.path, ...(handlersFor(route) as [MiddlewareHandler<EmulatorEnv>]));
  app.notFound((c) => {
    const known = routes.some((route) => matches(route.path, c.req.path));
    return answerError(known ? errors.methodNotAllowed(c.req.method, c.req.path) : errors.notImplemented(c.req.method, c.req.path), c);
  });
  app.onError((error, c) => answerError(error, c));

  return { ...emulator, app, reset };
}

function handlersFor(route: Route): MiddlewareHandler<EmulatorEnv>[] {
  const name: MiddlewareHandler<EmulatorEnv> = async (c, next) => {
    c.set('operationId', route.operationId);
    await next();
  };
  const guard = route.plane === 'management' ? [requireWorkerToken] : route.plane === 'auth' ? [checkAuthEnvironment] : [];
  return [name, ...faultsFor(route), ...guard, route.handler as MiddlewareHandler<EmulatorEnv>];
}

function matches(pattern: string, path: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/:[A-Za-z]+/g, '[^/]+')}/?$`);
  return regex.test(path);
}

/** A listening emulator. */
export interface RunningEmulator extends EmulatorApp {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the emulator on `host:port` (127.0.0.1 and a free port unless given). Base URLs not given
 * become the address it listens on, so every link it hands out can be followed.
 */
export async function startEmulator(options: EmulatorOptions & { port?: number; host?: string }): Promise<RunningEmulator> {
  const emulator = createEmulator(options);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: emulator.app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  emulator.config.apiBaseUrl ||= url;
  emulator.config.authBaseUrl ||= url;
  emulator.reset();
  return {
    ...emulator,
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
