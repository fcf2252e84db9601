import type { Emulator, EmulatorContext } from '../context.ts';
import { errors } from '../errors.ts';
import { apiHref, collection, resource } from '../hal.ts';
import { booleanField, enumField, readJson, reference } from '../request.ts';
import type { Entity } from '../state.ts';
import { created, emulatorOf, findOr404, newEntity, noContent, ref, refId } from './common.ts';
import { objectField, requiredInteger } from './fields.ts';
import { pathSignOnPolicy } from './sign-on-policies.ts';

const ACTION_TYPES = [
  'LOGIN',
  'MULTI_FACTOR_AUTHENTICATION',
  'IDENTIFIER_FIRST',
  'IDENTITY_PROVIDER',
  'PROGRESSIVE_PROFILING',
  'AGREEMENT',
  'PINGID_WINLOGIN_PASSWORDLESS_AUTHENTICATION',
  'PINGID_AUTHENTICATION',
] as const;
const SERVED_TYPES = ['LOGIN', 'MULTI_FACTOR_AUTHENTICATION'] as const;
const NO_DEVICES_MODES = ['BLOCK', 'BYPASS'] as const;

function renderAction(emulator: Emulator, action: Entity) {
  const policy = apiHref(emulator, 'signOnPolicies', refId(action, 'signOnPolicy')!);
  return resource(action, `${policy}/actions/${action.id}`, {
    environment: apiHref(emulator),
    signOnPolicy: policy,
  });
}

/**
 * `POST /signOnPolicies/{policyID}/actions`: `{ priority, type, ... }`. A
 * MULTI_FACTOR_AUTHENTICATION action takes `sms`/`email`/`voice` `{enabled}`, a `deviceAuthenticationPolicy {id}` that must
 * exist, and `noDevicesMode` (BLOCK unless BYPASS is asked for). A LOGIN action takes `recovery`
 * and `registration` `{enabled}`. The other PingOne action types are refused explicitly.
 */
export async function createSignOnPolicyAction(c: EmulatorContext): Promise<Response> {
  const emulator = emulatorOf(c);
  const policy = pathSignOnPolicy(c);
  const body = await readJson(c);
  const priority = requiredInteger(body.priority, 'priority', 1);
  const type = enumField(body.type, 'type', ACTION_TYPES, true);
  const named = reference(body.signOnPolicy, 'signOnPolicy');

  if (!(SERVED_TYPES as readonly string[]).includes(type))
    throw errors.invalidValue(
      'type',
      `The PingOne emulator serves only ${SERVED_TYPES.join(' and ')} actions, not ${type}.`,
      SERVED_TYPES,
    );
  if (named !== undefined && named !== policy.id)
    throw errors.invalidValue(
      'signOnPolicy.id',
      'signOnPolicy.id must be the policy named in the path.',
    );
  const settings =
    type === 'LOGIN' ? toggles(body, ['recovery', 'registration']) : mfaSettings(emulator, body);

  const action = newEntity(
    emulator,
    { signOnPolicy: ref(policy), priority, type, ...settings },
    { timestamps: false },
  );
  emulator.state.collections.signOnPolicyActions.insert(action);
  return created(c, renderAction(emulator, action));
}

function mfaSettings(emulator: Emulator, body: Record<string, unknown>): Record<string, unknown> {
  const policyId = reference(body.deviceAuthenticationPolicy, 'deviceAuthenticationPolicy');
  const noDevicesMode = enumField(body.noDevicesMode, 'noDevicesMode', NO_DEVICES_MODES) ?? 'BLOCK';

  if (
    policyId !== undefined &&
    !emulator.state.collections.deviceAuthenticationPolicies.get(policyId)
  )
    throw errors.invalidValue(
      'deviceAuthenticationPolicy.id',
      `No device authentication policy with ID "${policyId}" exists in this environment.`,
    );

  return {
    ...toggles(body, ['sms', 'email', 'voice']),
    ...(policyId !== undefined ? { deviceAuthenticationPolicy: ref(policyId) } : {}),
    noDevicesMode,
  };
}

/** `{ enabled }` objects echoed for the named fields that were sent. */
function toggles(body: Record<string, unknown>, names: string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const name of names) {
    const value = objectField(body[name], name);
    if (value) result[name] = { enabled: booleanField(value.enabled, `${name}.enabled`, true) };
  }
  return result;
}

/** `GET /signOnPolicies/{policyID}/actions`, by ascending priority. */
export function readAllSignOnPolicyActions(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const policy = pathSignOnPolicy(c);

  const actions = emulator.state.collections.signOnPolicyActions
    .list((action) => refId(action, 'signOnPolicy') === policy.id)
    .sort((a, b) => (a.priority as number) - (b.priority as number));
  const self = apiHref(emulator, 'signOnPolicies', policy.id, 'actions');
  return c.json(
    collection(
      'actions',
      actions.map((action) => renderAction(emulator, action)),
      self,
    ),
  );
}

/** `GET /signOnPolicies/{policyID}/actions/{actionID}`. */
export function readOneSignOnPolicyAction(c: EmulatorContext): Response {
  return c.json(renderAction(emulatorOf(c), pathAction(c)));
}

/**
 * `DELETE /signOnPolicies/{policyID}/actions/{actionID}`. PingOne keeps at least one action in a
 * policy: deleting the last one is refused, and the way out is to delete the policy itself.
 */
export function deleteSignOnPolicyAction(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const action = pathAction(c);

  const { signOnPolicyActions } = emulator.state.collections;
  const siblings = signOnPolicyActions.list(
    (a) => refId(a, 'signOnPolicy') === refId(action, 'signOnPolicy'),
  );
  if (siblings.length <= 1)
    throw errors.constraintViolation(
      'A sign-on policy must keep at least one action; delete the sign-on policy instead.',
    );

  signOnPolicyActions.delete(action.id);
  return noContent(c);
}

function pathAction(c: EmulatorContext): Entity {
  const policy = pathSignOnPolicy(c);
  const belongs = (action: Entity) => refId(action, 'signOnPolicy') === policy.id;
  return findOr404(
    emulatorOf(c),
    'signOnPolicyActions',
    c.req.param('actionID')!,
    'sign-on policy action',
    belongs,
  );
}
