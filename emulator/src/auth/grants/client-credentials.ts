import type { EmulatorContext } from '../../context.ts';
import type { AuthenticatedClient } from '../client-authentication.ts';

/** `grant_type=client_credentials` for the worker application. */
export async function clientCredentials(c: EmulatorContext, client: AuthenticatedClient, form: URLSearchParams): Promise<Record<string, unknown>> {
  throw new Error('not implemented');
}
