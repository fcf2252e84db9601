import { decodeProtectedHeader, errors as jose, jwtVerify, type JWTPayload } from 'jose';
import type { Emulator } from '../context.ts';
import { errors, type PingOneError } from '../errors.ts';
import { issuer } from '../hal.ts';
import type { Entity } from '../state.ts';

/** The algorithms PingOne accepts for a login_hint_token: HMAC keyed with the client secret. */
export const LOGIN_HINT_TOKEN_ALGORITHMS = ['HS256', 'HS384', 'HS512'];

const ALGORITHM_LIST = LOGIN_HINT_TOKEN_ALGORITHMS.join(', ');
const TARGET = 'login_hint_token';

/**
 * Verifies a `login_hint_token` as PingOne documents it and returns the user it names: an HMAC JWT
 * signed with `application`'s current secret, `iss` = the application ID, `aud` = the environment
 * issuer, `exp` and `iat` required and checked against the emulator clock, `sub` = a user ID or
 * username of an enabled user. No `cty` (nesting) or `enc` (encryption) header is allowed. Every
 * rejection names the reason; none repeats the token.
 */
export async function verifyLoginHintToken(
  emulator: Emulator,
  application: Entity,
  token: string,
): Promise<Entity> {
  const { state } = emulator;
  const header = readHeader(token);
  if ('enc' in header)
    throw rejected('The login_hint_token must be a signed JWT, not an encrypted one (enc header).');
  if ('cty' in header)
    throw rejected('The login_hint_token must not be a nested JWT (cty header).');
  if (typeof header.alg !== 'string' || !LOGIN_HINT_TOKEN_ALGORITHMS.includes(header.alg))
    throw rejected(
      `The login_hint_token must be signed with ${ALGORITHM_LIST}; "alg" is ${String(header.alg)}.`,
    );

  const secret = state.collections.applicationSecrets.get(application.id)?.secret;
  if (typeof secret !== 'string')
    throw rejected('The application has no secret to verify the login_hint_token with.');

  const payload = await verify(emulator, application, token, secret);
  const nowSeconds = Math.floor(state.now() / 1000);
  if (typeof payload.iat === 'number' && payload.iat > nowSeconds)
    throw rejected(
      'The login_hint_token was issued in the future ("iat" is after the current time).',
      'iat',
    );

  const sub = payload.sub;
  if (typeof sub !== 'string' || sub === '')
    throw rejected('The login_hint_token has no "sub" claim naming the user.', 'sub');
  const user =
    state.collections.users.get(sub) ?? state.collections.users.find((u) => u.username === sub);
  if (!user) throw rejected('The login_hint_token "sub" names no user of this environment.', 'sub');
  if (user.enabled === false)
    throw errors.invalidRequest('The login_hint_token names a user who cannot sign on.', [
      {
        code: 'ACCOUNT_NOT_USABLE',
        target: TARGET,
        message: 'The user named by "sub" is disabled.',
        innerError: { claim: 'sub' },
      },
    ]);

  return user;
}

function readHeader(token: string): Record<string, unknown> {
  try {
    return decodeProtectedHeader(token) as Record<string, unknown>;
  } catch {
    throw rejected('The login_hint_token is not a JWT (it does not have a readable header).');
  }
}

async function verify(
  emulator: Emulator,
  application: Entity,
  token: string,
  secret: string,
): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: LOGIN_HINT_TOKEN_ALGORITHMS,
      issuer: application.id,
      audience: issuer(emulator),
      requiredClaims: ['exp', 'iat', 'sub'],
      currentDate: new Date(emulator.state.now()),
      clockTolerance: 0,
    });
    return payload;
  } catch (error) {
    throw translate(error);
  }
}

/** Maps jose's error codes (never its messages) to PingOne-shaped rejections. */
function translate(error: unknown): PingOneError {
  if (!(error instanceof jose.JOSEError)) throw error;
  switch (error.code) {
    case 'ERR_JWT_EXPIRED':
      return rejected('The login_hint_token has expired ("exp" is past).', 'exp');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return claimRejected(error as jose.JWTClaimValidationFailed);
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return rejected(
        "The login_hint_token signature does not verify with the application's secret.",
      );
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return rejected(`The login_hint_token must be signed with ${ALGORITHM_LIST}.`);
    default:
      return rejected('The login_hint_token is not a well-formed signed JWT.');
  }
}

function claimRejected({ claim, reason }: jose.JWTClaimValidationFailed): PingOneError {
  if (reason === 'missing') return rejected(`The login_hint_token has no "${claim}" claim.`, claim);
  if (claim === 'iss')
    return rejected('The login_hint_token "iss" must be the client_id of the application.', 'iss');
  if (claim === 'aud')
    return rejected('The login_hint_token "aud" must be the environment\'s issuer URL.', 'aud');
  return rejected(`The login_hint_token "${claim}" claim is not acceptable.`, claim);
}

function rejected(message: string, claim?: string): PingOneError {
  return errors.invalidRequest('The login_hint_token is not valid.', [
    { code: 'INVALID_VALUE', target: TARGET, message, ...(claim ? { innerError: { claim } } : {}) },
  ]);
}
