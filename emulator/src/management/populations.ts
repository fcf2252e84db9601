import type { Emulator, EmulatorContext } from '../context.ts';
import { errors } from '../errors.ts';
import { apiHref, collection, resource } from '../hal.ts';
import { optionalString, readJson, reference, requiredString } from '../request.ts';
import { standardPasswordPolicyId } from '../seed.ts';
import type { Entity } from '../state.ts';
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
import { lenientBoolean } from './fields.ts';
import { matchesFilter, parseFilter } from './filter.ts';

/** A population with its `userCount`, counted when rendered. */
function renderPopulation(emulator: Emulator, population: Entity) {
  const userCount = emulator.state.collections.users.list(
    (user) => refId(user, 'population') === population.id,
  ).length;
  const { createdAt, updatedAt, ...fields } = population;
  return resource(
    { ...fields, userCount, createdAt, updatedAt },
    apiHref(emulator, 'populations', population.id),
    {
      environment: apiHref(emulator),
    },
  );
}

/** The environment's default population: users created without a population join it. */
export function defaultPopulation(emulator: Emulator): Entity | undefined {
  return emulator.state.collections.populations.find((population) => population.default === true);
}

/**
 * `POST /populations`: `{ name, description?, default?, passwordPolicy? }`. Names are unique. A
 * population created with `default: true` becomes the default and the former default stops being
 * it, as PingOne allows one default population per environment.
 */
export async function createPopulation(c: EmulatorContext): Promise<Response> {
  const emulator = emulatorOf(c);
  const body = await readJson(c);
  const name = requiredString(body.name, 'name');
  const description = optionalString(body.description, 'description');
  const isDefault = lenientBoolean(body.default, 'default') ?? false;
  const passwordPolicyId = reference(body.passwordPolicy, 'passwordPolicy');

  const existing = findByField(emulator, 'populations', 'name', name, true);
  if (existing) throw errors.uniquenessViolation('name', name, existing.id);
  if (passwordPolicyId !== undefined && passwordPolicyId !== standardPasswordPolicyId(emulator))
    throw errors.invalidValue(
      'passwordPolicy.id',
      `No password policy with ID "${passwordPolicyId}" exists in this environment.`,
    );

  if (isDefault) {
    const former = defaultPopulation(emulator);
    if (former) Object.assign(former, { default: false, updatedAt: emulator.state.timestamp() });
  }
  const population = newEntity(emulator, {
    name,
    ...(description !== undefined ? { description } : {}),
    default: isDefault,
    ...(passwordPolicyId !== undefined ? { passwordPolicy: ref(passwordPolicyId) } : {}),
  });
  emulator.state.collections.populations.insert(population);
  return created(c, renderPopulation(emulator, population));
}

/** `GET /populations`, optionally `filter=name eq "…"` (or `id eq`). */
export function readAllPopulations(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const filter = c.req.query('filter');
  const comparisons = filter === undefined ? [] : parseFilter(filter, ['name', 'id']);

  const populations = emulator.state.collections.populations.list((p) =>
    matchesFilter(p, comparisons),
  );
  const items = populations.map((population) => renderPopulation(emulator, population));
  return c.json(collection('populations', items, apiHref(emulator, 'populations')));
}

/** `GET /populations/{populationID}`. */
export function readOnePopulation(c: EmulatorContext): Response {
  return c.json(renderPopulation(emulatorOf(c), pathPopulation(c)));
}

/** `DELETE /populations/{populationID}`: only an empty population that is not the default. */
export function deletePopulation(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const population = pathPopulation(c);

  if (population.default === true)
    throw errors.constraintViolation(
      'The default population cannot be deleted; make another population the default first.',
    );
  const users = emulator.state.collections.users.list(
    (user) => refId(user, 'population') === population.id,
  ).length;
  if (users > 0)
    throw errors.constraintViolation(
      `The population still has ${users} user(s); delete or move them before deleting it.`,
    );

  emulator.state.collections.populations.delete(population.id);
  return noContent(c);
}

function pathPopulation(c: EmulatorContext): Entity {
  return findOr404(emulatorOf(c), 'populations', c.req.param('populationID')!, 'population');
}
