import type { EmulatorContext } from '../context.ts';
import { errors } from '../errors.ts';
import { apiHref, collection } from '../hal.ts';
import { booleanField, optionalString, readJson, reference, requiredString } from '../request.ts';
import { created, emulatorOf, findByField, newEntity, noContent, ref, refId } from './common.ts';
import { emailField, objectField } from './fields.ts';
import { matchesFilter, parseFilter } from './filter.ts';
import { defaultPopulation } from './populations.ts';
import { passwordRecord } from './user-password.ts';
import { pathUser, renderUser } from './user-resource.ts';

export { readUserPassword, updateUserPassword } from './user-password.ts';

/** Letters, marks, spaces, symbols, digits and punctuation: the username pattern of PingOne. */
const USERNAME = /^[\p{L}\p{M}\p{Zs}\p{S}\p{N}\p{P}]+$/u;
const NAME_PARTS = ['given', 'family', 'middle', 'formatted', 'honorificPrefix', 'honorificSuffix'];
const PROFILE_STRINGS = [
  'nickname',
  'title',
  'preferredLanguage',
  'locale',
  'timezone',
  'mobilePhone',
  'primaryPhone',
  'externalId',
  'type',
];

/**
 * `POST /users` (application/json): `username` and `email` required, username unique
 * (case-insensitively), `population` optional (the default population when left out), an optional
 * initial `password {value, forceChange}` checked like a password set. Server-set fields as PingOne
 * returns them for a new user; the password is never returned.
 */
export async function createUser(c: EmulatorContext): Promise<Response> {
  const emulator = emulatorOf(c);
  const body = await readJson(c);
  const username = requiredString(body.username, 'username');
  const email = emailField(body.email, 'email');
  const populationId = reference(body.population, 'population');
  const mfaEnabled = booleanField(body.mfaEnabled, 'mfaEnabled') ?? false;
  const name = nameField(body.name);
  const password = passwordField(body.password);
  if (!USERNAME.test(username) || [...username].length > 128)
    throw errors.patternMismatch(
      'username',
      'username must be 1 to 128 printable characters.',
      USERNAME.source,
    );

  const population = populationId ?? defaultPopulation(emulator)?.id;
  const user = newEntity(emulator, {
    account: { canAuthenticate: true, status: 'OK' },
    email,
    emailVerified: false,
    enabled: true,
    identityProvider: { type: 'PING_ONE' },
    lifecycle: { status: 'ACCOUNT_OK' },
    mfaEnabled,
    ...(name ? { name } : {}),
    population: ref(population ?? ''),
    username,
    verifyStatus: 'NOT_INITIATED',
    ...profileStrings(body),
  });
  const record =
    password && (await passwordRecord(emulator, user, password.value, password.forceChange));

  // Checks against the state come after the one await, so nothing changes between check and insert.
  const taken = findByField(emulator, 'users', 'username', username, true);
  if (taken) throw errors.uniquenessViolation('username', username, taken.id);
  if (population === undefined) throw errors.requiredValue('population.id');
  if (!emulator.state.collections.populations.get(population))
    throw errors.invalidValue(
      'population.id',
      `No population with ID "${population}" exists in this environment.`,
    );

  emulator.state.collections.users.insert(user);
  if (record) emulator.state.collections.passwords.insert(record);
  return created(c, renderUser(emulator, user));
}

/** The optional initial `password {value, forceChange}` of a new user. */
function passwordField(value: unknown): { value: string; forceChange: boolean } | undefined {
  const password = objectField(value, 'password');
  if (!password) return undefined;
  return {
    value: requiredString(password.value, 'password.value'),
    forceChange: booleanField(password.forceChange, 'password.forceChange') ?? false,
  };
}

function nameField(value: unknown): Record<string, string> | undefined {
  const name = objectField(value, 'name');
  if (!name) return undefined;
  const parts: Record<string, string> = {};
  for (const part of NAME_PARTS) {
    const text = optionalString(name[part], `name.${part}`);
    if (text !== undefined) parts[part] = text;
  }
  return parts;
}

function profileStrings(body: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const field of PROFILE_STRINGS) {
    const text = optionalString(body[field], field);
    if (text !== undefined) fields[field] = text;
  }
  return fields;
}

/** `GET /users`, optionally `filter=population.id eq "…"` (also `username`, `email`, `id`). */
export function readAllUsers(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const filter = c.req.query('filter');
  const comparisons =
    filter === undefined ? [] : parseFilter(filter, ['population.id', 'username', 'email', 'id']);

  const users = emulator.state.collections.users.list((user) => matchesFilter(user, comparisons));
  return c.json(
    collection(
      'users',
      users.map((user) => renderUser(emulator, user)),
      apiHref(emulator, 'users'),
    ),
  );
}

/** `GET /users/{userID}`. */
export function readUser(c: EmulatorContext): Response {
  return c.json(renderUser(emulatorOf(c), pathUser(c)));
}

/** `DELETE /users/{userID}`: the user's MFA devices and password go with it. */
export function deleteUser(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const user = pathUser(c);

  const { collections } = emulator.state;
  for (const device of collections.devices.list((d) => refId(d, 'user') === user.id))
    collections.devices.delete(device.id);
  collections.passwords.delete(user.id);
  collections.users.delete(user.id);
  return noContent(c);
}

function renderMfaEnabled(c: EmulatorContext, userId: string, mfaEnabled: unknown) {
  const emulator = emulatorOf(c);
  return {
    _links: {
      self: { href: apiHref(emulator, 'users', userId, 'mfaEnabled') },
      user: { href: apiHref(emulator, 'users', userId) },
    },
    mfaEnabled,
  };
}

/** `GET /users/{userID}/mfaEnabled`: `{ _links, mfaEnabled }`. */
export function readUserMFAEnabled(c: EmulatorContext): Response {
  const user = pathUser(c);

  return c.json(renderMfaEnabled(c, user.id, user.mfaEnabled));
}

/** `PUT /users/{userID}/mfaEnabled`: `{ mfaEnabled }`, a required boolean. */
export async function updateUserMFAEnabled(c: EmulatorContext): Promise<Response> {
  const emulator = emulatorOf(c);
  const user = pathUser(c);
  const mfaEnabled = booleanField((await readJson(c)).mfaEnabled, 'mfaEnabled', true);

  Object.assign(user, { mfaEnabled, updatedAt: emulator.state.timestamp() });
  return c.json(renderMfaEnabled(c, user.id, mfaEnabled));
}
