import { arrayOf, enumOf, nonEmpty, object, text, timestamp, uuid, type Schema } from './common.ts';

/**
 * PingOne's error bodies, one schema per HTTP status as in Ping's official OpenAPI description
 * (`ApiErrorResponse.<status>`): `{ id, code, message, details?[] }`, with the top-level `code` and
 * the `details[].code` values each status may carry. `innerError` stays open: PingOne documents
 * some of its keys and adds others per error.
 */

const DETAIL_CODES_400 = [
  'ACCOUNT_NOT_USABLE',
  'CONSTRAINT_VIOLATION',
  'EMPTY_VALUE',
  'INVALID_FILTER',
  'INVALID_OTP',
  'INVALID_PARAMETER',
  'INVALID_VALUE',
  'MFA_AUTH_METHODS_CONFLICT',
  'NO_PASSWORD',
  'OUT_OF_RANGE',
  'REQUIRED_VALUE',
  'SIZE_LIMIT_EXCEEDED',
  'UNIQUENESS_VIOLATION',
] as const;

const number: Schema = { type: 'number' };

function innerError(properties: Record<string, Schema> = {}): Schema {
  return { ...object(properties), additionalProperties: true };
}

function detail(codes: readonly string[] | undefined, inner: Schema): Schema {
  return object(
    { code: codes ? enumOf(codes) : nonEmpty, target: text, message: nonEmpty, innerError: inner },
    ['code', 'message'],
  );
}

function errorBody(
  codes: readonly string[],
  detailCodes: readonly string[] | undefined,
  required: string[],
  inner: Schema = innerError(),
): Schema {
  return object(
    { id: uuid, code: enumOf(codes), message: nonEmpty, details: arrayOf(detail(detailCodes, inner)) },
    required,
  );
}

const ID_CODE_MESSAGE = ['id', 'code', 'message'];

export const errorSchemas: Record<string, Schema> = {
  ApiErrorResponse400: errorBody(
    ['INVALID_DATA', 'INVALID_REQUEST', 'REQUEST_FAILED'],
    DETAIL_CODES_400,
    ID_CODE_MESSAGE,
    innerError({
      allowedPattern: text,
      allowedValues: arrayOf(text),
      claim: text,
      existingId: uuid,
      maximumValue: number,
      quotaLimit: number,
      quotaResetTime: timestamp,
      rangeMaximumValue: number,
      rangeMinimumValue: number,
      supportedAttributes: arrayOf(text),
      supportedOperators: arrayOf(text),
    }),
  ),
  ApiErrorResponse401: errorBody(
    ['ACCESS_FAILED'],
    ['INSUFFICIENT_PERMISSIONS', 'INVALID_TOKEN'],
    ID_CODE_MESSAGE,
  ),
  ApiErrorResponse403: errorBody(
    ['ACCESS_FAILED'],
    ['INSUFFICIENT_PERMISSIONS', 'LICENSE_EXCEEDED'],
    ['code', 'message'],
    innerError({ quotaLimit: number }),
  ),
  ApiErrorResponse404: errorBody(['NOT_FOUND'], undefined, ID_CODE_MESSAGE),
  ApiErrorResponse415: errorBody(['INVALID_REQUEST'], undefined, ID_CODE_MESSAGE),
  ApiErrorResponse429: errorBody(
    ['REQUEST_LIMITED'],
    ['LIMIT_EXCEEDED', 'QUOTA_EXCEEDED'],
    ['code', 'message'],
    innerError({ quotaLimit: number, quotaResetTime: timestamp, retryAfter: timestamp }),
  ),
  ApiErrorResponse500: errorBody(['UNEXPECTED_ERROR'], undefined, ID_CODE_MESSAGE),
  OAuthError: object(
    {
      error: enumOf([
        'invalid_request',
        'invalid_client',
        'invalid_grant',
        'unauthorized_client',
        'unsupported_grant_type',
        'invalid_scope',
      ]),
      error_description: text,
      error_uri: { type: 'string', format: 'uri' },
    },
    ['error'],
  ),
};

/** The statuses with a PingOne error body, and the schema each answers with. */
export const ERROR_SCHEMA_BY_STATUS: Record<number, string> = {
  400: 'ApiErrorResponse400',
  401: 'ApiErrorResponse401',
  403: 'ApiErrorResponse403',
  404: 'ApiErrorResponse404',
  415: 'ApiErrorResponse415',
  429: 'ApiErrorResponse429',
  500: 'ApiErrorResponse500',
};

/** The `Retry-After` header of a 429: seconds to wait, or an HTTP date (RFC 9110). */
export const retryAfter: Schema = { type: ['integer', 'string'], minimum: 0 };
