import type { Emulator, EmulatorContext } from '../context.ts';
import { errors } from '../errors.ts';
import { apiHref, collection, resource } from '../hal.ts';
import { readJson, reference } from '../request.ts';
import type { Entity } from '../state.ts';
import { pathApplication } from './applications.ts';
import { created, emulatorOf, findOr404, newEntity, noContent, ref, refId } from './common.ts';
import { arrayField } from './fields.ts';

function renderGrant(emulator: Emulator, grant: Entity) {
  const application = apiHref(emulator, 'applications', refId(grant, 'application')!);
  return resource(grant, `${application}/grants/${grant.id}`, {
    environment: apiHref(emulator),
    application,
    resource: apiHref(emulator, 'resources', refId(grant, 'resource')!),
  });
}

/**
 * `POST /applications/{appID}/grants`: `{ resource: {id}, scopes: [{id}] }`. The resource must
 * exist, each scope must be one of its scopes, an application holds one grant per resource, and
 * the `openid` scope is never granted (PingOne grants it implicitly with the `openid` resource).
 */
export async function createApplicationGrant(c: EmulatorContext): Promise<Response> {
  const emulator = emulatorOf(c);
  const application = pathApplication(c);
  const body = await readJson(c);
  const resourceId = reference(body.resource, 'resource', true);
  const scopeIds = scopeReferences(body.scopes);

  const { collections } = emulator.state;
  const target = collections.resources.get(resourceId);
  if (!target)
    throw errors.invalidValue(
      'resource.id',
      `No resource with ID "${resourceId}" exists in this environment.`,
    );
  for (const scopeId of scopeIds) {
    const scope = collections.scopes.get(scopeId);
    if (!scope || refId(scope, 'resource') !== target.id)
      throw errors.invalidValue(
        'scopes',
        `The scope "${scopeId}" is not a scope of the resource "${target.name}".`,
      );
    if (target.type === 'OPENID_CONNECT' && scope.name === 'openid')
      throw errors.invalidValue(
        'scopes',
        'The openid scope comes with every grant of the openid resource; leave it out of scopes.',
      );
  }
  const existing = collections.grants.find(
    (grant) =>
      refId(grant, 'application') === application.id && refId(grant, 'resource') === target.id,
  );
  if (existing) throw errors.uniquenessViolation('resource.id', resourceId, existing.id);

  const grant = newEntity(emulator, {
    application: ref(application),
    resource: ref(target),
    scopes: scopeIds.map((id) => ref(id)),
  });
  collections.grants.insert(grant);
  return created(c, renderGrant(emulator, grant));
}

function scopeReferences(value: unknown): string[] {
  if (value === undefined) throw errors.requiredValue('scopes');
  const items = arrayField(value, 'scopes')!;
  if (items.length === 0)
    throw errors.invalidData([
      { code: 'EMPTY_VALUE', target: 'scopes', message: 'scopes must name at least one scope.' },
    ]);
  return [...new Set(items.map((item, index) => reference(item, `scopes[${index}]`, true)))];
}

/** `GET /applications/{appID}/grants`. */
export function readAllApplicationGrants(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const application = pathApplication(c);

  const grants = emulator.state.collections.grants.list(
    (grant) => refId(grant, 'application') === application.id,
  );
  const self = apiHref(emulator, 'applications', application.id, 'grants');
  return c.json(
    collection(
      'grants',
      grants.map((grant) => renderGrant(emulator, grant)),
      self,
    ),
  );
}

/** `GET /applications/{appID}/grants/{grantID}`. */
export function readOneApplicationGrant(c: EmulatorContext): Response {
  return c.json(renderGrant(emulatorOf(c), pathGrant(c)));
}

/** `DELETE /applications/{appID}/grants/{grantID}`. */
export function deleteApplicationGrant(c: EmulatorContext): Response {
  const grant = pathGrant(c);

  emulatorOf(c).state.collections.grants.delete(grant.id);
  return noContent(c);
}

function pathGrant(c: EmulatorContext): Entity {
  const application = pathApplication(c);
  const grantId = c.req.param('grantID')!;
  return findOr404(
    emulatorOf(c),
    'grants',
    grantId,
    'grant',
    (grant) => refId(grant, 'application') === application.id,
  );
}
