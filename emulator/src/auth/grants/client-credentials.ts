import type { EmulatorContext } from '../../context.ts';
import { OAuthError } from '../../errors.ts';
import type { AuthenticatedClient } from '../client-authentication.ts';
import { signToken, TOKEN_LIFETIME_SECONDS } from '../tokens.ts';

/**
 * `grant_type=client_credentials`: an RS256 access token for an application whose grantTypes
 * include CLIENT_CREDENTIALS. The token carries no `scope` (a worker's rights come from its role
 * assignments, not from scopes), `aud` the management API, and the environment and organization.
 */
export async function clientCredentials(
  c: EmulatorContext,
  client: AuthenticatedClient,
  form: URLSearchParams,
): Promise<Record<string, unknown>> {
  const emulator = c.get('emulator');
  const { application } = client;
  const grantTypes = Array.isArray(application.grantTypes) ? application.grantTypes : [];
  if (!grantTypes.includes('CLIENT_CREDENTIALS'))
    throw new OAuthError(
      400,
      'unauthorized_client',
      'The application may not use the client_credentials grant.',
    );
  if (form.has('scope'))
    c.get('log')?.('client_credentials ignores scope for client=%s', application.id);

  const environment = emulator.state.collections.environments.get(emulator.config.environmentId);
  const organization = (environment?.organization as { id?: string } | undefined)?.id;
  const accessToken = await signToken(emulator, {
    client_id: application.id,
    aud: [emulator.config.apiBaseUrl],
    ...(organization ? { org: organization } : {}),
  });
  return { access_token: accessToken, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS };
}
