import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Next } from 'hono';
import { jwtVerify, type JWTPayload } from 'jose';
import type { Emulator, EmulatorContext } from '../context.ts';
import { errors, type PingOneError } from '../errors.ts';
import { issuer } from '../hal.ts';

const publicKeys = new WeakMap<KeyObject, KeyObject>();

/**
 * Checks the worker bearer token on every management call, in PingOne's order of answers:
 * no usable token is 401 ACCESS_FAILED / INVALID_TOKEN; a good token that may not act here (not a
 * worker application's, or for another environment, or a path environment that is not this one)
 * is 403 ACCESS_FAILED / INSUFFICIENT_PERMISSIONS. No message ever repeats the token.
 */
export async function requireWorkerToken(c: EmulatorContext, next: Next): Promise<void> {
  const emulator = c.get('emulator');
  const token = bearerToken(c.req.header('authorization'));
  const claims = await verify(emulator, token);

  const pathEnvironment = c.req.param('envID')?.toLowerCase();
  if (claims.env !== emulator.config.environmentId)
    throw errors.insufficientPermissions('The access token was issued for another environment.');
  if (pathEnvironment !== emulator.config.environmentId)
    throw errors.insufficientPermissions(
      'The environment in the path does not exist or the token may not act on it.',
    );

  const clientId = claims.client_id;
  const application =
    typeof clientId === 'string'
      ? emulator.state.collections.applications.get(clientId)
      : undefined;
  if (!application)
    throw errors.invalidToken('The application the access token was issued to no longer exists.');
  if (application.type !== 'WORKER')
    throw errors.insufficientPermissions(
      `A ${String(application.type)} application's token may not call the management API; use a WORKER's.`,
    );

  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(emulator.config.apiBaseUrl))
    throw errors.invalidToken(
      'The access token was not issued for the management API (its aud claim names another audience).',
    );

  await next();
}

function bearerToken(header: string | undefined): string {
  if (!header)
    throw errors.invalidToken(
      'The request has no Authorization header; send "Authorization: Bearer <worker access token>".',
    );
  const [scheme, token, ...rest] = header.trim().split(/\s+/);
  if (scheme?.toLowerCase() !== 'bearer')
    throw errors.invalidToken('The Authorization header must use the Bearer scheme.');
  if (!token || rest.length > 0)
    throw errors.invalidToken('The Authorization header carries no single bearer token.');
  return token;
}

async function verify(emulator: Emulator, token: string): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, publicKeyOf(emulator), {
      algorithms: ['RS256'],
      issuer: issuer(emulator),
      requiredClaims: ['exp', 'client_id', 'env'],
      currentDate: new Date(emulator.state.now()),
      clockTolerance: 0,
    });
    return payload;
  } catch (error) {
    throw tokenError(error);
  }
}

/** Turns a jose failure into INVALID_TOKEN, told apart by jose's error `code`, never its text. */
function tokenError(error: unknown): PingOneError {
  const { code, claim } = (error ?? {}) as { code?: string; claim?: string };
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return errors.invalidToken('The access token has expired; request a new worker token.');
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return errors.invalidToken(
        "The access token's signature does not verify with this environment's signing key.",
      );
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return errors.invalidToken('The access token must be signed with RS256.');
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return errors.invalidToken('The access token is not a well-formed signed JWT.');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'iss')
        return errors.invalidToken(
          'The access token was issued by another issuer than this environment.',
        );
      if (claim === 'nbf' || claim === 'iat')
        return errors.invalidToken('The access token is not valid yet.');
      return errors.invalidToken(`The access token's "${claim}" claim is missing or not valid.`);
    default:
      return errors.invalidToken('The access token could not be verified.');
  }
}

function publicKeyOf(emulator: Emulator): KeyObject {
  const { privateKey } = emulator.state.signingKey;
  let key = publicKeys.get(privateKey);
  if (!key) {
    key = createPublicKey(privateKey);
    publicKeys.set(privateKey, key);
  }
  return key;
}
