import { randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import { SignJWT } from 'jose';
import type { Emulator } from '../src/context.ts';
import { issuer } from '../src/hal.ts';
import { startEmulator, type RunningEmulator } from '../src/server.ts';
import type { Entity } from '../src/state.ts';

/** Fixed settings of the emulator the auth-plane tests start. */
export const TEST_ENV_ID = '6f2d1c7e-0b7a-4d4e-9a51-3c8f1f0e2a10';
export const WORKER_CLIENT_ID = '0c5b8d3a-7e21-4f6b-9d0a-5a1e2f3b4c5d';
export const WORKER_SECRET = 'worker-secret-for-auth-plane-tests';

/** An emulator on 127.0.0.1 and a free port, seeded, for one spec file. */
export function startAuthEmulator(): Promise<RunningEmulator> {
  return startEmulator({
    environmentId: TEST_ENV_ID,
    clientId: WORKER_CLIENT_ID,
    clientSecret: WORKER_SECRET,
  });
}

/** One device the fixture gives the user. */
export interface DeviceSpec {
  type?: 'SMS' | 'EMAIL' | 'VOICE';
  phone?: string;
  email?: string;
  testMode?: boolean;
  status?: string;
}

/** What an MFA-only sign-on needs, with defaults: a test states only what it is about. */
export interface FixtureOptions {
  devices?: DeviceSpec[];
  mfaEnabled?: boolean;
  userEnabled?: boolean;
  appEnabled?: boolean;
  actionType?: 'MULTI_FACTOR_AUTHENTICATION' | 'LOGIN';
  noDevicesMode?: 'BLOCK' | 'BYPASS';
  failureCount?: number;
  coolDown?: { duration: number; timeUnit: 'MINUTES' | 'SECONDS' };
  lifeTime?: { duration: number; timeUnit: 'MINUTES' | 'SECONDS' };
  otpLength?: number;
  responseTypes?: string[];
  grantTypes?: string[];
  /** Assign the policy to the application (default true). */
  assign?: boolean;
}

/** The entities one fixture laid, and the application's secret. */
export interface MfaFixture {
  application: Entity;
  secret: string;
  user: Entity;
  devices: Entity[];
  signOnPolicy: Entity;
  action: Entity;
  deviceAuthenticationPolicy: Entity;
}

export const REDIRECT_URI = 'https://example.com';

/**
 * Lays an MFA-only sign-on straight into the emulator's state, in the shapes the management API
 * stores: a WEB_APP and its secret, a device authentication policy, a sign-on policy with one
 * action assigned to the app, and an MFA-enabled user with one ACTIVE SMS test device.
 */
export function mfaFixture(emulator: Emulator, options: FixtureOptions = {}): MfaFixture {
  const { collections } = emulator.state;
  const environment = { id: emulator.config.environmentId };
  const at = emulator.state.timestamp();
  const tag = randomUUID().slice(0, 8);
  const secret = `secret-${randomUUID()}`;
  const otp = {
    lifeTime: options.lifeTime ?? { duration: 30, timeUnit: 'MINUTES' },
    failure: {
      count: options.failureCount ?? 3,
      coolDown: options.coolDown ?? { duration: 0, timeUnit: 'MINUTES' },
    },
    otpLength: options.otpLength ?? 6,
  };

  const application = collections.applications.insert({
    id: randomUUID(),
    environment,
    name: `WebAppWithMFA_${tag}`,
    enabled: options.appEnabled ?? true,
    type: 'WEB_APP',
    protocol: 'OPENID_CONNECT',
    grantTypes: options.grantTypes ?? ['AUTHORIZATION_CODE'],
    responseTypes: options.responseTypes ?? ['CODE'],
    redirectUris: [REDIRECT_URI],
    tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
    pkceEnforcement: 'OPTIONAL',
    createdAt: at,
    updatedAt: at,
  });
  collections.applicationSecrets.insert({ id: application.id, secret });

  const deviceAuthenticationPolicy = collections.deviceAuthenticationPolicies.insert({
    id: randomUUID(),
    environment,
    name: `DevicePolicy_${tag}`,
    default: false,
    forSignOnPolicy: false,
    sms: { enabled: true, otp },
    email: { enabled: true, otp },
    voice: { enabled: false, otp },
  });
  const signOnPolicy = collections.signOnPolicies.insert({
    id: randomUUID(),
    environment,
    name: `MFA_Policy_${tag}`,
    default: false,
    createdAt: at,
    updatedAt: at,
  });
  const action = collections.signOnPolicyActions.insert({
    id: randomUUID(),
    environment,
    signOnPolicy: { id: signOnPolicy.id },
    priority: 1,
    type: options.actionType ?? 'MULTI_FACTOR_AUTHENTICATION',
    sms: { enabled: true },
    email: { enabled: true },
    deviceAuthenticationPolicy: { id: deviceAuthenticationPolicy.id },
    noDevicesMode: options.noDevicesMode ?? 'BLOCK',
  });
  if (options.assign !== false)
    collections.signOnPolicyAssignments.insert({
      id: randomUUID(),
      environment,
      application: { id: application.id },
      signOnPolicy: { id: signOnPolicy.id },
      priority: 1,
    });

  const user = collections.users.insert({
    id: randomUUID(),
    environment,
    username: `mfa_user_${tag}`,
    email: `mfa_user_${tag}@example.com`,
    enabled: options.userEnabled ?? true,
    mfaEnabled: options.mfaEnabled ?? true,
    name: { given: 'Test', family: 'MFAUser' },
    createdAt: at,
    updatedAt: at,
  });
  const devices = (options.devices ?? [{ testMode: true }]).map((spec, index) =>
    collections.devices.insert({
      id: randomUUID(),
      environment,
      user: { id: user.id },
      type: spec.type ?? 'SMS',
      status: spec.status ?? 'ACTIVE',
      ...((spec.type ?? 'SMS') === 'EMAIL'
        ? { email: spec.email ?? `otp_${tag}_${index}@example.com` }
        : { phone: spec.phone ?? nextPhone() }),
      ...(spec.testMode !== undefined ? { testMode: spec.testMode } : {}),
      policy: { id: deviceAuthenticationPolicy.id },
      createdAt: at,
      updatedAt: at,
    }),
  );

  return { application, secret, user, devices, signOnPolicy, action, deviceAuthenticationPolicy };
}

let phones = 0;

/** A phone number no other fixture of this process uses. */
function nextPhone(): string {
  phones += 1;
  return `+1413555${String(phones).padStart(4, '0')}`;
}

/** How a test bends a login_hint_token. */
export interface HintOptions {
  alg?: string;
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
  omit?: string[];
  secret?: string;
}

/**
 * A login_hint_token for the fixture's user, as PingOne documents it (HS256, keyed with the app's
 * secret, iss = client id, aud = issuer, iat = now, exp = now + 1 h on the emulator's clock).
 */
export async function loginHintToken(
  emulator: Emulator,
  fixture: MfaFixture,
  options: HintOptions = {},
): Promise<string> {
  const now = Math.floor(emulator.state.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: fixture.application.id,
    sub: fixture.user.id,
    aud: issuer(emulator),
    iat: now,
    exp: now + 3600,
    ...options.claims,
  };
  for (const name of options.omit ?? []) delete claims[name];
  const header = { alg: options.alg ?? 'HS256', typ: 'JWT', ...options.header };

  if (header.alg === 'none') return `${b64(header)}.${b64(claims)}.`;
  if (header.alg === 'RS256') {
    const { generateKeyPair } = await import('jose');
    const { privateKey } = await generateKeyPair('RS256');
    return new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(privateKey);
  }
  const key = new TextEncoder().encode(options.secret ?? fixture.secret);
  return new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(key);
}

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A response as the tests look at it. */
export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

/** Asserts a PingOne-shaped error: status, top-level code and (when given) the first detail. */
export function expectError(
  reply: Reply,
  status: number,
  code: string,
  detail?: { code: string; target?: string; innerError?: Record<string, unknown> },
): void {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(reply.body).toMatchObject({ id: expect.any(String), code, message: expect.any(String) });
  if (detail)
    expect(reply.body.details?.[0]).toMatchObject({ ...detail, message: expect.any(String) });
}

type CookieChoice = { cookie?: string | null };

/**
 * A browserless client of the auth plane. It keeps the `ST` cookie as a cookie jar would and
 * sends it on every call; `{ cookie: null }` leaves it off, `{ cookie: 'ST=…' }` sends another.
 */
export class AuthClient {
  cookie?: string;

  constructor(readonly emulator: RunningEmulator) {}

  authUrl(...segments: string[]): string {
    return [this.emulator.url, this.emulator.config.environmentId, ...segments].join('/');
  }

  authorize(params: Record<string, string>, method: 'GET' | 'POST' = 'GET'): Promise<Reply> {
    const query = new URLSearchParams(params).toString();
    if (method === 'GET')
      return this.send(`${this.authUrl('as', 'authorize')}?${query}`, { method });
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    return this.send(this.authUrl('as', 'authorize'), { method, headers, body: query });
  }

  readFlow(flowId: string, choice: CookieChoice = {}): Promise<Reply> {
    return this.send(this.authUrl('flows', flowId), { method: 'GET' }, choice);
  }

  flowAction(
    flowId: string,
    mediaType: string,
    body: unknown,
    choice: CookieChoice = {},
  ): Promise<Reply> {
    const init = {
      method: 'POST',
      headers: { 'content-type': mediaType },
      body: JSON.stringify(body),
    };
    return this.send(this.authUrl('flows', flowId), init, choice);
  }

  checkOtp(flowId: string, otp: string, choice: CookieChoice = {}): Promise<Reply> {
    return this.flowAction(flowId, 'application/vnd.pingidentity.otp.check+json', { otp }, choice);
  }

  selectDevice(flowId: string, deviceId: string, choice: CookieChoice = {}): Promise<Reply> {
    return this.flowAction(
      flowId,
      'application/vnd.pingidentity.device.select+json',
      { device: { id: deviceId } },
      choice,
    );
  }

  resume(flowId: string, choice: CookieChoice = {}): Promise<Reply> {
    return this.send(`${this.authUrl('as', 'resume')}?flowId=${flowId}`, { method: 'GET' }, choice);
  }

  async send(url: string, init: RequestInit, choice: CookieChoice = {}): Promise<Reply> {
    const cookie = choice.cookie === undefined ? this.cookie : choice.cookie;
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    const set = response.headers.get('set-cookie')?.match(/(?:^|,\s*)(ST=[^;]+)/);
    if (set) this.cookie = set[1];
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json');
    return {
      status: response.status,
      headers: response.headers,
      body: json && text ? JSON.parse(text) : text,
    };
  }
}

/** The pi.flow authorize parameters the workflow sends, for the fixture's application. */
export function piFlowParams(
  fixture: MfaFixture,
  hint: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    client_id: fixture.application.id,
    response_type: 'code',
    response_mode: 'pi.flow',
    login_hint_token: hint,
    ...extra,
  };
}

/** Starts a pi.flow sign-on for the fixture's user; the client then holds its cookie. */
export async function startFlow(
  emulator: RunningEmulator,
  fixture: MfaFixture,
  extra: Record<string, string> = {},
  hint: HintOptions = {},
) {
  const client = new AuthClient(emulator);
  const reply = await client.authorize(
    piFlowParams(fixture, await loginHintToken(emulator, fixture, hint), extra),
  );
  return { client, reply, flowId: reply.body?.id as string };
}

/** Signs the fixture's user on end to end (authorize, test.otp, resume) and returns the code. */
export async function signOn(
  emulator: RunningEmulator,
  fixture: MfaFixture,
  extra: Record<string, string> = {},
) {
  const { client, reply, flowId } = await startFlow(emulator, fixture, extra);
  expect(reply.body.status, JSON.stringify(reply.body)).toBe('OTP_REQUIRED');
  expect((await client.checkOtp(flowId, reply.body.test.otp)).body.status).toBe('COMPLETED');
  const resumed = await client.resume(flowId);
  expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
  return { client, flowId, resumed, code: resumed.body.authorizeResponse.code as string };
}

/** `POST /{envID}/as/token` with the application's Basic credentials and `form`. */
export async function tokenRequest(
  emulator: RunningEmulator,
  credentials: { id: string; secret: string },
  form: Record<string, string>,
): Promise<Reply> {
  const basic = Buffer.from(`${credentials.id}:${credentials.secret}`).toString('base64');
  const headers = {
    authorization: `Basic ${basic}`,
    'content-type': 'application/x-www-form-urlencoded',
  };
  return new AuthClient(emulator).send(
    `${emulator.url}/${emulator.config.environmentId}/as/token`,
    { method: 'POST', headers, body: new URLSearchParams(form).toString() },
  );
}

/** The application's credentials, as tokenRequest takes them. */
export function credentials(fixture: MfaFixture): { id: string; secret: string } {
  return { id: fixture.application.id, secret: fixture.secret };
}

/** Moves the emulator's clock forward through the test-only interface. */
export async function advanceClock(emulator: RunningEmulator, seconds: number): Promise<void> {
  const response = await fetch(`${emulator.url}/__emulator/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceSeconds: seconds }),
  });
  expect(response.status).toBe(200);
}
