import { randomUUID } from 'node:crypto';
import type { Emulator, EmulatorContext } from '../context.ts';
import { errors } from '../errors.ts';
import type { CollectionName, Entity } from '../state.ts';

/** The emulator behind a request. */
export function emulatorOf(c: EmulatorContext): Emulator {
  return c.get('emulator');
}

/**
 * One stored entity by id, or 404 NOT_FOUND naming what was looked for. `belongs` narrows the
 * lookup to a parent (a grant of this application, a device of this user), so that a child under
 * the wrong parent is not found either.
 */
export function findOr404(
  emulator: Emulator,
  collection: CollectionName,
  id: string,
  kind: string,
  belongs?: (entity: Entity) => boolean,
): Entity {
  const entity = emulator.state.collections[collection].get(id);
  if (!entity || (belongs && !belongs(entity)))
    throw errors.notFound(`No ${kind} with ID "${id}" exists in this environment.`);
  return entity;
}

/** `{ id }` of the referenced entity: the shape PingOne uses for every reference. */
export function ref(entity: { id: string } | string): { id: string } {
  return { id: typeof entity === 'string' ? entity : entity.id };
}

/** The `id` of a `{ id }` reference held by a stored entity, if it has one. */
export function refId(entity: Entity, field: string): string | undefined {
  const value = entity[field] as { id?: unknown } | undefined;
  return typeof value?.id === 'string' ? value.id : undefined;
}

/**
 * A new entity as PingOne renders it: `id` and `environment` first, then `fields`, then the
 * timestamps (left out with `timestamps: false` for resources PingOne gives none).
 */
export function newEntity(
  emulator: Emulator,
  fields: Record<string, unknown>,
  options: { timestamps?: boolean } = {},
): Entity {
  const at = emulator.state.timestamp();
  return {
    id: randomUUID(),
    environment: ref(emulator.config.environmentId),
    ...fields,
    ...(options.timestamps === false ? {} : { createdAt: at, updatedAt: at }),
  };
}

/** The first entity of `collection` whose `field` equals `value` (case-insensitive if asked). */
export function findByField(
  emulator: Emulator,
  collection: CollectionName,
  field: string,
  value: string,
  caseInsensitive = false,
): Entity | undefined {
  const wanted = caseInsensitive ? value.toLowerCase() : value;
  return emulator.state.collections[collection].find((entity) => {
    const held = entity[field];
    if (typeof held !== 'string') return false;
    return (caseInsensitive ? held.toLowerCase() : held) === wanted;
  });
}

/** 201 Created with the rendered resource. */
export function created(c: EmulatorContext, body: unknown): Response {
  return c.json(body, 201);
}

/** 204 No Content, empty body. */
export function noContent(c: EmulatorContext): Response {
  return c.body(null, 204);
}
