import type { OpenAPIV3_1 } from 'openapi-types';

/**
 * A schema as this document writes it: OpenAPI 3.1's schema object plus the JSON Schema 2020-12
 * keywords the `openapi-types` package leaves out (`if`/`then`, `unevaluatedProperties`, and
 * boolean subschemas such as `password: false`).
 */
export type Schema = OpenAPIV3_1.SchemaObject & {
  if?: Schema;
  then?: Schema;
  unevaluatedProperties?: boolean;
};

/** A property's schema: a schema, a `$ref`, or `false` for a field that must never appear. */
export type Property = Schema | OpenAPIV3_1.ReferenceObject | false;

/** `{ $ref: '#/components/schemas/<name>' }`. */
export function ref(name: string): OpenAPIV3_1.ReferenceObject {
  return { $ref: `#/components/schemas/${name}` };
}

/** An object schema. Unknown properties stay allowed: PingOne adds fields over time. */
export function object(properties: Record<string, Property>, required: string[] = []): Schema {
  return {
    type: 'object',
    ...(required.length ? { required } : {}),
    properties: properties as Record<string, Schema>,
  };
}

/** An array of `items`. */
export function arrayOf(items: Property, extra: Partial<Schema> = {}): Schema {
  return { type: 'array', items: items as Schema, ...extra } as Schema;
}

/** A string that must be one of `values`, spelled exactly as PingOne spells them. */
export function enumOf(values: readonly string[]): Schema {
  return { type: 'string', enum: [...values] };
}

/** PingOne's resource IDs are lower-case UUIDs. */
export const uuid: Schema = { type: 'string', format: 'uuid' };

/** ISO-8601 UTC with milliseconds, e.g. `2021-07-20T22:51:31.743Z`. */
export const timestamp: Schema = { type: 'string', format: 'date-time' };

export const text: Schema = { type: 'string' };
export const nonEmpty: Schema = { type: 'string', minLength: 1 };
export const uri: Schema = { type: 'string', format: 'uri' };
export const bool: Schema = { type: 'boolean' };
export const integer: Schema = { type: 'integer' };
export const count: Schema = { type: 'integer', minimum: 0 };
export const strings: Schema = arrayOf(text);

/**
 * A secret (client secret, token, OTP, authorization code). `format: password` is OpenAPI's
 * marker for it; the matcher never echoes the value of such a field in a message.
 */
export const secret: Schema = { type: 'string', format: 'password', minLength: 1 };

/** `{ enabled: boolean }`, PingOne's switch object. */
export const toggle: Schema = object({ enabled: bool }, ['enabled']);

/** The schemas every PingOne resource shares: links, references and the list envelope. */
export const commonSchemas: Record<string, Schema> = {
  Link: object(
    { href: uri, name: text, profile: text, title: text, type: text },
    ['href'],
  ),
  Links: {
    ...object({ self: ref('Link') }, ['self']),
    additionalProperties: ref('Link'),
    description: 'HAL links: each key names a relation. `self` is always present.',
  },
  EntityRef: {
    ...object({ id: uuid }, ['id']),
    description: 'A reference to another PingOne resource, `{ "id": "<uuid>" }`.',
  },
};

/**
 * A PingOne list: `{ _links: { self }, _embedded: { <key>: [ item… ] }, count, size }`.
 * `next`/`prev` links appear only when paging, under `_links` as any other relation.
 */
export function collection(key: string, item: string): Schema {
  return object(
    {
      _links: ref('Links'),
      _embedded: object({ [key]: arrayOf(ref(item)) }, [key]),
      count,
      size: count,
    },
    ['_links', '_embedded', 'count', 'size'],
  );
}
