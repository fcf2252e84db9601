import type { Emulator } from '../context.ts';
import { signToken, TOKEN_LIFETIME_SECONDS } from './tokens.ts';

/** Who signed on, to which client, with what: everything a user's tokens say. */
export interface UserGrant {
  clientId: string;
  userId: string;
  scopes: string[];
  sessionId: string;
  authTime: number;
  acr: string;
  amr: string[];
  nonce?: string;
}

/**
 * An access token for the user: RS256 with `sub`, `client_id`, `aud` (the PingOne API, as PingOne
 * sets it for OpenID Connect scopes), `scope`, `sid`, `auth_time` and `acr`.
 */
export function userAccessToken(emulator: Emulator, grant: UserGrant): Promise<string> {
  return signToken(emulator, {
    client_id: grant.clientId,
    sub: grant.userId,
    aud: [emulator.config.apiBaseUrl],
    scope: grant.scopes.join(' '),
    sid: grant.sessionId,
    auth_time: grant.authTime,
    acr: grant.acr,
  });
}

/**
 * An ID token for the user: RS256 with `aud` = the client, `sub` = the user ID, `nonce` if one was
 * sent, `auth_time`, `acr` (the sign-on policy's name), `amr` (methods used, e.g. `["otp"]`),
 * `sid`; plus profile and email claims when those scopes were granted.
 */
export function userIdToken(emulator: Emulator, grant: UserGrant): Promise<string> {
  const user = emulator.state.collections.users.get(grant.userId);
  const name = (user?.name ?? {}) as { given?: string; family?: string };
  return signToken(emulator, {
    aud: grant.clientId,
    sub: grant.userId,
    ...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
    auth_time: grant.authTime,
    acr: grant.acr,
    ...(grant.amr.length ? { amr: grant.amr } : {}),
    sid: grant.sessionId,
    ...(grant.scopes.includes('profile') && user
      ? { preferred_username: user.username, given_name: name.given, family_name: name.family }
      : {}),
    ...(grant.scopes.includes('email') && user ? { email: user.email } : {}),
  });
}

/** The token endpoint's (and a token response type's) fields for `grant`. */
export async function userTokenResponse(
  emulator: Emulator,
  grant: UserGrant,
  withIdToken: boolean,
): Promise<Record<string, unknown>> {
  return {
    access_token: await userAccessToken(emulator, grant),
    token_type: 'Bearer',
    expires_in: TOKEN_LIFETIME_SECONDS,
    scope: grant.scopes.join(' '),
    ...(withIdToken ? { id_token: await userIdToken(emulator, grant) } : {}),
  };
}
