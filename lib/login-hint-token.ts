import { SignJWT } from 'jose';

/** How the suite signs the login_hint_token of step 15, as PingOne documents it. */
export interface LoginHintTokenInput {
  /** The application's client secret (step 2): the HMAC key, as UTF-8 bytes. */
  secret: string;
  /** `iss`: the application (client) ID. */
  clientId: string;
  /** `sub`: the user's ID or username. */
  subject: string;
  /** `aud`: the environment's issuer, `${authUrl}/{envID}/as`. */
  audience: string;
  algorithm?: 'HS256' | 'HS384' | 'HS512';
  lifetimeSeconds?: number;
  /** Seconds since the epoch; defaults to now. */
  issuedAt?: number;
}

/** Signs a login_hint_token: header `{ alg, typ: JWT }`, claims iss, sub, aud, iat, exp. */
export async function signLoginHintToken(input: LoginHintTokenInput): Promise<string> {
  const iat = input.issuedAt ?? Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: input.algorithm ?? 'HS256', typ: 'JWT' })
    .setIssuer(input.clientId)
    .setSubject(input.subject)
    .setAudience(input.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (input.lifetimeSeconds ?? 300))
    .sign(new TextEncoder().encode(input.secret));
}
