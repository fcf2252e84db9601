import { contract } from '../../schemas/pingone.openapi.ts';
import { exampleOf } from '../../schemas/examples/index.ts';
import { operation } from '../../lib/contract.ts';

/**
 * The drift matrix's cases, derived from the contract: for each of the flow's 17 steps and each
 * way PingOne's answer could drift, the fault to inject into the emulator and what the suite's
 * failure must name. Field paths come from the step's success response schema (required fields,
 * enums); a list is entered at `_embedded.<name>.0`.
 */

/** A step of the flow: its two-digit number and the operations that serve it. */
export interface FlowStep {
  step: string;
  /** The contract's operationId, as the suite calls it and its failures name it. */
  operationId: string;
  /** The emulator's route operationId (routes.ts), which the fault API matches on. */
  emulatorOperationId: string;
}

const step = (n: number, operationId: string, emulatorOperationId = operationId): FlowStep => ({
  step: String(n).padStart(2, '0'),
  operationId,
  emulatorOperationId,
});

/** The 17 steps. Step 15 sends `POST /as/authorize`: `authorizePost` in the contract, `authorize` in routes.ts. */
export const FLOW_STEPS: FlowStep[] = [
  step(1, 'createApplication'),
  step(2, 'readApplicationSecret'),
  step(3, 'readAllResources'),
  step(4, 'readAllResourceScopes'),
  step(5, 'createApplicationGrant'),
  step(6, 'createSignOnPolicy'),
  step(7, 'createSignOnPolicyAction'),
  step(8, 'createSignOnPolicyAssignment'),
  step(9, 'createPopulation'),
  step(10, 'createUser'),
  step(11, 'updateUserPassword'),
  step(12, 'updateUserMFAEnabled'),
  step(13, 'createDeviceAuthenticationPolicy'),
  step(14, 'createMFAUserDevice'),
  step(15, 'authorizePost', 'authorize'),
  step(16, 'checkOTP'),
  step(17, 'resume'),
];

export type DriftKind = 'dropField' | 'changeType' | 'unknownEnum' | 'status' | 'mediaType';

/** The columns of the matrix, in order. */
export const DRIFT_KINDS: DriftKind[] = ['dropField', 'changeType', 'unknownEnum', 'status', 'mediaType'];

/** The media type answered by the `mediaType` drift: a body a proxy or error page could send. */
export const DRIFTED_MEDIA_TYPE = 'text/plain';

/** One cell of the matrix. */
export interface DriftCase extends FlowStep {
  kind: DriftKind;
  /** The fault API's `fault` object. */
  fault: { kind: DriftKind; [field: string]: unknown };
  /** What the cell shows: the JSON path, or the status or media type answered. */
  target: string;
  /** Texts the first failed step's error must contain, besides the step and the operationId. */
  evidence: string[];
}

type Node = Record<string, any>;

/** Every case of the matrix: one per step and kind, where the contract gives the kind a target. */
export function driftCases(): DriftCase[] {
  return FLOW_STEPS.flatMap((flowStep) => DRIFT_KINDS.flatMap((kind) => caseFor(flowStep, kind) ?? []));
}

function caseFor(flowStep: FlowStep, kind: DriftKind): DriftCase | undefined {
  const info = operation(flowStep.operationId);
  const base = { ...flowStep, kind };
  if (kind === 'status') {
    const status = info.successStatus === 200 ? 201 : 200;
    return { ...base, fault: { kind, status }, target: String(status), evidence: [`status must be ${info.successStatus} (got ${status}`] };
  }
  if (kind === 'mediaType')
    return {
      ...base,
      fault: { kind, contentType: DRIFTED_MEDIA_TYPE },
      target: DRIFTED_MEDIA_TYPE,
      evidence: [`media type must be`, `(got ${DRIFTED_MEDIA_TYPE})`],
    };

  const { schema, at, example } = successShape(flowStep.operationId);
  const found =
    kind === 'dropField'
      ? [...at, requiredFields(schema)[0]!]
      : kind === 'changeType'
        ? typedField(schema, example, at)
        : enumField(schema, example, at);
  if (!found) return undefined;

  const path = jsonPath(found);
  const leaf = resolve(schemaAt(schema, found.slice(at.length)), undefined);
  const phrase = kind === 'dropField' ? 'is required' : kind === 'changeType' ? `must be ${leaf.type}` : 'must be one of';
  return { ...base, fault: { kind, path: found.join('.') }, target: path, evidence: [`${path}: ${phrase}`] };
}

const PRIMITIVES = ['string', 'integer', 'number', 'boolean'];

/**
 * The success schema of the operation with `$ref`s and discriminators resolved (a discriminated
 * union is resolved by the operation's contract example), entered at the list item for a list.
 */
function successShape(operationId: string): { schema: Node; at: string[]; example: Node | undefined } {
  const info = operation(operationId);
  const method = info.method.toLowerCase();
  const response = (contract.paths as Node)[info.path][method].responses[info.successStatus];
  const first = Object.values(response.content as Node)[0] as Node;
  let example = exampleOf(operationId).body as Node | undefined;
  let schema = resolve(first.schema, example);

  // PingOne's list envelope: `_embedded.<name>` beside `count` and `size` (a flow has `_embedded` too).
  const isList = schema.required?.includes('_embedded') && schema.properties?.count !== undefined;
  const embedded = isList ? resolve(schema.properties._embedded, undefined) : undefined;
  const listed: string | undefined = embedded?.required?.find((name: string) => resolve(embedded.properties[name], undefined).type === 'array');
  if (!embedded || !listed) return { schema, at: [], example };
  example = example?._embedded?.[listed]?.[0];
  schema = resolve(resolve(embedded.properties[listed], undefined).items, example);
  return { schema, at: ['_embedded', listed, '0'], example };
}

/** Follows `$ref`s; picks a discriminated union's branch by the example's tag value. */
function resolve(node: Node | undefined, example: Node | undefined): Node {
  let current: Node = node ?? {};
  for (;;) {
    if (typeof current.$ref === 'string') {
      current = (contract.components!.schemas as Node)[current.$ref.split('/').pop()!];
      continue;
    }
    if (current.discriminator && current.oneOf) {
      const tag = example?.[current.discriminator.propertyName];
      const target = current.discriminator.mapping?.[tag];
      if (!target) throw new Error(`The contract example has no ${current.discriminator.propertyName} to pick a branch with.`);
      current = { $ref: target };
      continue;
    }
    return current;
  }
}

/** Required fields, `_links` last: a missing data field is the likelier drift. */
function requiredFields(schema: Node): string[] {
  const required: string[] = schema.required ?? [];
  return [...required.filter((name) => name !== '_links'), ...required.filter((name) => name === '_links')];
}

/**
 * A required field of a primitive type, at the top or inside a required object; else the first
 * required field with any declared type.
 */
function typedField(schema: Node, example: Node | undefined, at: string[]): string[] | undefined {
  const visit = (node: Node, sample: Node | undefined, path: string[], depth: number): string[] | undefined => {
    for (const name of requiredFields(node)) {
      const child = resolve(node.properties?.[name], sample?.[name]);
      if (PRIMITIVES.includes(child.type)) return [...path, name];
    }
    if (depth >= 2) return undefined;
    for (const name of requiredFields(node)) {
      const child = resolve(node.properties?.[name], sample?.[name]);
      const inner = child.type === 'object' ? visit(child, sample?.[name], [...path, name], depth + 1) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  const typed = requiredFields(schema).find((name) => resolve(schema.properties?.[name], undefined).type !== undefined);
  return visit(schema, example, at, 0) ?? (typed === undefined ? undefined : [...at, typed]);
}

/**
 * A field whose schema lists allowed values (an enum, or a discriminator's `const`): required
 * fields first, descending into required objects; then optional ones the example carries.
 */
function enumField(schema: Node, example: Node | undefined, at: string[]): string[] | undefined {
  const visit = (node: Node, sample: Node | undefined, path: string[], requiredOnly: boolean, depth: number): string[] | undefined => {
    const names = Object.keys(node.properties ?? {});
    const required: string[] = node.required ?? [];
    const ordered = [...names.filter((n) => required.includes(n)), ...names.filter((n) => !required.includes(n))];
    for (const name of ordered) {
      const isRequired = required.includes(name);
      if (requiredOnly && !isRequired) continue;
      if (!isRequired && sample?.[name] === undefined) continue;
      const child = resolve(node.properties[name], sample?.[name]);
      if (child.type === 'string' && (Array.isArray(child.enum) || child.const !== undefined)) return [...path, name];
      if (child.type === 'object' && depth < 2) {
        const inner = visit(child, sample?.[name], [...path, name], requiredOnly, depth + 1);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  return visit(schema, example, at, true, 0) ?? visit(schema, example, at, false, 0);
}

function schemaAt(schema: Node, segments: string[]): Node {
  let node = schema;
  for (const segment of segments) node = resolve(resolve(node, undefined).properties?.[segment], undefined);
  return node;
}

/** `['_embedded', 'resources', '0', 'id']` → `$._embedded.resources[0].id`, as the matcher writes it. */
export function jsonPath(segments: string[]): string {
  return segments.reduce(
    (path, segment) =>
      /^\d+$/.test(segment)
        ? `${path}[${segment}]`
        : /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)
          ? `${path}.${segment}`
          : `${path}[${JSON.stringify(segment)}]`,
    '$',
  );
}
