import type { Emulator, EmulatorContext } from '../context.ts';
import { errors } from '../errors.ts';
import { apiHref, collection, resource } from '../hal.ts';
import { readJson, reference } from '../request.ts';
import type { Entity } from '../state.ts';
import { pathApplication } from './applications.ts';
import { created, emulatorOf, findOr404, newEntity, noContent, ref, refId } from './common.ts';
import { requiredInteger } from './fields.ts';

function renderAssignment(emulator: Emulator, assignment: Entity) {
  const application = apiHref(emulator, 'applications', refId(assignment, 'application')!);
  return resource(assignment, `${application}/signOnPolicyAssignments/${assignment.id}`, {
    environment: apiHref(emulator),
    application,
    signOnPolicy: apiHref(emulator, 'signOnPolicies', refId(assignment, 'signOnPolicy')!),
  });
}

/**
 * `POST /applications/{appID}/signOnPolicyAssignments`: `{ priority, signOnPolicy: {id} }`. The
 * policy must exist and have at least one action (PingOne's rule), and may be assigned to an
 * application only once.
 */
export async function createSignOnPolicyAssignment(c: EmulatorContext): Promise<Response> {
  const emulator = emulatorOf(c);
  const application = pathApplication(c);
  const body = await readJson(c);
  const priority = requiredInteger(body.priority, 'priority', 1);
  const policyId = reference(body.signOnPolicy, 'signOnPolicy', true);

  const { collections } = emulator.state;
  if (!collections.signOnPolicies.get(policyId))
    throw errors.invalidValue(
      'signOnPolicy.id',
      `No sign-on policy with ID "${policyId}" exists in this environment.`,
    );
  if (!collections.signOnPolicyActions.find((action) => refId(action, 'signOnPolicy') === policyId))
    throw errors.constraintViolation(
      'The sign-on policy has no actions yet; add an action before assigning it.',
      'signOnPolicy.id',
    );
  const existing = collections.signOnPolicyAssignments.find(
    (a) => refId(a, 'application') === application.id && refId(a, 'signOnPolicy') === policyId,
  );
  if (existing) throw errors.uniquenessViolation('signOnPolicy.id', policyId, existing.id);

  const assignment = newEntity(
    emulator,
    { application: ref(application), priority, signOnPolicy: ref(policyId) },
    { timestamps: false },
  );
  collections.signOnPolicyAssignments.insert(assignment);
  return created(c, renderAssignment(emulator, assignment));
}

/** `GET /applications/{appID}/signOnPolicyAssignments`, by ascending priority. */
export function readAllSignOnPolicyAssignments(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const application = pathApplication(c);

  const assignments = emulator.state.collections.signOnPolicyAssignments
    .list((a) => refId(a, 'application') === application.id)
    .sort((a, b) => (a.priority as number) - (b.priority as number));
  const self = apiHref(emulator, 'applications', application.id, 'signOnPolicyAssignments');
  return c.json(
    collection(
      'signOnPolicyAssignments',
      assignments.map((a) => renderAssignment(emulator, a)),
      self,
    ),
  );
}

/** `GET /applications/{appID}/signOnPolicyAssignments/{assignmentID}`. */
export function readOneSignOnPolicyAssignment(c: EmulatorContext): Response {
  return c.json(renderAssignment(emulatorOf(c), pathAssignment(c)));
}

/** `DELETE /applications/{appID}/signOnPolicyAssignments/{assignmentID}`. */
export function deleteSignOnPolicyAssignment(c: EmulatorContext): Response {
  const assignment = pathAssignment(c);

  emulatorOf(c).state.collections.signOnPolicyAssignments.delete(assignment.id);
  return noContent(c);
}

function pathAssignment(c: EmulatorContext): Entity {
  const application = pathApplication(c);
  const belongs = (a: Entity) => refId(a, 'application') === application.id;
  return findOr404(
    emulatorOf(c),
    'signOnPolicyAssignments',
    c.req.param('assignmentID')!,
    'sign-on policy assignment',
    belongs,
  );
}
