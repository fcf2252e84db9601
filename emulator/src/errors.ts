import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One entry of a PingOne error's `details[]`. */
export interface ErrorDetail {
  code: string;
  target?: string;
  message: string;
  innerError?: Record<string, unknown>;
}

/**
 * An error answered in PingOne's shape: `{ id, code, message, details? }`. Every PingOne error the
 * emulator can give is built by one of the functions in {@link errors}, never inline.
 */
export class PingOneError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'PingOneError';
  }

  body() {
    return {
      id: randomUUID(),
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/**
 * An OAuth 2.0 error (RFC 6749 section 5.2), as the token endpoint answers:
 * `{ error, error_description }`.
 */
export class OAuthError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly error: string,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
    this.name = 'OAuthError';
  }
}

const VALIDATION = 'The request could not be completed. One or more validation errors were in the request.';

/** The catalogue: each PingOne error code the emulator answers, built in one place. */
export const errors = {
  /** 400 INVALID_DATA with one or more field-level details. */
  invalidData(details: ErrorDetail[]): PingOneError {
    return new PingOneError(400, 'INVALID_DATA', VALIDATION, details);
  },
  /** 400 INVALID_DATA with a REQUIRED_VALUE detail for a missing field. */
  requiredValue(target: string): PingOneError {
    return errors.invalidData([{ code: 'REQUIRED_VALUE', target, message: `${target} is required.` }]);
  },
  /** 400 INVALID_DATA with an INVALID_VALUE detail; `allowedValues` names an enum's members. */
  invalidValue(target: string, message: string, allowedValues?: readonly string[]): PingOneError {
    return errors.invalidData([
      { code: 'INVALID_VALUE', target, message, ...(allowedValues ? { innerError: { allowedValues: [...allowedValues] } } : {}) },
    ]);
  },
  /** 400 INVALID_DATA with a UNIQUENESS_VIOLATION detail. */
  uniquenessViolation(target: string, value: string, existingId?: string): PingOneError {
    return errors.invalidData([
      {
        code: 'UNIQUENESS_VIOLATION',
        target,
        message: `${target} must be unique, and "${value}" is already in use.`,
        ...(existingId ? { innerError: { existingId } } : {}),
      },
    ]);
  },
  /** 400 INVALID_DATA with a CONSTRAINT_VIOLATION detail: the request breaks a rule of the resource. */
  constraintViolation(message: string, target?: string): PingOneError {
    return new PingOneError(400, 'INVALID_DATA', VALIDATION, [
      { code: 'CONSTRAINT_VIOLATION', ...(target ? { target } : {}), message },
    ]);
  },
  /** 400 INVALID_DATA with an OUT_OF_RANGE detail naming the bounds that apply. */
  outOfRange(target: string, minimum?: number, maximum?: number): PingOneError {
    const bounds = [
      minimum !== undefined ? `at least ${minimum}` : '',
      maximum !== undefined ? `at most ${maximum}` : '',
    ].filter(Boolean);
    return errors.invalidData([
      {
        code: 'OUT_OF_RANGE',
        target,
        message: `${target} must be ${bounds.join(' and ')}.`,
        innerError: {
          ...(minimum !== undefined ? { rangeMinimumValue: minimum } : {}),
          ...(maximum !== undefined ? { rangeMaximumValue: maximum } : {}),
        },
      },
    ]);
  },
  /** 400 INVALID_DATA with an INVALID_VALUE detail for a string that breaks a documented pattern. */
  patternMismatch(target: string, message: string, allowedPattern: string): PingOneError {
    return errors.invalidData([{ code: 'INVALID_VALUE', target, message, innerError: { allowedPattern } }]);
  },
  /** 400 INVALID_REQUEST with an INVALID_FILTER detail: a `filter` the list cannot apply. */
  invalidFilter(message: string, innerError?: Record<string, unknown>): PingOneError {
    return errors.invalidRequest('The request could not be completed. The filter is not valid.', [
      { code: 'INVALID_FILTER', target: 'filter', message, ...(innerError ? { innerError } : {}) },
    ]);
  },
  /** 400 INVALID_DATA / INVALID_VALUE on `password`: `rules` holds one message per broken rule. */
  passwordRejected(rules: Record<string, string>): PingOneError {
    return errors.invalidData([
      { code: 'INVALID_VALUE', target: 'password', message: 'The password does not satisfy the password policy.', innerError: rules },
    ]);
  },
  /** 400 INVALID_REQUEST: the request itself is malformed (bad JSON, bad filter, bad parameter). */
  invalidRequest(message: string, details?: ErrorDetail[]): PingOneError {
    return new PingOneError(400, 'INVALID_REQUEST', message, details);
  },
  /** 401 ACCESS_FAILED / INVALID_TOKEN: no usable access token. */
  invalidToken(message: string): PingOneError {
    return new PingOneError(401, 'ACCESS_FAILED', 'The request could not be completed. The access token is not valid.', [
      { code: 'INVALID_TOKEN', message },
    ], { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  },
  /** 403 ACCESS_FAILED / INSUFFICIENT_PERMISSIONS: the token may not act on this resource. */
  insufficientPermissions(message: string): PingOneError {
    return new PingOneError(403, 'ACCESS_FAILED', 'The request could not be completed. You do not have access to this resource.', [
      { code: 'INSUFFICIENT_PERMISSIONS', message },
    ]);
  },
  /** 404 NOT_FOUND. */
  notFound(message = 'The requested resource was not found.'): PingOneError {
    return new PingOneError(404, 'NOT_FOUND', message);
  },
  /** 405 METHOD_NOT_ALLOWED: the path exists, the method does not. */
  methodNotAllowed(method: string, path: string): PingOneError {
    return new PingOneError(405, 'METHOD_NOT_ALLOWED', `${method} is not supported on ${path}.`);
  },
  /** 415 INVALID_REQUEST: the Content-Type is not one this operation accepts. */
  unsupportedMediaType(received: string | undefined, expected: readonly string[]): PingOneError {
    return new PingOneError(
      415,
      'INVALID_REQUEST',
      `Content-Type ${received ? `"${received}"` : '(none)'} is not supported here; use ${expected.join(' or ')}.`,
    );
  },
  /** 429 REQUEST_LIMITED with Retry-After. */
  requestLimited(retryAfter: string): PingOneError {
    return new PingOneError(429, 'REQUEST_LIMITED', 'The request could not be completed. Too many requests.', [
      { code: 'LIMIT_EXCEEDED', message: 'The rate limit was exceeded. Retry after the time given in Retry-After.' },
    ], { 'Retry-After': retryAfter });
  },
  /** 500 UNEXPECTED_ERROR: leaks nothing of the cause. */
  unexpected(): PingOneError {
    return new PingOneError(500, 'UNEXPECTED_ERROR', 'An unexpected error occurred.');
  },
  /**
   * 409 INVALID_DATA / CONSTRAINT_VIOLATION: the request clashes with the resource's current state.
   * PingOne lists 409 on its operations but documents no code of its own for it.
   */
  conflict(message: string): PingOneError {
    return new PingOneError(409, 'INVALID_DATA', 'The request could not be completed. It conflicts with the current state of the resource.', [
      { code: 'CONSTRAINT_VIOLATION', message },
    ]);
  },
  /** 502 BAD_GATEWAY in PingOne's general error shape: an upstream service did not answer. */
  badGateway(): PingOneError {
    return new PingOneError(502, 'BAD_GATEWAY', 'The request could not be completed. An upstream service did not answer.');
  },
  /** 503 SERVICE_UNAVAILABLE in PingOne's general error shape, with Retry-After when given. */
  serviceUnavailable(retryAfter?: string): PingOneError {
    return new PingOneError(
      503,
      'SERVICE_UNAVAILABLE',
      'The request could not be completed. The service is unavailable; try again later.',
      undefined,
      retryAfter === undefined ? {} : { 'Retry-After': retryAfter },
    );
  },
  /** 400 REQUEST_FAILED: a valid request the current state refuses (a locked device, no device). */
  requestFailed(message: string, details: ErrorDetail[]): PingOneError {
    return new PingOneError(400, 'REQUEST_FAILED', message, details);
  },
  /** 501 NOT_IMPLEMENTED for a feature of a served operation (a parameter, an action type). */
  unsupportedFeature(message: string): PingOneError {
    return new PingOneError(501, 'NOT_IMPLEMENTED', message);
  },
  /** 501 NOT_IMPLEMENTED: a PingOne operation this emulator does not serve (see its README). */
  notImplemented(method: string, path: string): PingOneError {
    return new PingOneError(
      501,
      'NOT_IMPLEMENTED',
      `The PingOne emulator does not serve ${method} ${path}; emulator/README.md lists what it serves.`,
    );
  },
} as const;

/** Answers any thrown error in PingOne's shape (or OAuth's, at the token endpoint). */
export function answerError(error: unknown, c: Context): Response {
  if (error instanceof OAuthError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    c.header('Cache-Control', 'no-store');
    return c.json({ error: error.error, error_description: error.description }, error.status);
  }
  const known = error instanceof PingOneError ? error : errors.unexpected();
  if (!(error instanceof PingOneError)) c.get('log')?.('unexpected error %s', (error as Error)?.stack ?? String(error));
  for (const [name, value] of Object.entries(known.headers)) c.header(name, value);
  return c.json(known.body(), known.status);
}
