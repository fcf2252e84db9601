import type { OpenAPIV3_1 } from 'openapi-types';
import { ERROR_SCHEMA_BY_STATUS, retryAfter } from '../components/error.ts';
import { ref } from '../components/common.ts';

/** Which PingOne host serves an operation: the api host (management) or the auth host. */
export type Plane = 'management' | 'auth';
export type Method = 'get' | 'post' | 'put' | 'delete';

/** The extension every operation carries: `x-plane`. */
export type PlaneExtension = { 'x-plane': Plane };
export type Operation = OpenAPIV3_1.OperationObject<PlaneExtension>;

/** PingOne answers management reads and writes as either of these. */
export const JSON_TYPES = ['application/json', 'application/hal+json'];

/** One operation, as the path files list it. */
export interface OperationSpec {
  operationId: string;
  method: Method;
  /** Relative to the plane's server, e.g. `/environments/{envID}/applications`. */
  path: string;
  summary: string;
  status: number;
  /** Component schema of the success body; none for 204. */
  schema?: string;
  mediaTypes?: string[];
  /** Error statuses answered with PingOne's error body. */
  errors: number[];
  /** Error statuses answered with an OAuth error body (token endpoint). */
  oauthErrors?: number[];
  request?: { mediaType: string; schema: string };
  query?: OpenAPIV3_1.ParameterObject[];
  security?: OpenAPIV3_1.SecurityRequirementObject[];
}

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content: the resource is gone; no body.',
  400: 'Bad Request: the request is malformed or breaks a rule.',
  401: 'Unauthorized: no usable credentials.',
  403: 'Forbidden: the credentials may not do this.',
  404: 'Not Found: no such resource in this environment (or an expired flow).',
  415: 'Unsupported Media Type: the Content-Type does not select this operation.',
  429: 'Too Many Requests: the license rate limit is exceeded; wait for Retry-After.',
  500: 'Unexpected error.',
};

function content(schema: string, mediaTypes: string[]): Record<string, OpenAPIV3_1.MediaTypeObject> {
  return Object.fromEntries(mediaTypes.map((type) => [type, { schema: ref(schema) }]));
}

/** 429 comes with Retry-After; PingOne's other errors carry no header the contract requires. */
const RETRY_AFTER = {
  'Retry-After': { required: true, schema: retryAfter as OpenAPIV3_1.HeaderObject['schema'] },
};

function errorResponse(status: number, schema: string): OpenAPIV3_1.ResponseObject {
  return {
    description: REASONS[status] ?? 'Error',
    content: content(schema, JSON_TYPES),
    ...(status === 429 ? { headers: RETRY_AFTER } : {}),
  };
}

/** Builds the OpenAPI operation object for `spec` on `plane`. */
export function operationObject(spec: OperationSpec, plane: Plane): Operation {
  const responses: OpenAPIV3_1.ResponsesObject = {
    [spec.status]: {
      description: REASONS[spec.status] ?? 'Success',
      ...(spec.schema ? { content: content(spec.schema, spec.mediaTypes ?? JSON_TYPES) } : {}),
    },
  };
  for (const status of spec.oauthErrors ?? []) {
    const description = REASONS[status] ?? 'Error';
    responses[status] = { description, content: content('OAuthError', ['application/json']) };
  }
  for (const status of spec.errors) {
    const schema = ERROR_SCHEMA_BY_STATUS[status];
    if (!schema) throw new Error(`${spec.operationId}: no PingOne error schema for status ${status}`);
    responses[status] = errorResponse(status, schema);
  }

  return {
    operationId: spec.operationId,
    summary: spec.summary,
    'x-plane': plane,
    ...(spec.query ? { parameters: spec.query } : {}),
    ...(spec.request ? { requestBody: requestBody(spec.request.mediaType, spec.request.schema) } : {}),
    ...(spec.security ? { security: spec.security } : {}),
    responses,
  };
}

function requestBody(mediaType: string, schema: string): OpenAPIV3_1.RequestBodyObject {
  return { required: true, content: { [mediaType]: { schema: ref(schema) } } };
}

/** A query parameter. */
export function query(name: string, schema: object, required = false): OpenAPIV3_1.ParameterObject {
  return { name, in: 'query', required, schema: schema as OpenAPIV3_1.ParameterObject['schema'] };
}
