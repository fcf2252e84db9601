import type { EmulatorContext } from '../../context.ts';
import { OAuthError } from '../../errors.ts';
import { takeAuthorizationCode } from '../authorization-codes.ts';
import type { AuthenticatedClient } from '../client-authentication.ts';
import { userTokenResponse } from '../user-tokens.ts';

/**
 * `grant_type=authorization_code`: redeems a code from a resumed flow. The code is consumed by its
 * first presentation; it must have been issued to the authenticated client, within its 60-second
 * life, and `redirect_uri` must equal the one sent at authorize (if none was, a registered one is
 * accepted). Answers an access token, an ID token when `openid` was granted, and the scope.
 */
export async function authorizationCode(
  c: EmulatorContext,
  client: AuthenticatedClient,
  form: URLSearchParams,
): Promise<Record<string, unknown>> {
  const emulator = c.get('emulator');
  const { application } = client;
  if (!asArray(application.grantTypes).includes('AUTHORIZATION_CODE'))
    throw new OAuthError(
      400,
      'unauthorized_client',
      'The application may not use the authorization_code grant.',
    );
  const code = form.get('code');
  if (!code) throw new OAuthError(400, 'invalid_request', 'code is required.');

  const grant = takeAuthorizationCode(emulator, code);
  if (grant === undefined)
    throw new OAuthError(
      400,
      'invalid_grant',
      'The authorization code is not valid or was already used.',
    );
  if (grant === 'expired')
    throw new OAuthError(400, 'invalid_grant', 'The authorization code has expired.');
  if (grant.clientId !== application.id)
    throw new OAuthError(
      400,
      'invalid_grant',
      'The authorization code was issued to another client.',
    );

  const redirectUri = form.get('redirect_uri') ?? undefined;
  if (grant.redirectUri !== undefined && redirectUri !== grant.redirectUri)
    throw new OAuthError(
      400,
      'invalid_grant',
      'redirect_uri does not match the one sent in the authorize request.',
    );
  if (
    grant.redirectUri === undefined &&
    redirectUri !== undefined &&
    !asArray(application.redirectUris).includes(redirectUri)
  )
    throw new OAuthError(
      400,
      'invalid_grant',
      "redirect_uri is not one of the application's redirectUris.",
    );

  c.get('log')('code redeemed client=%s', application.id);
  return userTokenResponse(emulator, grant, grant.scopes.includes('openid'));
}

function asArray(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
