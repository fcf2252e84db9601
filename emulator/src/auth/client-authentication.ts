import { timingSafeEqual } from 'node:crypto';
import type { EmulatorContext } from '../context.ts';
import { OAuthError } from '../errors.ts';
import type { Entity } from '../state.ts';

/** An application that proved who it is at the token endpoint. */
export interface AuthenticatedClient {
  application: Entity;
  method: 'CLIENT_SECRET_BASIC' | 'CLIENT_SECRET_POST';
}

/**
 * Authenticates the client by HTTP Basic (client_secret_basic) or by `client_id` and
 * `client_secret` form fields (client_secret_post), against the application's secret. The method
 * must be the application's `tokenEndpointAuthMethod`, as PingOne enforces.
 */
export function authenticateClient(c: EmulatorContext, form: URLSearchParams): AuthenticatedClient {
  const { state } = c.get('emulator');
  const header = c.req.header('authorization');
  let clientId: string | null;
  let secret: string | null;
  let method: AuthenticatedClient['method'];
  if (header?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw invalidClient();
    clientId = safeDecode(decoded.slice(0, colon));
    secret = safeDecode(decoded.slice(colon + 1));
    method = 'CLIENT_SECRET_BASIC';
    if (form.has('client_secret')) throw new OAuthError(400, 'invalid_request', 'Use one client authentication method, not both.');
  } else {
    clientId = form.get('client_id');
    secret = form.get('client_secret');
    method = 'CLIENT_SECRET_POST';
  }
  if (!clientId || !secret) throw invalidClient();

  const application = state.collections.applications.get(clientId);
  const stored = application && state.collections.applicationSecrets.get(clientId)?.secret;
  if (!application || typeof stored !== 'string' || !equal(stored, secret)) throw invalidClient();
  if (application.enabled === false) throw new OAuthError(401, 'invalid_client', 'The application is disabled.');
  if (application.tokenEndpointAuthMethod !== method)
    throw new OAuthError(401, 'invalid_client', `The application authenticates with ${application.tokenEndpointAuthMethod}, not ${method}.`);

  return { application, method };
}

function invalidClient(): OAuthError {
  return new OAuthError(401, 'invalid_client', 'Client authentication failed.', { 'WWW-Authenticate': 'Basic realm="PingOne"' });
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
