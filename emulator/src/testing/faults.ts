import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { EmulatorContext, EmulatorEnv } from '../context.ts';
import { answerError, errors, type PingOneError } from '../errors.ts';
import { readJson } from '../request.ts';
import type { Route } from '../routes.ts';
import type { State } from '../state.ts';
import { changeType, dropField, injectedError, unknownEnum } from './fault-answers.ts';
import { parseFaultRequest, type Fault } from './fault-spec.ts';
import { PREFIX } from './prefix.ts';

/** One fault as set, with how often it fired. `remaining` is null for an unlimited fault. */
interface FaultRecord {
  id: string;
  operationId: string;
  count: number;
  remaining: number | null;
  hits: number;
  fault: Fault;
  /** The chaos fault's random source: seeded when it has a seed. */
  random?: () => number;
}

/** The faults of one emulator, and when each id a 201 answered with was created. */
interface FaultStore {
  faults: FaultRecord[];
  createdAt: Map<string, number>;
}

// Keyed by State: the emulator object is copied by server.ts, its state is not.
const stores = new WeakMap<State, FaultStore>();
/** Every operationId a fault may name: filled as server.ts wires the routes. */
const operationIds = new Set<string>();

function storeOf(state: State): FaultStore {
  let store = stores.get(state);
  if (!store) stores.set(state, (store = { faults: [], createdAt: new Map() }));
  return store;
}

/** Forgets every fault and creation time, e.g. on reset. Calls already delayed keep waiting. */
export function clearFaults(state: State): void {
  const store = storeOf(state);
  store.faults = [];
  store.createdAt.clear();
}

/**
 * The fault middleware for one route of the management or auth plane (none for the test-only
 * plane). With no fault set it only notes the `id` of each 201 answer, for `notFoundIfFresh`.
 */
export function faultsFor(route: Route): MiddlewareHandler<EmulatorEnv>[] {
  if (route.plane === 'testing') return [];
  operationIds.add(route.operationId);
  return [injectFaults];
}

const injectFaults: MiddlewareHandler<EmulatorEnv> = async (c, next) => {
  const { state } = c.get('emulator');
  const store = storeOf(state);
  if (store.faults.length === 0) {
    await next();
    await noteCreated(c, store, state);
    return;
  }

  const operationId = c.get('operationId');
  const matching = store.faults.filter((record) => record.remaining !== 0 && (record.operationId === '*' || record.operationId === operationId));

  for (const record of matching.filter((r) => r.fault.kind === 'delay')) {
    fire(c, record);
    const carriedOn = await wait((record.fault as { ms: number }).ms, c.req.raw.signal);
    if (!carriedOn) {
      c.get('log')('fault delay abandoned id=%s: the client closed the connection; the handler did not run', record.id);
      return answerError(errors.serviceUnavailable(), c);
    }
  }

  for (const record of matching) {
    const error = errorBefore(c, record, store, state.now());
    if (error) return answerError(error, c);
  }

  await next();
  await noteCreated(c, store, state);
  const after = matching.filter((record) => ['status', 'mediaType', 'dropField', 'changeType', 'unknownEnum'].includes(record.fault.kind));
  if (after.length > 0) await alterAnswer(c, after);
};

/**
 * The error a pre-handler fault answers this call with, if it fires (and then counts it). A chaos
 * fault spends one call of its count per roll, and counts a hit only when the roll fires.
 */
function errorBefore(c: EmulatorContext, record: FaultRecord, store: FaultStore, now: number): PingOneError | undefined {
  const { fault } = record;
  if (fault.kind === 'error') {
    fire(c, record);
    return injectedError(fault.status, fault.code, fault.retryAfter);
  }
  if (fault.kind === 'notFoundIfFresh') {
    const path = c.req.path;
    for (const [id, at] of store.createdAt)
      if (now - at < fault.ms && path.includes(id)) {
        fire(c, record);
        return errors.notFound();
      }
    return undefined;
  }
  if (fault.kind !== 'chaos') return undefined;

  spend(record);
  const random = record.random!;
  if (random() >= fault.rate) return undefined;
  hit(c, record);
  return injectedError(fault.statuses[Math.floor(random() * fault.statuses.length)]!);
}

/** Reads the handler's answer, applies each post-handler fault in turn, and answers again. */
async function alterAnswer(c: EmulatorContext, records: FaultRecord[]): Promise<void> {
  const original = c.res;
  let status = original.status;
  const headers = new Headers(original.headers);
  let text = await original.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }

  let bodyChanged = false;
  for (const record of records) {
    const { fault } = record;
    if (fault.kind === 'status') status = fault.status;
    else if (fault.kind === 'mediaType') headers.set('Content-Type', fault.contentType);
    else if (fault.kind === 'dropField' || fault.kind === 'changeType' || fault.kind === 'unknownEnum') {
      const apply = fault.kind === 'dropField' ? dropField : fault.kind === 'changeType' ? changeType : unknownEnum;
      if (json === undefined || !apply(json, fault.path)) {
        c.get('log')('fault not applied id=%s kind=%s: no field at the path', record.id, fault.kind);
        continue;
      }
      bodyChanged = true;
    } else continue;
    fire(c, record);
  }

  if (bodyChanged) text = JSON.stringify(json);
  const nullBody = [204, 205, 304].includes(status);
  headers.delete('Content-Length');
  if (!nullBody) headers.set('Content-Length', String(Buffer.byteLength(text)));
  c.res = undefined;
  c.res = new Response(nullBody ? null : text, { status, headers });
}

/** Notes the `id` of a 201 answer with its creation time, for `notFoundIfFresh`. */
async function noteCreated(c: EmulatorContext, store: FaultStore, state: State): Promise<void> {
  if (c.res.status !== 201) return;
  try {
    const id = ((await c.res.clone().json()) as { id?: unknown }).id;
    if (typeof id === 'string') store.createdAt.set(id, state.now());
  } catch {
    // A 201 without a JSON body names nothing to track.
  }
}

function spend(record: FaultRecord): void {
  if (record.remaining !== null) record.remaining -= 1;
}

function fire(c: EmulatorContext, record: FaultRecord): void {
  spend(record);
  hit(c, record);
}

function hit(c: EmulatorContext, record: FaultRecord): void {
  record.hits += 1;
  c.get('log')('fault fired id=%s kind=%s op=%s hits=%d', record.id, record.fault.kind, c.get('operationId'), record.hits);
}

/**
 * Waits `ms`; true unless the client went away first, in which case the handler must not run (a
 * killed run must not create anything after the fact). Deleting the fault does not cut it short.
 */
function wait(ms: number, client: AbortSignal): Promise<boolean> {
  if (client.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onClient = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      client.removeEventListener('abort', onClient);
      resolve(!client.aborted);
    }, ms);
    client.addEventListener('abort', onClient, { once: true });
  });
}

/** A small seeded generator (32-bit xorshift) so that a chaos run can be replayed. */
function seededRandom(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

function view(record: FaultRecord) {
  const { id, operationId, count, remaining, hits, fault } = record;
  return { id, operationId, count, remaining, hits, fault };
}

/** `POST /__emulator/faults`: sets a fault; 201 with it (`hits: 0`). */
export async function createFault(c: EmulatorContext): Promise<Response> {
  const request = parseFaultRequest(await readJson(c), operationIds);
  const { fault } = request;
  const record: FaultRecord = {
    id: randomUUID(),
    ...request,
    remaining: request.count === 0 ? null : request.count,
    hits: 0,
    ...(fault.kind === 'chaos' ? { random: fault.seed === undefined ? Math.random : seededRandom(fault.seed) } : {}),
  };

  storeOf(c.get('emulator').state).faults.push(record);
  c.get('log')('fault set id=%s kind=%s op=%s count=%d', record.id, fault.kind, record.operationId, record.count);
  const { id, operationId, count, hits } = record;
  return c.json({ id, operationId, count, fault, hits }, 201);
}

/** `GET /__emulator/faults`: every fault set since the last clear, spent ones included. */
export function readFaults(c: EmulatorContext): Response {
  return c.json({ faults: storeOf(c.get('emulator').state).faults.map(view) });
}

/** `DELETE /__emulator/faults`: removes every fault. */
export function deleteFaults(c: EmulatorContext): Response {
  storeOf(c.get('emulator').state).faults = [];
  return c.body(null, 204);
}

/** `DELETE /__emulator/faults/{faultID}`: removes one fault. */
export function deleteFault(c: EmulatorContext): Response {
  const store = storeOf(c.get('emulator').state);
  const id = c.req.param('faultID');
  const record = store.faults.find((candidate) => candidate.id === id);
  if (!record) throw errors.notFound(`No fault with ID "${id}" is set.`);

  store.faults = store.faults.filter((candidate) => candidate !== record);
  return c.body(null, 204);
}

/** The fault resource's routes, spread into the test-only route table. */
export const faultRoutes: Route[] = [
  { method: 'POST', path: `${PREFIX}/faults`, operationId: 'createFault', plane: 'testing', handler: createFault },
  { method: 'GET', path: `${PREFIX}/faults`, operationId: 'readFaults', plane: 'testing', handler: readFaults },
  { method: 'DELETE', path: `${PREFIX}/faults`, operationId: 'deleteFaults', plane: 'testing', handler: deleteFaults },
  { method: 'DELETE', path: `${PREFIX}/faults/:faultID`, operationId: 'deleteFault', plane: 'testing', handler: deleteFault },
];
