import { expect, test } from '@playwright/test';
import { seededIds } from '../src/seed.ts';
import type { RunningEmulator } from '../src/server.ts';
import {
  api,
  expectLinksResolve,
  startTestEmulator,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  TEST_ENVIRONMENT_ID,
  webAppBody,
  workerToken,
  type Api,
} from './support.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let emulator: RunningEmulator;
let p1: Api;

test.beforeAll(async () => {
  emulator = await startTestEmulator();
  p1 = api(emulator, await workerToken(emulator));
});
test.afterAll(() => emulator.close());

test('reads the environment: a SANDBOX in NA with its organization', async () => {
  const response = await p1.get('');

  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/json');
  expect(response.body).toMatchObject({
    _links: { self: { href: `${emulator.url}/v1/environments/${TEST_ENVIRONMENT_ID}` } },
    id: TEST_ENVIRONMENT_ID,
    name: expect.any(String),
    type: 'SANDBOX',
    region: 'NA',
    organization: { id: expect.stringMatching(UUID) },
    createdAt: expect.stringMatching(TIMESTAMP),
    updatedAt: expect.stringMatching(TIMESTAMP),
  });
  await expectLinksResolve(p1, response.body);
});

test.describe('seed', () => {
  test('has the worker application with the configured client id and secret', async () => {
    const { body: app } = await p1.get(`applications/${TEST_CLIENT_ID}`);
    expect(app).toMatchObject({
      id: TEST_CLIENT_ID,
      environment: { id: TEST_ENVIRONMENT_ID },
      enabled: true,
      type: 'WORKER',
      protocol: 'OPENID_CONNECT',
      tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
      grantTypes: ['CLIENT_CREDENTIALS'],
    });
    const { body: secret } = await p1.get(`applications/${TEST_CLIENT_ID}/secret`);
    expect(secret.secret).toBe(TEST_CLIENT_SECRET);
  });

  test('has the openid resource with the six OIDC scopes, and the PingOne API resource', async () => {
    const { body } = await p1.get('resources');
    const resources = body._embedded.resources;
    const openid = resources.find((r: { name: string }) => r.name === 'openid');
    expect(openid).toMatchObject({ type: 'OPENID_CONNECT', id: expect.stringMatching(UUID) });
    expect(resources.find((r: { name: string }) => r.name === 'PingOne API')).toMatchObject({
      type: 'PINGONE_API',
    });

    const { body: scopes } = await p1.get(`resources/${openid.id}/scopes`);
    const names = scopes._embedded.scopes.map((s: { name: string }) => s.name).sort();
    expect(names).toEqual(['address', 'email', 'offline_access', 'openid', 'phone', 'profile']);
  });

  test('has a default population, sign-on policy (one LOGIN action) and device policy', async () => {
    const { body: populations } = await p1.get('populations');
    expect(
      populations._embedded.populations.filter((p: { default: boolean }) => p.default),
    ).toHaveLength(1);

    const { body: policies } = await p1.get('signOnPolicies');
    const [defaultPolicy] = policies._embedded.signOnPolicies.filter(
      (p: { default: boolean }) => p.default,
    );
    const { body: actions } = await p1.get(`signOnPolicies/${defaultPolicy.id}/actions`);
    expect(actions._embedded.actions).toEqual([
      expect.objectContaining({ type: 'LOGIN', priority: 1 }),
    ]);

    const { body: devicePolicies } = await p1.get('deviceAuthenticationPolicies');
    const [mfaPolicy] = devicePolicies._embedded.deviceAuthenticationPolicies;
    expect(mfaPolicy).toMatchObject({
      default: true,
      forSignOnPolicy: false,
      sms: {
        enabled: true,
        otp: {
          lifeTime: { duration: 30, timeUnit: 'MINUTES' },
          failure: { count: 3, coolDown: { duration: 0, timeUnit: 'MINUTES' } },
          otpLength: 6,
        },
      },
      email: { enabled: true },
      voice: { enabled: true },
      mobile: { enabled: true },
      totp: { enabled: true },
    });
  });

  test('seededIds tells seeded resources from created ones, and a reset lays the seed again', async () => {
    const created = await p1.create('applications', webAppBody());
    const ids = seededIds(emulator);
    expect(ids.has(TEST_ENVIRONMENT_ID)).toBe(true);
    expect(ids.has(TEST_CLIENT_ID)).toBe(true);
    expect(ids.has(created.id)).toBe(false);

    emulator.reset();
    const fresh = api(emulator, await workerToken(emulator));
    expect((await fresh.get(`applications/${created.id}`)).status).toBe(404);
    expect(seededIds(emulator).size).toBe(ids.size);
    p1 = fresh;
  });
});
