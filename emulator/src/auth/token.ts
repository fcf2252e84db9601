import type { EmulatorContext } from '../context.ts';
import { OAuthError } from '../errors.ts';
import { mediaType } from '../request.ts';
import { authenticateClient } from './client-authentication.ts';
import { clientCredentials } from './grants/client-credentials.ts';
import { authorizationCode } from './grants/authorization-code.ts';

const GRANTS = {
  client_credentials: clientCredentials,
  authorization_code: authorizationCode,
} as const;

/** `POST /{envID}/as/token`: form-encoded, client authenticated by Basic header or form fields. */
export async function token(c: EmulatorContext): Promise<Response> {
  if (mediaType(c) !== 'application/x-www-form-urlencoded')
    throw new OAuthError(400, 'invalid_request', 'The token request must be sent as application/x-www-form-urlencoded.');
  const form = new URLSearchParams(await c.req.text());

  const grantType = form.get('grant_type');
  if (!grantType) throw new OAuthError(400, 'invalid_request', 'grant_type is required.');
  const grant = GRANTS[grantType as keyof typeof GRANTS];
  if (!grant) throw new OAuthError(400, 'unsupported_grant_type', `grant_type "${grantType}" is not supported.`);

  const client = authenticateClient(c, form);
  c.header('Cache-Control', 'no-store');
  c.header('Pragma', 'no-cache');
  return c.json(await grant(c, client, form));
}
