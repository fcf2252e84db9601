import { errors } from './errors.ts';
import type { EmulatorContext } from './context.ts';

export const JSON_MEDIA_TYPE = 'application/json';

/** The request's media type, lower-cased and without parameters such as `charset`. */
export function mediaType(c: EmulatorContext): string | undefined {
  return c.req.header('content-type')?.split(';')[0]!.trim().toLowerCase() || undefined;
}

/**
 * Reads a JSON object body sent with one of `accepted` media types. A body of another media type
 * is answered 415; a body that is not a JSON object is answered 400 INVALID_REQUEST.
 */
export async function readJson(
  c: EmulatorContext,
  accepted: readonly string[] = [JSON_MEDIA_TYPE],
): Promise<Record<string, unknown>> {
  const received = mediaType(c);
  if (!received || !accepted.includes(received)) throw errors.unsupportedMediaType(received, accepted);

  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw errors.invalidRequest('The request body is not valid JSON.');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw errors.invalidRequest('The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

/** A required, non-empty string field; `target` is its dotted path for the error detail. */
export function requiredString(value: unknown, target: string): string {
  if (value === undefined || value === null) throw errors.requiredValue(target);
  if (typeof value !== 'string') throw errors.invalidValue(target, `${target} must be a string.`);
  if (value.trim() === '')
    throw errors.invalidData([{ code: 'EMPTY_VALUE', target, message: `${target} must not be empty.` }]);
  return value;
}

/** An optional string field. */
export function optionalString(value: unknown, target: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw errors.invalidValue(target, `${target} must be a string.`);
  return value;
}

/** A boolean field; `required` makes its absence a REQUIRED_VALUE error. */
export function booleanField(value: unknown, target: string, required: true): boolean;
export function booleanField(value: unknown, target: string, required?: false): boolean | undefined;
export function booleanField(value: unknown, target: string, required = false): boolean | undefined {
  if (value === undefined) {
    if (required) throw errors.requiredValue(target);
    return undefined;
  }
  if (typeof value !== 'boolean') throw errors.invalidValue(target, `${target} must be true or false.`);
  return value;
}

/** An integer field at or above `minimum`. */
export function integerField(value: unknown, target: string, options: { required?: boolean; minimum?: number } = {}): number | undefined {
  if (value === undefined) {
    if (options.required) throw errors.requiredValue(target);
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) throw errors.invalidValue(target, `${target} must be an integer.`);
  if (options.minimum !== undefined && value < options.minimum)
    throw errors.invalidData([
      { code: 'OUT_OF_RANGE', target, message: `${target} must be at least ${options.minimum}.`, innerError: { rangeMinimumValue: options.minimum } },
    ]);
  return value;
}

/** A string field whose value must be one of `allowed` (PingOne's enums are case-sensitive). */
export function enumField<T extends string>(value: unknown, target: string, allowed: readonly T[], required: true): T;
export function enumField<T extends string>(value: unknown, target: string, allowed: readonly T[], required?: false): T | undefined;
export function enumField<T extends string>(value: unknown, target: string, allowed: readonly T[], required = false): T | undefined {
  if (value === undefined) {
    if (required) throw errors.requiredValue(target);
    return undefined;
  }
  if (typeof value !== 'string' || !allowed.includes(value as T))
    throw errors.invalidValue(target, `${target} must be one of ${allowed.join(', ')}.`, allowed);
  return value as T;
}

/** A `{ "id": "..." }` reference; returns the id. */
export function reference(value: unknown, target: string, required: true): string;
export function reference(value: unknown, target: string, required?: false): string | undefined;
export function reference(value: unknown, target: string, required = false): string | undefined {
  if (value === undefined) {
    if (required) throw errors.requiredValue(`${target}.id`);
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw errors.invalidValue(target, `${target} must be an object with an id.`);
  return requiredString((value as { id?: unknown }).id, `${target}.id`);
}
