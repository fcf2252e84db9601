import { expect } from '@playwright/test';
import { startEmulator, type RunningEmulator } from '../src/server.ts';

/** The fixed identity every emulator test runs with. */
export const TEST_ENVIRONMENT_ID = '4f3c2a10-7d6e-4b5a-9c8d-0e1f2a3b4c5d';
export const TEST_CLIENT_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
export const TEST_CLIENT_SECRET =
  'emulator-test-secret-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH';

/** A PingOne-shaped JSON response as tests see it. */
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  body: T;
}

/** Small fetch helpers against one emulator, signed in with one bearer token. */
export interface Api {
  /** `path` is relative to `/v1/environments/{envID}` unless it is an absolute URL. */
  get(path: string): Promise<ApiResponse>;
  post(path: string, body: unknown, contentType?: string): Promise<ApiResponse>;
  put(path: string, body: unknown, contentType?: string): Promise<ApiResponse>;
  delete(path: string): Promise<ApiResponse>;
  /** POSTs and expects 201; returns the created resource. */
  create(path: string, body: unknown): Promise<any>;
}

/** Starts an emulator on 127.0.0.1 (a free port) with the fixed test environment and worker. */
export function startTestEmulator(): Promise<RunningEmulator> {
  return startEmulator({
    environmentId: TEST_ENVIRONMENT_ID,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
  });
}

/** `${url}/v1/environments/{envID}/<segments>`. */
export function managementUrl(emulator: RunningEmulator, ...segments: string[]): string {
  return [`${emulator.url}/v1/environments/${emulator.config.environmentId}`, ...segments].join(
    '/',
  );
}

/** Posts a form to the environment's token endpoint, authenticated with HTTP Basic. */
export function requestToken(
  emulator: RunningEmulator,
  form: Record<string, string>,
  clientId = TEST_CLIENT_ID,
  clientSecret = TEST_CLIENT_SECRET,
): Promise<Response> {
  const basic = Buffer.from(
    `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`,
  ).toString('base64');
  return fetch(`${emulator.url}/${emulator.config.environmentId}/as/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(form).toString(),
  });
}

/** A worker access token obtained through the real token endpoint (client_credentials). */
export async function workerToken(emulator: RunningEmulator): Promise<string> {
  const response = await requestToken(emulator, { grant_type: 'client_credentials' });
  if (response.status !== 200)
    throw new Error(`The worker token request answered ${response.status}.`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Sends one request; `authorization` overrides the bearer header (null sends none). */
export async function send(
  url: string,
  init: {
    method?: string;
    body?: unknown;
    contentType?: string;
    authorization?: string | null;
  } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = {};
  if (init.authorization) headers.authorization = init.authorization;
  if (init.body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}

/** {@link Api} for `emulator`, sending `Authorization: Bearer <token>`. */
export function api(emulator: RunningEmulator, token: string): Api {
  const authorization = `Bearer ${token}`;
  const url = (path: string) =>
    /^https?:/.test(path) ? path : managementUrl(emulator, ...(path ? [path] : []));
  const client: Api = {
    get: (path) => send(url(path), { authorization }),
    post: (path, body, contentType) =>
      send(url(path), { method: 'POST', body, contentType, authorization }),
    put: (path, body, contentType) =>
      send(url(path), { method: 'PUT', body, contentType, authorization }),
    delete: (path) => send(url(path), { method: 'DELETE', authorization }),
    async create(path, body) {
      const response = await client.post(path, body);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body;
    },
  };
  return client;
}

/** Asserts a PingOne error: status, top-level `code`, first detail's `code` and `target`. */
export function expectError(
  response: ApiResponse,
  status: number,
  code: string,
  detail?: { code: string; target?: string },
): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/json');
  expect(response.body).toMatchObject({
    id: expect.any(String),
    code,
    message: expect.any(String),
  });
  if (detail)
    expect(response.body.details?.[0]).toMatchObject({ ...detail, message: expect.any(String) });
}

/** Fetches every `_links` href of `body` (but those in `skip`) and expects each to answer 200. */
export async function expectLinksResolve(
  client: Api,
  body: { _links: Record<string, { href: string }> },
  skip: string[] = [],
) {
  expect(body._links.self).toBeDefined();
  for (const [name, link] of Object.entries(body._links)) {
    if (skip.includes(name)) continue;
    const response = await client.get(link.href);
    expect(response.status, `_links.${name} (${link.href})`).toBe(200);
  }
}

let sequence = 0;
/** A name unique within the test run, matching PingOne's sign-on policy name pattern. */
export function uniqueName(prefix: string): string {
  sequence += 1;
  return `${prefix}_${process.pid}_${sequence}`;
}

/** An OIDC web application body as the workflow's step 1 sends it. */
export function webAppBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    enabled: true,
    name: uniqueName('WebApp'),
    description: 'An OIDC web application.',
    type: 'WEB_APP',
    protocol: 'OPENID_CONNECT',
    grantTypes: ['AUTHORIZATION_CODE'],
    redirectUris: ['https://example.com'],
    responseTypes: ['CODE'],
    tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
    ...overrides,
  };
}

/** An offline (SMS, email, voice) block of a device authentication policy. */
export function offlineBlock(enabled = true): Record<string, unknown> {
  return {
    enabled,
    otp: {
      failure: { count: 3, coolDown: { duration: 0, timeUnit: 'MINUTES' } },
      lifeTime: { duration: 30, timeUnit: 'MINUTES' },
    },
  };
}

/** A device authentication policy body as the workflow's step 13 sends it (less mobile apps). */
export function devicePolicyBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: uniqueName('DevicePolicy'),
    sms: offlineBlock(),
    email: offlineBlock(),
    voice: offlineBlock(false),
    mobile: {
      enabled: true,
      otp: {
        failure: { count: 3, coolDown: { duration: 2, timeUnit: 'MINUTES' } },
        window: { stepSize: { duration: 30, timeUnit: 'SECONDS' } },
      },
    },
    totp: {
      enabled: true,
      otp: { failure: { count: 3, coolDown: { duration: 2, timeUnit: 'MINUTES' } } },
    },
    forSignOnPolicy: false,
    default: false,
    ...overrides,
  };
}

/** A user body with a unique username. */
export function userBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const username = uniqueName('mfa_user');
  return {
    username,
    email: `${username}@example.com`,
    name: { given: 'Test', family: 'MFAUser' },
    ...overrides,
  };
}
