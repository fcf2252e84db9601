import { errors } from '../errors.ts';
import { requiredString } from '../request.ts';

/**
 * Field readers the management handlers share, beyond those of request.ts. Each names the field
 * by its dotted `target`, as PingOne's error details do.
 */

/** A JSON object field; `required` makes its absence a REQUIRED_VALUE error. */
export function objectField(
  value: unknown,
  target: string,
  required: true,
): Record<string, unknown>;
export function objectField(
  value: unknown,
  target: string,
  required?: false,
): Record<string, unknown> | undefined;
export function objectField(
  value: unknown,
  target: string,
  required = false,
): Record<string, unknown> | undefined {
  if (value === undefined) {
    if (required) throw errors.requiredValue(target);
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw errors.invalidValue(target, `${target} must be a JSON object.`);
  return value as Record<string, unknown>;
}

/** An optional array field; returns its items unchecked. */
export function arrayField(value: unknown, target: string): unknown[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw errors.invalidValue(target, `${target} must be an array.`);
  return value;
}

/** An optional array of non-empty strings. */
export function stringArray(value: unknown, target: string): string[] | undefined {
  const items = arrayField(value, target);
  return items?.map((item, index) => requiredString(item, `${target}[${index}]`));
}

/** An optional array whose items must each be one of `allowed`; duplicates are dropped. */
export function enumArray<T extends string>(
  value: unknown,
  target: string,
  allowed: readonly T[],
): T[] | undefined {
  const items = arrayField(value, target);
  if (!items) return undefined;
  for (const item of items) {
    if (typeof item !== 'string' || !allowed.includes(item as T))
      throw errors.invalidValue(
        target,
        `Each item of ${target} must be one of ${allowed.join(', ')}.`,
        allowed,
      );
  }
  return [...new Set(items as T[])];
}

/** An integer within `[minimum, maximum]` (either bound optional); out of range is OUT_OF_RANGE. */
export function rangedInteger(
  value: unknown,
  target: string,
  options: { required?: boolean; minimum?: number; maximum?: number },
): number | undefined {
  if (value === undefined) {
    if (options.required) throw errors.requiredValue(target);
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw errors.invalidValue(target, `${target} must be an integer.`);
  const { minimum, maximum } = options;
  if ((minimum !== undefined && value < minimum) || (maximum !== undefined && value > maximum))
    throw errors.outOfRange(target, minimum, maximum);
  return value;
}

/** A required integer within range: {@link rangedInteger} that never returns undefined. */
export function requiredInteger(
  value: unknown,
  target: string,
  minimum?: number,
  maximum?: number,
): number {
  return rangedInteger(value, target, { required: true, minimum, maximum }) as number;
}

/**
 * A boolean PingOne also accepts spelled as a string: its own docs send `"default": "false"`.
 * Anything else than true, false, "true" or "false" is INVALID_VALUE.
 */
export function lenientBoolean(value: unknown, target: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw errors.invalidValue(target, `${target} must be true or false.`);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A required email address: something@domain.tld, no spaces. */
export function emailField(value: unknown, target: string): string {
  const email = requiredString(value, target);
  if (!EMAIL.test(email))
    throw errors.invalidValue(target, `${target} must be a valid email address.`);
  return email;
}

/** An absolute URI (a scheme and the rest), as `new URL` reads it. */
export function isAbsoluteUri(value: string): boolean {
  try {
    return Boolean(new URL(value).protocol);
  } catch {
    return false;
  }
}
