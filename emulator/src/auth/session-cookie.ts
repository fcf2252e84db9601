import { randomBytes, timingSafeEqual } from 'node:crypto';
import { getCookie, setCookie } from 'hono/cookie';
import type { EmulatorContext } from '../context.ts';
import { errors } from '../errors.ts';
import type { Flow } from './flow.ts';

/** PingOne's session token cookie. */
export const SESSION_COOKIE = 'ST';

/** A fresh, unguessable session token (the `ST` cookie value). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Sets the `ST` cookie, scoped to the environment's path on the auth host. It is `Secure` only
 * when the auth base URL is https, so that it also works against a plain-http emulator.
 */
export function setSessionCookie(c: EmulatorContext, token: string): void {
  const { config } = c.get('emulator');
  setCookie(c, SESSION_COOKIE, token, {
    path: `/${config.environmentId}`,
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.authBaseUrl.startsWith('https:'),
  });
}

/**
 * Requires the `ST` cookie the flow was started with. Missing: 400 INVALID_REQUEST with a
 * REQUIRED_VALUE detail; another session's cookie: 400 INVALID_REQUEST with INVALID_VALUE.
 */
export function requireSessionCookie(c: EmulatorContext, flow: Flow): void {
  const sent = getCookie(c, SESSION_COOKIE);
  if (!sent)
    throw errors.invalidRequest(
      'The flow can only be used with the session cookie set when it started.',
      [
        {
          code: 'REQUIRED_VALUE',
          target: SESSION_COOKIE,
          message: 'The ST session cookie is missing.',
        },
      ],
    );

  if (!equal(sent, flow.sessionToken))
    throw errors.invalidRequest(
      'The flow can only be used with the session cookie set when it started.',
      [
        {
          code: 'INVALID_VALUE',
          target: SESSION_COOKIE,
          message: 'The ST session cookie belongs to another session.',
        },
      ],
    );
}

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
