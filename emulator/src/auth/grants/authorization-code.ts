import type { EmulatorContext } from '../../context.ts';
import type { AuthenticatedClient } from '../client-authentication.ts';

/** `grant_type=authorization_code`: redeems a single-use code from a completed flow. */
export async function authorizationCode(c: EmulatorContext, client: AuthenticatedClient, form: URLSearchParams): Promise<Record<string, unknown>> {
  throw new Error('not implemented');
}
