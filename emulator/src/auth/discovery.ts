import type { EmulatorContext } from '../context.ts';
import { authHref, issuer } from '../hal.ts';

/** `GET /{envID}/as/jwks`: the public key that signs every token, as a JWK Set. */
export function jwks(c: EmulatorContext): Response {
  const { state } = c.get('emulator');
  return c.json({ keys: [state.signingKey.publicJwk] });
}

/**
 * `GET /{envID}/as/.well-known/openid-configuration`: what the emulator's authorization server
 * serves, every URL built from the auth base URL. Only served endpoints are listed (no userinfo).
 */
export function openidConfiguration(c: EmulatorContext): Response {
  const emulator = c.get('emulator');
  const { collections } = emulator.state;
  const openid = collections.resources.find((resource) => resource.type === 'OPENID_CONNECT');
  const scopes = openid
    ? collections.scopes.list(
        (scope) => (scope.resource as { id?: string } | undefined)?.id === openid.id,
      )
    : [];

  return c.json({
    issuer: issuer(emulator),
    authorization_endpoint: authHref(emulator, 'as', 'authorize'),
    token_endpoint: authHref(emulator, 'as', 'token'),
    jwks_uri: authHref(emulator, 'as', 'jwks'),
    response_types_supported: [
      'code',
      'token',
      'id_token',
      'token id_token',
      'code id_token',
      'code token',
      'code token id_token',
    ],
    response_modes_supported: ['pi.flow', 'query', 'fragment'],
    grant_types_supported: ['authorization_code', 'implicit', 'client_credentials'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    scopes_supported: scopes.length ? scopes.map((scope) => scope.name) : ['openid'],
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'amr',
      'nonce',
      'sid',
      'preferred_username',
      'given_name',
      'family_name',
      'email',
    ],
    request_parameter_supported: false,
    claims_parameter_supported: false,
  });
}
