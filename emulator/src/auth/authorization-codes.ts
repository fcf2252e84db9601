import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Emulator } from '../context.ts';
import type { Collection, Entity } from '../state.ts';
import { recordSecret } from '../testing/secrets.ts';
import type { UserGrant } from './user-tokens.ts';

/** How long an authorization code can be redeemed: 60 seconds. */
export const AUTHORIZATION_CODE_LIFETIME_MS = 60 * 1000;

/** What a code grants: the user's sign-on, bound to the redirect_uri sent at authorize (if any). */
export interface CodeGrant extends UserGrant {
  redirectUri?: string;
}

/** A stored code: kept under a hash of the code; the code itself is never kept. */
export interface AuthorizationCode extends Entity, CodeGrant {
  codeHash: string;
  expiresAt: number;
}

/** Issues a single-use code for `grant`, valid for {@link AUTHORIZATION_CODE_LIFETIME_MS}. */
export function issueAuthorizationCode(emulator: Emulator, grant: CodeGrant): string {
  const code = randomBytes(32).toString('base64url');
  recordSecret(emulator, 'authorization code', code);
  codes(emulator).insert({
    id: randomUUID(),
    codeHash: hash(code),
    ...grant,
    expiresAt: emulator.state.now() + AUTHORIZATION_CODE_LIFETIME_MS,
  });
  return code;
}

/**
 * Takes the code out of the store: a code is consumed by its first presentation, whatever the
 * outcome. Undefined when it is unknown or already used; `expired` when its time was up.
 */
export function takeAuthorizationCode(
  emulator: Emulator,
  code: string,
): AuthorizationCode | 'expired' | undefined {
  const digest = hash(code);
  const stored = codes(emulator).find((item) => item.codeHash === digest);
  if (!stored) return undefined;

  codes(emulator).delete(stored.id);
  return emulator.state.now() > stored.expiresAt ? 'expired' : stored;
}

function codes(emulator: Emulator): Collection<AuthorizationCode> {
  return emulator.state.collections.authorizationCodes as unknown as Collection<AuthorizationCode>;
}

function hash(code: string): string {
  return createHash('sha256').update(code).digest('base64url');
}
