import { errors } from '../errors.ts';
import { integerField } from '../request.ts';

/** The statuses an `error` or `chaos` fault can answer with, each in PingOne's error shape. */
export const ERROR_STATUSES = [400, 401, 403, 404, 409, 429, 500, 502, 503] as const;
export type ErrorStatus = (typeof ERROR_STATUSES)[number];

/** Longest `delay` a fault may hold a call, in ms (ten minutes). */
export const MAX_DELAY_MS = 600_000;

/**
 * What a fault does to a matching call. The first five let the real handler run, then alter its
 * answer; the others act before the handler (which, for `error` and `chaos`, never runs).
 */
export type Fault =
  | { kind: 'dropField' | 'changeType' | 'unknownEnum'; path: string }
  | { kind: 'status'; status: number }
  | { kind: 'mediaType'; contentType: string }
  | { kind: 'error'; status: ErrorStatus; code?: string; retryAfter?: string | number }
  | { kind: 'notFoundIfFresh'; ms: number }
  | { kind: 'delay'; ms: number }
  | { kind: 'chaos'; rate: number; statuses: ErrorStatus[]; seed?: number };

export type FaultKind = Fault['kind'];

/** A checked `POST /__emulator/faults` body. */
export interface FaultRequest {
  operationId: string;
  /** How many matching calls it applies to; 0 = every one. */
  count: number;
  fault: Fault;
}

const KINDS: readonly FaultKind[] = ['dropField', 'changeType', 'unknownEnum', 'status', 'mediaType', 'error', 'notFoundIfFresh', 'delay', 'chaos'];

/** The fields each kind takes besides `kind`. */
const FIELDS: Record<FaultKind, readonly string[]> = {
  dropField: ['path'],
  changeType: ['path'],
  unknownEnum: ['path'],
  status: ['status'],
  mediaType: ['contentType'],
  error: ['status', 'code', 'retryAfter'],
  notFoundIfFresh: ['ms'],
  delay: ['ms'],
  chaos: ['rate', 'statuses', 'seed'],
};

const HEADER_VALUE = /^[\x21-\x7e][\x20-\x7e]*$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]*$/;

/**
 * Checks a fault request strictly: unknown fields, wrong types and values out of range are 400
 * INVALID_DATA naming the field (`operationId`, `count`, `fault.kind`, `fault.path`, …).
 */
export function parseFaultRequest(body: Record<string, unknown>, operationIds: ReadonlySet<string>): FaultRequest {
  rejectUnknown(body, ['operationId', 'count', 'fault'], '');
  const { operationId } = body;
  if (operationId === undefined) throw errors.requiredValue('operationId');
  if (typeof operationId !== 'string' || (operationId !== '*' && !operationIds.has(operationId)))
    throw errors.invalidValue('operationId', 'operationId must be an operationId the emulator serves, or "*".', ['*', ...[...operationIds].sort()]);

  const count = integerField(body.count, 'count', { minimum: 0 }) ?? 1;

  const { fault } = body;
  if (fault === undefined) throw errors.requiredValue('fault');
  if (fault === null || typeof fault !== 'object' || Array.isArray(fault)) throw errors.invalidValue('fault', 'fault must be an object.');
  return { operationId, count, fault: parseFault(fault as Record<string, unknown>) };
}

function parseFault(fault: Record<string, unknown>): Fault {
  const { kind } = fault;
  if (kind === undefined) throw errors.requiredValue('fault.kind');
  if (typeof kind !== 'string' || !KINDS.includes(kind as FaultKind))
    throw errors.invalidValue('fault.kind', `fault.kind must be one of ${KINDS.join(', ')}.`, KINDS);
  rejectUnknown(fault, ['kind', ...FIELDS[kind as FaultKind]], 'fault.');

  switch (kind as FaultKind) {
    case 'dropField':
    case 'changeType':
    case 'unknownEnum':
      return { kind: kind as 'dropField', path: fieldPath(fault.path) };
    case 'status':
      return { kind: 'status', status: integerIn(fault.status, 'fault.status', 200, 599) };
    case 'mediaType':
      return { kind: 'mediaType', contentType: headerValue(fault.contentType, 'fault.contentType') };
    case 'error':
      return errorFault(fault);
    case 'notFoundIfFresh':
      return { kind: 'notFoundIfFresh', ms: integerIn(fault.ms, 'fault.ms', 1, Number.MAX_SAFE_INTEGER) };
    case 'delay':
      return { kind: 'delay', ms: integerIn(fault.ms, 'fault.ms', 0, MAX_DELAY_MS) };
    case 'chaos':
      return chaosFault(fault);
  }
}

function errorFault(fault: Record<string, unknown>): Fault {
  const status = errorStatus(fault.status, 'fault.status');

  const { code, retryAfter } = fault;
  if (code !== undefined && (typeof code !== 'string' || !ERROR_CODE.test(code)))
    throw errors.patternMismatch('fault.code', 'fault.code must be an upper-case PingOne error code.', ERROR_CODE.source);

  if (retryAfter !== undefined) {
    if (status !== 429 && status !== 503)
      throw errors.constraintViolation('fault.retryAfter applies only to status 429 and 503.', 'fault.retryAfter');
    const seconds = typeof retryAfter === 'number' && Number.isInteger(retryAfter) && retryAfter >= 0;
    if (!seconds && (typeof retryAfter !== 'string' || !HEADER_VALUE.test(retryAfter)))
      throw errors.invalidValue('fault.retryAfter', 'fault.retryAfter must be whole seconds or an HTTP date.');
  }

  return {
    kind: 'error',
    status,
    ...(code !== undefined ? { code: code as string } : {}),
    ...(retryAfter !== undefined ? { retryAfter: retryAfter as string | number } : {}),
  };
}

function chaosFault(fault: Record<string, unknown>): Fault {
  const { rate, statuses, seed } = fault;
  if (rate === undefined) throw errors.requiredValue('fault.rate');
  if (typeof rate !== 'number' || !Number.isFinite(rate)) throw errors.invalidValue('fault.rate', 'fault.rate must be a number.');
  if (rate < 0 || rate > 1) throw errors.outOfRange('fault.rate', 0, 1);

  if (statuses === undefined) throw errors.requiredValue('fault.statuses');
  if (!Array.isArray(statuses) || statuses.length === 0)
    throw errors.invalidValue('fault.statuses', 'fault.statuses must be a non-empty array of statuses.');
  const checked = statuses.map((status, index) => errorStatus(status, `fault.statuses[${index}]`));

  const seeded = integerField(seed, 'fault.seed');
  return { kind: 'chaos', rate, statuses: checked, ...(seeded !== undefined ? { seed: seeded } : {}) };
}

function rejectUnknown(object: Record<string, unknown>, known: readonly string[], prefix: string): void {
  const unknown = Object.keys(object).find((name) => !known.includes(name));
  if (unknown !== undefined)
    throw errors.invalidValue(`${prefix}${unknown}`, `${prefix}${unknown} is not a field of this request; use ${known.map((name) => prefix + name).join(', ')}.`);
}

function fieldPath(value: unknown): string {
  if (value === undefined) throw errors.requiredValue('fault.path');
  if (typeof value !== 'string' || value.split('.').some((segment) => segment === ''))
    throw errors.invalidValue('fault.path', 'fault.path must be a dotted path such as _embedded.resources.0.type.');
  return value;
}

function integerIn(value: unknown, target: string, minimum: number, maximum: number): number {
  const number = integerField(value, target, { required: true, minimum })!;
  if (number > maximum) throw errors.outOfRange(target, minimum, maximum);
  return number;
}

function errorStatus(value: unknown, target: string): ErrorStatus {
  if (value === undefined) throw errors.requiredValue(target);
  if (!ERROR_STATUSES.includes(value as ErrorStatus))
    throw errors.invalidValue(target, `${target} must be one of ${ERROR_STATUSES.join(', ')}.`, ERROR_STATUSES.map(String));
  return value as ErrorStatus;
}

function headerValue(value: unknown, target: string): string {
  if (value === undefined) throw errors.requiredValue(target);
  if (typeof value !== 'string' || !HEADER_VALUE.test(value))
    throw errors.invalidValue(target, `${target} must be a media type such as text/plain.`);
  return value;
}
