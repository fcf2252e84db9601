import { randomBytes, scrypt, timingSafeEqual, type BinaryLike } from 'node:crypto';

/** The characters PingOne's Standard policy counts as special. */
const SPECIAL = '~!@#$%^&*()-_=+[]{}|;:,.<>/?';
/** A short stand-in for PingOne's list of commonly used passwords (compared case-insensitively). */
const COMMON = new Set([
  'password',
  'password1',
  'passw0rd',
  'qwerty123',
  '12345678',
  '123456789',
  'letmein1',
  'welcome1',
  'iloveyou',
  'admin123',
]);

/**
 * Checks `password` against PingOne's built-in "Standard" password policy, the environment default:
 * 8 to 255 characters; at least one digit, lower-case letter, upper-case letter and special
 * character; no character three times in a row; at least five distinct characters; not a common
 * password; not equal to a profile value. Returns one message per broken rule, keyed by the rule's
 * name in PingOne's policy model, or undefined when the password passes.
 */
export function standardPolicyViolations(
  password: string,
  profileValues: readonly string[],
): Record<string, string> | undefined {
  const broken: Record<string, string> = {};
  const characters = [...password];

  if (characters.length < 8 || characters.length > 255)
    broken.length = 'The password must be 8 to 255 characters long.';
  const missing = [
    [/[0-9]/u, 'a digit'],
    [/\p{Ll}/u, 'a lower-case letter'],
    [/\p{Lu}/u, 'an upper-case letter'],
  ]
    .filter(([pattern]) => !(pattern as RegExp).test(password))
    .map(([, label]) => label as string);
  if (!characters.some((character) => SPECIAL.includes(character)))
    missing.push(`one of the special characters ${SPECIAL}`);
  if (missing.length)
    broken.minCharacters = `The password must contain at least ${missing.join(', ')}.`;
  if (/(.)\1\1/su.test(password))
    broken.maxRepeatedCharacters =
      'The password must not repeat a character more than twice in a row.';
  if (new Set(characters).size < 5)
    broken.minUniqueCharacters = 'The password must contain at least 5 different characters.';
  if (COMMON.has(password.toLowerCase()))
    broken.excludesCommonlyUsed = 'The password is too commonly used.';
  const lowered = password.toLowerCase();
  if (profileValues.some((value) => value && value.toLowerCase() === lowered))
    broken.excludesProfileData = "The password must not be a value of the user's profile.";

  return Object.keys(broken).length ? broken : undefined;
}

function derive(password: BinaryLike, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, 32, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** `scrypt$<salt>$<key>` (base64url): how the emulator keeps a password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return `scrypt$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Whether `password` is the one `hash` was made from. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const [scheme, salt, key] = hash.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
