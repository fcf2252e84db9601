import type { PingOneClient, TokenSource } from './pingone-client.ts';
import { registerSecret } from './redact.ts';

/** Renew this long before the token expires, so no call goes out with a token about to lapse. */
const RENEW_MARGIN_MS = 60_000;

/**
 * The worker application's access token (client_credentials, client_secret_basic), fetched when
 * first needed, renewed before it expires and after a 401.
 */
export class WorkerToken implements TokenSource {
  private token?: { value: string; expiresAt: number };
  private pending?: Promise<string>;

  constructor(private readonly client: () => PingOneClient) {}

  async get(): Promise<string> {
    if (this.token && this.token.expiresAt - RENEW_MARGIN_MS > Date.now()) return this.token.value;
    this.pending ??= this.fetch().finally(() => (this.pending = undefined));
    return this.pending;
  }

  invalidate(): void {
    this.token = undefined;
  }

  private async fetch(): Promise<string> {
    const client = this.client();
    const { clientId, clientSecret } = client.settings;
    registerSecret(clientSecret, 'client secret');
    const { body } = await client.call<{ access_token: string; expires_in: number }>('token', {
      form: { grant_type: 'client_credentials' },
      auth: { basic: { clientId, clientSecret } },
    });
    registerSecret(body.access_token, 'access token');
    this.token = { value: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
    return body.access_token;
  }
}
