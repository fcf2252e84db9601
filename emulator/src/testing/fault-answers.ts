import { errors, PingOneError } from '../errors.ts';
import type { ErrorStatus } from './fault-spec.ts';

/** The value `unknownEnum` writes: a member no PingOne enum has. */
export const UNKNOWN_ENUM_VALUE = 'UNKNOWN_VALUE';

/**
 * PingOne's error for an injected `error` (or `chaos`) status. `code` replaces the top-level code;
 * `retryAfter` becomes the `Retry-After` header of a 429 (default "1") or a 503.
 */
export function injectedError(status: ErrorStatus, code?: string, retryAfter?: string | number): PingOneError {
  const retry = retryAfter === undefined ? undefined : String(retryAfter);
  const error = errorFor(status, retry);
  return code === undefined ? error : new PingOneError(error.status, code, error.message, error.details, error.headers);
}

function errorFor(status: ErrorStatus, retryAfter: string | undefined): PingOneError {
  switch (status) {
    case 400:
      return errors.invalidData([{ code: 'INVALID_VALUE', message: 'The request was refused by an injected fault.' }]);
    case 401:
      return errors.invalidToken('The access token was refused by an injected fault.');
    case 403:
      return errors.insufficientPermissions('The access was refused by an injected fault.');
    case 404:
      return errors.notFound();
    case 409:
      return errors.conflict('The request was refused by an injected fault.');
    case 429:
      return errors.requestLimited(retryAfter ?? '1');
    case 500:
      return errors.unexpected();
    case 502:
      return errors.badGateway();
    case 503:
      return errors.serviceUnavailable(retryAfter);
  }
}

type Json = unknown;

/** The container holding the last segment of `path`, and that segment; undefined when absent. */
function locate(body: Json, path: string): { parent: Record<string, Json> | Json[]; key: string } | undefined {
  const segments = path.split('.');
  let parent: Json = body;
  for (const segment of segments.slice(0, -1)) {
    parent = child(parent, segment);
    if (parent === undefined) return undefined;
  }
  const key = segments.at(-1)!;
  if (parent === null || typeof parent !== 'object' || child(parent, key) === undefined) return undefined;
  return { parent: parent as Record<string, Json> | Json[], key };
}

function child(value: Json, segment: string): Json {
  if (Array.isArray(value)) return /^\d+$/.test(segment) ? value[Number(segment)] : undefined;
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return undefined;
  return (value as Record<string, Json>)[segment];
}

/** Removes the field (or array element) at `path`; false when nothing is there. */
export function dropField(body: Json, path: string): boolean {
  const found = locate(body, path);
  if (!found) return false;
  if (Array.isArray(found.parent)) found.parent.splice(Number(found.key), 1);
  else delete found.parent[found.key];
  return true;
}

/**
 * Puts a value of another JSON type at `path`: a string becomes 12345, a number "12345", a
 * boolean or null its text, an object or array its JSON text. False when nothing is there.
 */
export function changeType(body: Json, path: string): boolean {
  return replace(body, path, (value) => {
    if (typeof value === 'string') return 12345;
    if (typeof value === 'number') return '12345';
    if (typeof value === 'boolean' || value === null) return String(value);
    return JSON.stringify(value);
  });
}

/** Sets the value at `path` to {@link UNKNOWN_ENUM_VALUE}; false when nothing is there. */
export function unknownEnum(body: Json, path: string): boolean {
  return replace(body, path, () => UNKNOWN_ENUM_VALUE);
}

function replace(body: Json, path: string, next: (value: Json) => Json): boolean {
  const found = locate(body, path);
  if (!found) return false;
  const parent = found.parent as Record<string, Json>;
  parent[found.key] = next(parent[found.key]);
  return true;
}
