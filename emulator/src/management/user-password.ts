import type { Emulator, EmulatorContext } from '../context.ts';
import { errors } from '../errors.ts';
import { apiHref } from '../hal.ts';
import { booleanField, readJson, requiredString } from '../request.ts';
import { standardPasswordPolicyId } from '../seed.ts';
import type { Entity } from '../state.ts';
import { recordSecret } from '../testing/secrets.ts';
import { emulatorOf, ref } from './common.ts';
import { hashPassword, standardPolicyViolations, verifyPassword } from './password-policy.ts';
import { pathUser, profileValues } from './user-resource.ts';

/** The only media type `PUT /users/{userID}/password` accepts. */
export const PASSWORD_SET = 'application/vnd.pingidentity.password.set+json';

/**
 * The `passwords` record for a new password of `user`, after checking it against the Standard
 * policy and the current password: an scrypt hash under the user's id, never returned. The caller
 * inserts it, after its own checks, so that nothing is stored for a request that fails.
 */
export async function passwordRecord(
  emulator: Emulator,
  user: Entity,
  value: string,
  forceChange: boolean,
): Promise<Entity> {
  recordSecret(emulator, 'password', value);
  const { passwords } = emulator.state.collections;
  const current = passwords.get(user.id);
  const broken = standardPolicyViolations(value, profileValues(user)) ?? {};
  if (typeof current?.hash === 'string' && (await verifyPassword(value, current.hash)))
    broken.notSimilarToCurrent = 'The new password must differ from the current password.';
  if (Object.keys(broken).length) throw errors.passwordRejected(broken);

  return {
    id: user.id,
    hash: await hashPassword(value),
    status: forceChange ? 'MUST_CHANGE_PASSWORD' : 'OK',
    lastChangedAt: emulator.state.timestamp(),
  };
}

/** The password state PingOne answers: no hash, only status and when it last changed. */
function renderPasswordState(emulator: Emulator, user: Entity, stored: Entity | undefined) {
  return {
    _links: { self: { href: apiHref(emulator, 'users', user.id, 'password') } },
    environment: ref(emulator.config.environmentId),
    user: ref(user),
    passwordPolicy: ref(standardPasswordPolicyId(emulator)),
    status: stored?.status ?? 'NO_PASSWORD',
    ...(stored ? { lastChangedAt: stored.lastChangedAt } : {}),
  };
}

/**
 * `PUT /users/{userID}/password` with `application/vnd.pingidentity.password.set+json` only:
 * `{ value, forceChange }`, both required. 200 with the password state (`MUST_CHANGE_PASSWORD`
 * when forceChange is true).
 */
export async function updateUserPassword(c: EmulatorContext): Promise<Response> {
  const emulator = emulatorOf(c);
  const user = pathUser(c);
  const body = await readJson(c, [PASSWORD_SET]);
  const value = requiredString(body.value, 'value');
  const forceChange = booleanField(body.forceChange, 'forceChange', true);

  const record = await passwordRecord(emulator, user, value, forceChange);
  const stored = emulator.state.collections.passwords.insert(record);
  return c.json(renderPasswordState(emulator, pathUser(c), stored));
}

/** `GET /users/{userID}/password`: the password state (`NO_PASSWORD` before one is set). */
export function readUserPassword(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const user = pathUser(c);

  return c.json(
    renderPasswordState(emulator, user, emulator.state.collections.passwords.get(user.id)),
  );
}
