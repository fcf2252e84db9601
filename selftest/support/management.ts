import { TEST_TENANT } from './run-suite.ts';

/**
 * Plain management calls to a test tenant's emulator, made by hand rather than through the suite:
 * for resources a selftest plants (an untagged application a sweep must spare, a tagged one no
 * ledger knows).
 */

/** A worker access token for {@link TEST_TENANT} (client_credentials, client_secret_basic). */
export async function workerToken(emulatorUrl: string): Promise<string> {
  const basic = Buffer.from(`${TEST_TENANT.clientId}:${TEST_TENANT.clientSecret}`).toString('base64');
  const response = await fetch(`${emulatorUrl}/${TEST_TENANT.environmentId}/as/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  if (response.status !== 200) throw new Error(`The token endpoint answered ${response.status}.`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** `POST /v1/environments/{envID}/<collection>` with `body`; returns the created resource. */
export async function createDirectly(emulatorUrl: string, collection: string, body: object): Promise<{ id: string; name: string }> {
  const response = await fetch(`${emulatorUrl}/v1/environments/${TEST_TENANT.environmentId}/${collection}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await workerToken(emulatorUrl)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`Creating in ${collection} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { id: string; name: string };
}

/** An OIDC web application's create body, named `name`. */
export function webApplication(name: string): object {
  return {
    name,
    enabled: true,
    type: 'WEB_APP',
    protocol: 'OPENID_CONNECT',
    grantTypes: ['AUTHORIZATION_CODE'],
    responseTypes: ['CODE'],
    redirectUris: ['https://example.com/callback'],
    tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
  };
}
