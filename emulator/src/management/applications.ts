import { randomBytes } from 'node:crypto';
import type { Emulator, EmulatorContext } from '../context.ts';
import { errors } from '../errors.ts';
import { apiHref, collection, resource } from '../hal.ts';
import { readJson } from '../request.ts';
import type { Entity } from '../state.ts';
import { recordSecret } from '../testing/secrets.ts';
import { applicationFields } from './application-body.ts';
import {
  created,
  emulatorOf,
  findByField,
  findOr404,
  newEntity,
  noContent,
  ref,
  refId,
} from './common.ts';

/** An application as PingOne renders it, with links to its sub-resources. */
export function renderApplication(emulator: Emulator, application: Entity) {
  const self = apiHref(emulator, 'applications', application.id);
  return resource(application, self, {
    environment: apiHref(emulator),
    secret: `${self}/secret`,
    grants: `${self}/grants`,
    signOnPolicyAssignments: `${self}/signOnPolicyAssignments`,
  });
}

/** The application named by the path's `appID`, or 404. */
export function pathApplication(c: EmulatorContext): Entity {
  return findOr404(emulatorOf(c), 'applications', c.req.param('appID')!, 'application');
}

/** `POST /applications`: an OIDC application with a generated secret; names are unique. */
export async function createApplication(c: EmulatorContext): Promise<Response> {
  const emulator = emulatorOf(c);
  const fields = applicationFields(await readJson(c));

  const name = fields.name as string;
  const existing = findByField(emulator, 'applications', 'name', name, true);
  if (existing) throw errors.uniquenessViolation('name', name, existing.id);

  const application = emulator.state.collections.applications.insert(newEntity(emulator, fields));
  const secret = newSecret();
  recordSecret(emulator, 'application secret', secret);
  emulator.state.collections.applicationSecrets.insert({ id: application.id, secret });
  return created(c, renderApplication(emulator, application));
}

/** `GET /applications`. */
export function readAllApplications(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const items = emulator.state.collections.applications
    .list()
    .map((app) => renderApplication(emulator, app));
  return c.json(collection('applications', items, apiHref(emulator, 'applications')));
}

/** `GET /applications/{appID}`. */
export function readOneApplication(c: EmulatorContext): Response {
  return c.json(renderApplication(emulatorOf(c), pathApplication(c)));
}

/**
 * `DELETE /applications/{appID}`. Its child resources go with it, as in PingOne: the secret, the
 * resource grants and the sign-on policy assignments.
 */
export function deleteApplication(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const application = pathApplication(c);

  const { collections } = emulator.state;
  const owned = (entity: Entity) => refId(entity, 'application') === application.id;
  for (const grant of collections.grants.list(owned)) collections.grants.delete(grant.id);
  for (const assignment of collections.signOnPolicyAssignments.list(owned))
    collections.signOnPolicyAssignments.delete(assignment.id);
  collections.applicationSecrets.delete(application.id);
  collections.applications.delete(application.id);
  return noContent(c);
}

/** `GET /applications/{appID}/secret`: `{ _links, environment, secret }`. */
export function readApplicationSecret(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const application = pathApplication(c);
  const stored = emulator.state.collections.applicationSecrets.get(application.id);
  if (typeof stored?.secret !== 'string')
    throw errors.notFound(`The application "${application.id}" has no secret.`);

  return c.json({
    _links: { self: { href: apiHref(emulator, 'applications', application.id, 'secret') } },
    environment: ref(emulator.config.environmentId),
    secret: stored.secret,
  });
}

/** A 64-character secret of URL-safe characters, as long as PingOne's. */
function newSecret(): string {
  return randomBytes(48).toString('base64url');
}
