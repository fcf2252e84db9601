import type { Emulator, EmulatorContext } from '../context.ts';
import { errors } from '../errors.ts';
import { apiHref, collection, resource } from '../hal.ts';
import { optionalString, readJson, requiredString } from '../request.ts';
import type { Entity } from '../state.ts';
import {
  created,
  emulatorOf,
  findByField,
  findOr404,
  newEntity,
  noContent,
  refId,
} from './common.ts';
import { isAbsoluteUri, lenientBoolean } from './fields.ts';

/** The name pattern PingOne documents; a name holding a ":" must instead be an absolute URI. */
export const SIGN_ON_POLICY_NAME = /^[a-zA-Z0-9_.-]+$/;

/** A sign-on policy with links to itself and its actions. */
export function renderSignOnPolicy(emulator: Emulator, policy: Entity) {
  const self = apiHref(emulator, 'signOnPolicies', policy.id);
  return resource(policy, self, { environment: apiHref(emulator), actions: `${self}/actions` });
}

/** The sign-on policy named by the path's `policyID`, or 404. */
export function pathSignOnPolicy(c: EmulatorContext): Entity {
  return findOr404(emulatorOf(c), 'signOnPolicies', c.req.param('policyID')!, 'sign-on policy');
}

/**
 * `POST /signOnPolicies`: `{ name, description?, default? }`. The name is unique and follows the
 * documented pattern. A new policy is never the default: `default: true` is refused, since PingOne
 * only lets an existing policy become the default (the emulator serves no update).
 */
export async function createSignOnPolicy(c: EmulatorContext): Promise<Response> {
  const emulator = emulatorOf(c);
  const body = await readJson(c);
  const name = requiredString(body.name, 'name');
  const description = optionalString(body.description, 'description');
  const isDefault = lenientBoolean(body.default, 'default');

  if (name.includes(':') ? !isAbsoluteUri(name) : !SIGN_ON_POLICY_NAME.test(name))
    throw errors.patternMismatch(
      'name',
      'name may hold only letters, digits, "_", "." and "-", or be an absolute URI when it contains ":".',
      SIGN_ON_POLICY_NAME.source,
    );
  if (isDefault)
    throw errors.invalidValue('default', 'A sign-on policy cannot be created as the default.');
  const existing = findByField(emulator, 'signOnPolicies', 'name', name, true);
  if (existing) throw errors.uniquenessViolation('name', name, existing.id);

  const policy = newEntity(emulator, {
    name,
    ...(description !== undefined ? { description } : {}),
    default: false,
  });
  emulator.state.collections.signOnPolicies.insert(policy);
  return created(c, renderSignOnPolicy(emulator, policy));
}

/** `GET /signOnPolicies`. */
export function readAllSignOnPolicies(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const items = emulator.state.collections.signOnPolicies
    .list()
    .map((policy) => renderSignOnPolicy(emulator, policy));
  return c.json(collection('signOnPolicies', items, apiHref(emulator, 'signOnPolicies')));
}

/** `GET /signOnPolicies/{policyID}`. */
export function readOneSignOnPolicy(c: EmulatorContext): Response {
  return c.json(renderSignOnPolicy(emulatorOf(c), pathSignOnPolicy(c)));
}

/**
 * `DELETE /signOnPolicies/{policyID}`: its actions go with it. The default policy cannot be
 * deleted, nor a policy still assigned to an application (delete the assignment first).
 */
export function deleteSignOnPolicy(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const policy = pathSignOnPolicy(c);

  const { collections } = emulator.state;
  if (policy.default === true)
    throw errors.constraintViolation(
      'The default sign-on policy cannot be deleted; make another policy the default first.',
    );
  const assignment = collections.signOnPolicyAssignments.find(
    (a) => refId(a, 'signOnPolicy') === policy.id,
  );
  if (assignment)
    throw errors.constraintViolation(
      `The policy is assigned (assignment "${assignment.id}"); delete the assignment first.`,
    );

  for (const action of collections.signOnPolicyActions.list(
    (a) => refId(a, 'signOnPolicy') === policy.id,
  ))
    collections.signOnPolicyActions.delete(action.id);
  collections.signOnPolicies.delete(policy.id);
  return noContent(c);
}
