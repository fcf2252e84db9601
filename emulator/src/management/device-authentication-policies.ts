import { randomUUID } from 'node:crypto';
import type { Emulator, EmulatorContext } from '../context.ts';
import { errors } from '../errors.ts';
import { apiHref, collection, resource } from '../hal.ts';
import { readJson } from '../request.ts';
import type { Entity } from '../state.ts';
import { created, emulatorOf, findByField, findOr404, noContent, ref, refId } from './common.ts';
import { deviceAuthenticationPolicyFields } from './device-authentication-policy-body.ts';

function renderPolicy(emulator: Emulator, policy: Entity) {
  return resource(policy, apiHref(emulator, 'deviceAuthenticationPolicies', policy.id), {
    environment: apiHref(emulator),
  });
}

/** The environment's default device authentication policy (devices without a policy use it). */
export function defaultDeviceAuthenticationPolicy(emulator: Emulator): Entity | undefined {
  return emulator.state.collections.deviceAuthenticationPolicies.find(
    (policy) => policy.default === true,
  );
}

/** `POST /deviceAuthenticationPolicies`: 201 with the policy; names are unique. */
export async function createDeviceAuthenticationPolicy(c: EmulatorContext): Promise<Response> {
  const emulator = emulatorOf(c);
  const fields = deviceAuthenticationPolicyFields(await readJson(c));

  const name = fields.name as string;
  const existing = findByField(emulator, 'deviceAuthenticationPolicies', 'name', name, true);
  if (existing) throw errors.uniquenessViolation('name', name, existing.id);

  // PingOne's model of this resource has updatedAt but no createdAt.
  const policy = {
    id: randomUUID(),
    environment: ref(emulator.config.environmentId),
    ...fields,
    updatedAt: emulator.state.timestamp(),
  };
  emulator.state.collections.deviceAuthenticationPolicies.insert(policy);
  return created(c, renderPolicy(emulator, policy));
}

/** `GET /deviceAuthenticationPolicies`. */
export function readDeviceAuthenticationPolicies(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const items = emulator.state.collections.deviceAuthenticationPolicies
    .list()
    .map((policy) => renderPolicy(emulator, policy));
  return c.json(
    collection(
      'deviceAuthenticationPolicies',
      items,
      apiHref(emulator, 'deviceAuthenticationPolicies'),
    ),
  );
}

/** `GET /deviceAuthenticationPolicies/{policyID}`. */
export function readOneDeviceAuthenticationPolicy(c: EmulatorContext): Response {
  return c.json(renderPolicy(emulatorOf(c), pathPolicy(c)));
}

/**
 * `DELETE /deviceAuthenticationPolicies/{policyID}`. The default policy cannot be deleted, nor a
 * policy a sign-on policy action still names.
 */
export function deleteDeviceAuthenticationPolicy(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const policy = pathPolicy(c);

  const { collections } = emulator.state;
  if (policy.default === true)
    throw errors.constraintViolation(
      'Cannot remove default device authentication policy; make another policy the default first.',
    );
  const action = collections.signOnPolicyActions.find(
    (a) => refId(a, 'deviceAuthenticationPolicy') === policy.id,
  );
  if (action)
    throw errors.constraintViolation(
      `Sign-on policy "${refId(action, 'signOnPolicy')}" uses it (action "${action.id}"); delete that first.`,
    );

  collections.deviceAuthenticationPolicies.delete(policy.id);
  return noContent(c);
}

function pathPolicy(c: EmulatorContext): Entity {
  return findOr404(
    emulatorOf(c),
    'deviceAuthenticationPolicies',
    c.req.param('policyID')!,
    'device authentication policy',
  );
}
