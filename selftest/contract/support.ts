import type { ContractResponse } from '../../lib/contract.ts';
import { exampleOf, type ContractExample } from '../../schemas/examples/index.ts';

/**
 * Helpers for the contract's own tests: examples as responses, and edits of a body at a JSON
 * path such as `$._embedded.users[0].id` or `$._links["otp.check"]`.
 */

/** An example as `checkResponse` takes it, with `overrides` applied. */
export function responseOf(example: ContractExample, overrides: Partial<ContractResponse> = {}): ContractResponse {
  return {
    status: example.status,
    contentType: example.contentType ?? undefined,
    body: structuredClone(example.body ?? undefined),
    ...(example.headers ? { headers: example.headers } : {}),
    ...overrides,
  };
}

/** The realistic example of `operationId`, as a response. */
export function exampleResponse(operationId: string, overrides: Partial<ContractResponse> = {}): ContractResponse {
  return responseOf(exampleOf(operationId), overrides);
}

/** `$.a.b[0]["c.d"]` → `['a', 'b', 0, 'c.d']`. */
export function segments(path: string): (string | number)[] {
  const result: (string | number)[] = [];
  const pattern = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  let consumed = 1;
  for (const match of path.matchAll(pattern)) {
    if (match.index !== consumed) throw new Error(`Cannot read JSON path ${path}`);
    consumed += match[0].length;
    result.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : JSON.parse(`"${match[3]}"`)));
  }
  if (!path.startsWith('$') || consumed !== path.length) throw new Error(`Cannot read JSON path ${path}`);
  return result;
}

/** The value at `path`; throws when a step is missing, so a table cannot name a path that is not there. */
export function valueAt(body: unknown, path: string): unknown {
  let node = body as Record<string | number, unknown>;
  for (const segment of segments(path)) {
    if (node === null || typeof node !== 'object' || !(segment in node))
      throw new Error(`${path} is not in the example`);
    node = node[segment] as Record<string | number, unknown>;
  }
  return node;
}

function parentOf(body: unknown, path: string): [Record<string | number, unknown>, string | number] {
  const steps = segments(path);
  const last = steps.pop()!;
  let node = body as Record<string | number, unknown>;
  for (const segment of steps) {
    node = node?.[segment] as Record<string | number, unknown>;
    if (node === null || typeof node !== 'object') throw new Error(`The parent of ${path} is not in the example`);
  }
  return [node, last];
}

/** A copy of `body` without the field at `path`, which must be there. */
export function without(body: unknown, path: string): unknown {
  valueAt(body, path);
  const copy = structuredClone(body);
  const [parent, key] = parentOf(copy, path);
  delete parent[key];
  return copy;
}

/** A copy of `body` with `value` replacing the field at `path`, which must be there. */
export function withValue(body: unknown, path: string, value: unknown): unknown {
  valueAt(body, path);
  return withAdded(body, path, value, true);
}

/** A copy of `body` with a new field at `path`; its parent must be there, the field must not. */
export function withAdded(body: unknown, path: string, value: unknown, replace = false): unknown {
  const copy = structuredClone(body);
  const [parent, key] = parentOf(copy, path);
  if (!replace && key in parent) throw new Error(`${path} is already in the example`);
  parent[key] = value;
  return copy;
}

/** A value of another JSON type than `value`: a string becomes a number, a number a string, … */
export function otherType(value: unknown): unknown {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return { items: value };
  if (value !== null && typeof value === 'object') return 'not an object';
  return true;
}
