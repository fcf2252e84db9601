import type { Emulator, EmulatorContext } from '../context.ts';
import { apiHref, collection, resource } from '../hal.ts';
import type { Entity } from '../state.ts';
import { emulatorOf, findOr404, refId } from './common.ts';

/** A resource (the built-in `openid` or `PingOne API`) with links to itself and its scopes. */
function renderResource(emulator: Emulator, entity: Entity) {
  const self = apiHref(emulator, 'resources', entity.id);
  return resource(entity, self, { environment: apiHref(emulator), scopes: `${self}/scopes` });
}

function renderScope(emulator: Emulator, scope: Entity) {
  const owner = apiHref(emulator, 'resources', refId(scope, 'resource')!);
  return resource(scope, `${owner}/scopes/${scope.id}`, {
    environment: apiHref(emulator),
    resource: owner,
  });
}

function pathResource(c: EmulatorContext): Entity {
  return findOr404(emulatorOf(c), 'resources', c.req.param('resourceID')!, 'resource');
}

/** `GET /resources`. The seed's built-in resources; the emulator creates no others. */
export function readAllResources(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const items = emulator.state.collections.resources
    .list()
    .map((entity) => renderResource(emulator, entity));
  return c.json(collection('resources', items, apiHref(emulator, 'resources')));
}

/** `GET /resources/{resourceID}`. */
export function readOneResource(c: EmulatorContext): Response {
  return c.json(renderResource(emulatorOf(c), pathResource(c)));
}

/** `GET /resources/{resourceID}/scopes`. */
export function readAllResourceScopes(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const owner = pathResource(c);

  const scopes = emulator.state.collections.scopes.list(
    (scope) => refId(scope, 'resource') === owner.id,
  );
  const items = scopes.map((scope) => renderScope(emulator, scope));
  return c.json(collection('scopes', items, apiHref(emulator, 'resources', owner.id, 'scopes')));
}

/** `GET /resources/{resourceID}/scopes/{scopeID}`: the target of every scope's `self` link. */
export function readOneResourceScope(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const owner = pathResource(c);
  const scope = findOr404(
    emulator,
    'scopes',
    c.req.param('scopeID')!,
    'scope',
    (s) => refId(s, 'resource') === owner.id,
  );

  return c.json(renderScope(emulator, scope));
}
