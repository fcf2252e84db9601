import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { OpenAPIV3_1 } from 'openapi-types';
import { contract } from '../schemas/pingone.openapi.ts';

/** One operation of the contract, as the suite needs to know it. */
export interface OperationInfo {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to the plane's server, e.g. `/environments/{envID}/applications/{appID}`. */
  path: string;
  plane: 'management' | 'auth';
  requestMediaType?: string;
  successStatus: number;
  documentedStatuses: number[];
}

/** One way a response breaks the contract. `message` names the field, e.g. `$.secret is required`. */
export interface Violation {
  /** JSON path of the offending value, e.g. `$._embedded.users[0].id`; `$` for status and media type. */
  path: string;
  message: string;
}

export interface Verdict {
  ok: boolean;
  operationId: string;
  status: number;
  /** The media type received, without parameters; undefined when there was none. */
  mediaType: string | undefined;
  expected: { statuses: number[]; mediaTypes: string[] };
  violations: Violation[];
  /** JSON paths of fields the contract does not describe. */
  unknownProperties: string[];
}

export interface ContractOptions {
  /** Unknown properties are violations, not just reported. */
  strict?: boolean;
}

/** What `checkResponse` is given: the status, the Content-Type header, and the parsed body. */
export interface ContractResponse {
  status: number;
  contentType: string | undefined;
  body: unknown;
  /** Optional: when given, headers the contract requires (Retry-After on 429) are checked too. */
  headers?: Record<string, string | undefined>;
}

interface DocumentedResponse {
  mediaTypes: string[];
  /** JSON pointer, per media type, of its schema within the document. */
  schemas: Map<string, string>;
  requiredHeaders: string[];
}

interface IndexedOperation {
  info: OperationInfo;
  responses: Map<number, DocumentedResponse>;
}

const METHODS = ['get', 'post', 'put', 'delete'] as const;
const LOOSE_ID = 'https://contract.invalid/pingone.openapi.json';
const STRICT_ID = 'https://contract.invalid/pingone.openapi.strict.json';

let index: Map<string, IndexedOperation> | undefined;
let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

/** The operation `operationId`; throws for an id the contract does not have. */
export function operation(operationId: string): OperationInfo {
  return copy(lookup(operationId).info);
}

/** Every operation of the contract. */
export function operations(): OperationInfo[] {
  return [...operationIndex().values()].map((entry) => copy(entry.info));
}

function copy(info: OperationInfo): OperationInfo {
  return { ...info, documentedStatuses: [...info.documentedStatuses] };
}

/**
 * Checks one response of `operationId`: its status (the success status, or `expectStatus` for a
 * documented error the caller provoked), its media type, and its body against that status's
 * schema. Every violation is listed with its JSON path; fields the contract does not describe
 * are collected in `unknownProperties` (and are violations with `strict`).
 */
export function checkResponse(
  operationId: string,
  response: ContractResponse,
  options: ContractOptions & { expectStatus?: number } = {},
): Verdict {
  const op = lookup(operationId);
  const expectedStatus = options.expectStatus ?? op.info.successStatus;
  const expected = op.responses.get(expectedStatus);
  if (!expected)
    throw new Error(
      `${operationId}: ${expectedStatus} is not a documented status; use one of ` +
        `${op.info.documentedStatuses.join(', ')} (schemas/pingone.openapi.ts).`,
    );
  const mediaType = response.contentType?.split(';')[0]!.trim().toLowerCase() || undefined;
  const violations: Violation[] = [];
  const unknownProperties: string[] = [];

  const received = op.responses.get(response.status);
  if (response.status !== expectedStatus) {
    const note = received ? '' : ', which the contract does not document';
    const message = `status must be ${expectedStatus} (got ${response.status}${note})`;
    violations.push({ path: '$', message });
  }

  if (received) checkBody(received, response, mediaType, violations, unknownProperties);
  if (options.strict)
    for (const path of unknownProperties)
      violations.push({ path, message: `${path} is not described by the contract` });

  return {
    ok: violations.length === 0,
    operationId,
    status: response.status,
    mediaType,
    expected: { statuses: [expectedStatus], mediaTypes: [...expected.mediaTypes] },
    violations,
    unknownProperties,
  };
}

/**
 * A short message for a person: `step — operationId: expected 200 application/json, got 404
 * application/json`, then one line per violation (`  $.path: message`).
 */
export function formatVerdict(verdict: Verdict, context: { step?: string } = {}): string {
  const expectedType = verdict.expected.mediaTypes.join(' or ') || '(no content)';
  const gotType = verdict.mediaType ?? (verdict.status === 204 ? '(no content)' : '(no media type)');
  const expected = `${verdict.expected.statuses.join(' or ')} ${expectedType}`;
  const head =
    `${context.step ? `${context.step} — ` : ''}${verdict.operationId}: ` +
    `expected ${expected}, got ${verdict.status} ${gotType}`;
  const lines = verdict.violations.map(({ path, message }) => {
    const detail = message.startsWith(`${path} `) ? message.slice(path.length + 1) : message;
    return `  ${path}: ${detail}`;
  });
  const flagged = new Set(verdict.violations.map((v) => v.path));
  const unknown = verdict.unknownProperties.filter((path) => !flagged.has(path));
  if (unknown.length) lines.push(`  not described by the contract (allowed): ${unknown.join(', ')}`);
  return [head, ...lines].join('\n');
}

function checkBody(
  documented: DocumentedResponse,
  response: ContractResponse,
  mediaType: string | undefined,
  violations: Violation[],
  unknownProperties: string[],
): void {
  for (const name of response.headers ? documented.requiredHeaders : []) {
    const present = Object.entries(response.headers!).some(
      ([key, value]) => key.toLowerCase() === name.toLowerCase() && value,
    );
    if (!present) 
      violations.push({ path: '$', message: `header ${name} is required with ${response.status}` });
  }

  if (documented.mediaTypes.length === 0) {
    const message = `$ must be empty: ${response.status} has no content (got ${typeName(response.body)})`;
    if (!isEmpty(response.body)) violations.push({ path: '$', message });
    return;
  }
  if (!mediaType || !documented.mediaTypes.includes(mediaType))
    violations.push({
      path: '$',
      message: `media type must be ${documented.mediaTypes.join(' or ')} (got ${mediaType ?? 'none'})`,
    });

  const pointer = documented.schemas.get(mediaType ?? '') ?? documented.schemas.values().next().value!;
  const loose = validator(pointer, false);
  if (!loose(response.body)) violations.push(...describeAll(loose.errors ?? []));
  const strict = validator(pointer, true);
  if (!strict(response.body))
    for (const error of strict.errors ?? [])
      if (error.keyword === 'unevaluatedProperties')
        unknownProperties.push(jsonPath(error.instancePath, String(error.params.unevaluatedProperty)));
}

function lookup(operationId: string): IndexedOperation {
  const entry = operationIndex().get(operationId);
  if (!entry)
    throw new Error(`Unknown operationId "${operationId}": the contract (schemas/) has no such operation.`);
  return entry;
}

/** Reads the operations out of the document once. */
function operationIndex(): Map<string, IndexedOperation> {
  if (index) return index;
  index = new Map();
  for (const [path, item] of Object.entries(contract.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method as OpenAPIV3_1.HttpMethods] as PlaneOperation | undefined;
      if (!op?.operationId) continue;
      const responses = new Map<number, DocumentedResponse>();
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const base = `/paths/${escape(path)}/${method}/responses/${status}`;
        responses.set(Number(status), documentedResponse(response as OpenAPIV3_1.ResponseObject, base));
      }
      const statuses = [...responses.keys()].sort((a, b) => a - b);
      const requestBody = op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
      const info: OperationInfo = {
        operationId: op.operationId,
        method: method.toUpperCase() as OperationInfo['method'],
        path,
        plane: op['x-plane'],
        ...(requestBody ? { requestMediaType: Object.keys(requestBody.content)[0] } : {}),
        successStatus: statuses.find((status) => status < 300)!,
        documentedStatuses: statuses,
      };
      index.set(op.operationId, { info, responses });
    }
  }
  return index;
}

type PlaneOperation = OpenAPIV3_1.OperationObject & { 'x-plane': OperationInfo['plane'] };

function documentedResponse(response: OpenAPIV3_1.ResponseObject, pointer: string): DocumentedResponse {
  const { content = {}, headers = {} } = response;
  const schemas = Object.entries(content).map(([type, media]): [string, string] => [
    type,
    schemaPointer(media, `${pointer}/content/${escape(type)}/schema`),
  ]);
  const requiredHeaders = Object.entries(headers)
    .filter(([, header]) => (header as OpenAPIV3_1.HeaderObject).required)
    .map(([name]) => name);
  return { mediaTypes: Object.keys(content), schemas: new Map(schemas), requiredHeaders };
}

/** The pointer to compile: a `$ref`'s target, so operations sharing a schema share its validator. */
function schemaPointer(media: OpenAPIV3_1.MediaTypeObject, own: string): string {
  const target = (media.schema as OpenAPIV3_1.ReferenceObject | undefined)?.$ref;
  return target?.startsWith('#/') ? target.slice(1) : own;
}

/** A JSON pointer segment, URI-encoded for use in a `$ref`-style fragment. */
function escape(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
}

/** The compiled validator of one schema, in the loose or the strict (unknown-property) copy. */
function validator(pointer: string, strict: boolean): ValidateFunction {
  const key = `${strict ? STRICT_ID : LOOSE_ID}#${pointer}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = engine().getSchema(key);
    if (!validate) throw new Error(`The contract has no schema at ${pointer}.`);
    validators.set(key, validate);
  }
  return validate;
}

/** One Ajv instance per process, holding the document twice: as written, and strict. */
function engine(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({
    allErrors: true,
    strict: false, // OpenAPI keywords (discriminator mapping, x-*) are not JSON Schema's
    discriminator: true,
    verbose: true, // errors carry their schema and data, for the messages below
    unicodeRegExp: true, // PingOne's patterns use \p{…}
  });
  formats.default(ajv);
  ajv.addSchema(forAjv(contract, false), LOOSE_ID);
  ajv.addSchema(forAjv(contract, true), STRICT_ID);
  return ajv;
}

/**
 * A copy of the document for Ajv: discriminator `mapping` removed (Ajv selects the branch from
 * each branch's `const`/`enum` instead), and, for the strict copy, `unevaluatedProperties: false`
 * on every object schema that lists its properties and leaves the rest undescribed.
 */
function forAjv(document: OpenAPIV3_1.Document, strict: boolean): object {
  const copy = structuredClone(document) as object;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const schema = node as Record<string, unknown>;
    if (schema.discriminator && typeof schema.discriminator === 'object')
      delete (schema.discriminator as Record<string, unknown>).mapping;
    if (strict && schema.type === 'object' && schema.properties && !('additionalProperties' in schema))
      schema.unevaluatedProperties = false;
    Object.values(schema).forEach(visit);
  };
  visit(copy);
  return copy;
}

function describeAll(errors: ErrorObject[]): Violation[] {
  const seen = new Set<string>();
  const violations: Violation[] = [];
  for (const error of errors) {
    if (['if', 'oneOf', 'anyOf', 'unevaluatedProperties'].includes(error.keyword)) continue;
    if (error.keyword === 'discriminator' && error.params.tagValue === undefined) continue;
    const violation = describe(error);
    if (seen.has(violation.message)) continue;
    seen.add(violation.message);
    violations.push(violation);
  }
  return violations;
}

/** Ajv's error, said as the contract's reader would: the field's path, then what is wrong. */
function describe(error: ErrorObject): Violation {
  const { params, data } = error;
  const secret = (error.parentSchema as { format?: string } | undefined)?.format === 'password';
  const got = secret ? '(got a secret value, not shown)' : `(got ${show(data)})`;
  let path = jsonPath(error.instancePath);
  let message: string;
  switch (error.keyword) {
    case 'required':
      path = jsonPath(error.instancePath, params.missingProperty);
      message = 'is required';
      break;
    case 'discriminator': {
      path = jsonPath(error.instancePath, params.tag);
      const values = tagValues(error.parentSchema, params.tag).join(', ');
      if (params.error === 'mapping') message = `must be one of ${values} (got ${show(params.tagValue)})`;
      else message = `must be string (got ${typeName(params.tagValue)})`;
      break;
    }
    case 'type':
      message = `must be ${[params.type].flat().join(' or ')} (got ${typeName(data)})`;
      break;
    case 'enum':
      message = `must be one of ${(params.allowedValues as unknown[]).join(', ')} ${got}`;
      break;
    case 'const':
      message = `must be ${JSON.stringify(params.allowedValue)} ${got}`;
      break;
    case 'format':
      message = `must be a valid ${params.format} ${got}`;
      break;
    case 'pattern':
      message = `must match ${params.pattern} ${got}`;
      break;
    case 'minLength':
    case 'maxLength':
      message = `must have ${error.keyword === 'minLength' ? 'at least' : 'at most'} ${params.limit} characters`;
      break;
    case 'minItems':
    case 'maxItems':
      message = `must have ${error.keyword === 'minItems' ? 'at least' : 'at most'} ${params.limit} items`;
      break;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      message = `must be ${params.comparison} ${params.limit} ${got}`;
      break;
    case 'false schema':
      message = 'must not be present';
      break;
    default:
      message = error.message ?? `breaks "${error.keyword}"`;
  }
  return { path, message: `${path} ${message}` };
}

type TaggedBranch = { properties?: Record<string, { const?: string; enum?: string[] }> };

/** The values a discriminated `oneOf` accepts for its tag, read from the document's branches. */
function tagValues(schema: unknown, tag: string): string[] {
  const branches = ((schema as { oneOf?: { $ref?: string }[] })?.oneOf ?? []).map((branch) => {
    const name = branch.$ref?.split('/').pop();
    return (name ? contract.components?.schemas?.[name] : branch) as TaggedBranch | undefined;
  });
  return branches.flatMap((branch) => {
    const property = branch?.properties?.[tag];
    return property?.const !== undefined ? [property.const] : (property?.enum ?? []);
  });
}

/** `/_embedded/users/0/id` → `$._embedded.users[0].id`; odd keys as `["otp.check"]`. */
function jsonPath(pointer: string, property?: string): string {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  let path = '$';
  for (const segment of segments) path += /^\d+$/.test(segment) ? `[${segment}]` : key(segment);
  return property === undefined ? path : path + key(property);
}

function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'undefined' ? 'nothing' : typeof value;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 60) + '…' : value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `an ${typeName(value)}`;
}

function isEmpty(body: unknown): boolean {
  return body === undefined || body === null || body === '';
}
