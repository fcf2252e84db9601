import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Emulator } from '../context.ts';
import { issuer } from '../hal.ts';
import { recordSecret } from '../testing/secrets.ts';

/** Lifetime of access and ID tokens, as PingOne's default: one hour. */
export const TOKEN_LIFETIME_SECONDS = 3600;

/** Signs an RS256 JWT with the environment's key (published at `/{envID}/as/jwks`). */
export async function signToken(emulator: Emulator, claims: Record<string, unknown>, lifetimeSeconds = TOKEN_LIFETIME_SECONDS): Promise<string> {
  const now = Math.floor(emulator.state.now() / 1000);
  const { privateKey, kid } = emulator.state.signingKey;
  return new SignJWT({ ...claims, env: emulator.config.environmentId })
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .setIssuer(issuer(emulator))
    .setIssuedAt(now)
    .setExpirationTime(now + lifetimeSeconds)
    .setJti(randomUUID())
    .sign(privateKey)
    .then((token) => (recordSecret(emulator, 'token', token), token));
}
