import { expect, test } from '@playwright/test';
import type { RunningEmulator } from '../src/server.ts';
import {
  api,
  expectError,
  expectLinksResolve,
  startTestEmulator,
  webAppBody,
  workerToken,
  type Api,
} from './support.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

let emulator: RunningEmulator;
let p1: Api;

test.beforeAll(async () => {
  emulator = await startTestEmulator();
  p1 = api(emulator, await workerToken(emulator));
});
test.afterAll(() => emulator.close());

test.describe('createApplication', () => {
  test('creates an OIDC web application: 201, echoed fields, defaults, links that resolve', async () => {
    const body = webAppBody();
    const response = await p1.post('applications', body);

    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.body).toMatchObject({
      ...body,
      id: expect.stringMatching(UUID),
      environment: { id: emulator.config.environmentId },
      pkceEnforcement: 'OPTIONAL',
      createdAt: expect.stringMatching(TIMESTAMP),
      updatedAt: expect.stringMatching(TIMESTAMP),
    });
    expect(Object.keys(response.body._links).sort()).toEqual([
      'environment',
      'grants',
      'secret',
      'self',
      'signOnPolicyAssignments',
    ]);
    await expectLinksResolve(p1, response.body);
  });

  test('keeps pkceEnforcement when it is sent', async () => {
    const app = await p1.create('applications', webAppBody({ pkceEnforcement: 'S256_REQUIRED' }));
    expect(app.pkceEnforcement).toBe('S256_REQUIRED');
  });

  for (const field of ['name', 'enabled', 'type', 'protocol', 'tokenEndpointAuthMethod']) {
    test(`requires ${field}`, async () => {
      const body = webAppBody();
      delete body[field];
      expectError(await p1.post('applications', body), 400, 'INVALID_DATA', {
        code: 'REQUIRED_VALUE',
        target: field,
      });
    });
  }

  test('rejects an empty name', async () => {
    const response = await p1.post('applications', webAppBody({ name: '  ' }));
    expectError(response, 400, 'INVALID_DATA', { code: 'EMPTY_VALUE', target: 'name' });
  });

  test('rejects an unknown type, naming the allowed values', async () => {
    const response = await p1.post('applications', webAppBody({ type: 'web_app' }));
    expectError(response, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'type' });
    expect(response.body.details[0].innerError.allowedValues).toContain('WEB_APP');
  });

  test('rejects unknown grant types and response types', async () => {
    const grant = await p1.post('applications', webAppBody({ grantTypes: ['authorization_code'] }));
    expectError(grant, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'grantTypes' });
    const responseType = await p1.post('applications', webAppBody({ responseTypes: ['code'] }));
    expectError(responseType, 400, 'INVALID_DATA', {
      code: 'INVALID_VALUE',
      target: 'responseTypes',
    });
  });

  test('rejects a redirect URI that is not absolute', async () => {
    const response = await p1.post('applications', webAppBody({ redirectUris: ['/callback'] }));
    expectError(response, 400, 'INVALID_DATA', {
      code: 'INVALID_VALUE',
      target: 'redirectUris[0]',
    });
  });

  test('refuses to create a built-in application type', async () => {
    const response = await p1.post('applications', webAppBody({ type: 'PING_ONE_PORTAL' }));
    expectError(response, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'type' });
  });

  test('answers explicitly that only OPENID_CONNECT is served', async () => {
    const response = await p1.post('applications', webAppBody({ protocol: 'SAML' }));
    expectError(response, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'protocol' });
    expect(response.body.details[0].message).toContain('OPENID_CONNECT');
  });

  test('answers explicitly which client authentication methods are served', async () => {
    const response = await p1.post(
      'applications',
      webAppBody({ tokenEndpointAuthMethod: 'PRIVATE_KEY_JWT' }),
    );
    expectError(response, 400, 'INVALID_DATA', {
      code: 'INVALID_VALUE',
      target: 'tokenEndpointAuthMethod',
    });
  });

  test('rejects a second application with the same name', async () => {
    const first = await p1.create('applications', webAppBody());
    const response = await p1.post('applications', webAppBody({ name: first.name }));
    expectError(response, 400, 'INVALID_DATA', { code: 'UNIQUENESS_VIOLATION', target: 'name' });
    expect(response.body.details[0].innerError.existingId).toBe(first.id);
  });

  test('answers 415 for a body that is not application/json', async () => {
    const response = await p1.post('applications', 'name=x', 'application/x-www-form-urlencoded');
    expectError(response, 415, 'INVALID_REQUEST');
  });

  test('answers 400 INVALID_REQUEST for a body that is not JSON', async () => {
    expectError(await p1.post('applications', '{"name":'), 400, 'INVALID_REQUEST');
  });
});

test.describe('reading applications', () => {
  test('lists applications in the collection envelope, the worker included', async () => {
    const created = await p1.create('applications', webAppBody());
    const response = await p1.get('applications');

    expect(response.status).toBe(200);
    const { _links, _embedded, count, size } = response.body;
    expect(_links.self.href).toBe(
      `${emulator.url}/v1/environments/${emulator.config.environmentId}/applications`,
    );
    expect(count).toBe(_embedded.applications.length);
    expect(size).toBe(count);
    const ids = _embedded.applications.map((a: { id: string }) => a.id);
    expect(ids).toEqual(expect.arrayContaining([created.id, emulator.config.clientId]));
  });

  test('reads one application as it was created', async () => {
    const created = await p1.create('applications', webAppBody());
    const response = await p1.get(`applications/${created.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(created);
  });

  test('reads the application secret', async () => {
    const created = await p1.create('applications', webAppBody());
    const response = await p1.get(`applications/${created.id}/secret`);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      _links: { self: { href: `${created._links.self.href}/secret` } },
      environment: { id: emulator.config.environmentId },
      secret: expect.stringMatching(/^[A-Za-z0-9_-]{64}$/),
    });
  });

  test('answers 404 for an unknown application and for its secret', async () => {
    expectError(await p1.get(`applications/${UNKNOWN}`), 404, 'NOT_FOUND');
    expectError(await p1.get(`applications/${UNKNOWN}/secret`), 404, 'NOT_FOUND');
  });
});

test.describe('deleteApplication', () => {
  test('deletes with 204 and an empty body, then answers 404', async () => {
    const created = await p1.create('applications', webAppBody());
    const response = await p1.delete(`applications/${created.id}`);

    expect(response.status).toBe(204);
    expect(response.body).toBeUndefined();
    expectError(await p1.get(`applications/${created.id}`), 404, 'NOT_FOUND');
    expectError(await p1.delete(`applications/${created.id}`), 404, 'NOT_FOUND');
  });

  test('takes the grants, the secret and the sign-on policy assignments with it', async () => {
    const app = await p1.create('applications', webAppBody());
    const { body: resources } = await p1.get('resources');
    const openid = resources._embedded.resources.find((r: { name: string }) => r.name === 'openid');
    const { body: scopes } = await p1.get(`resources/${openid.id}/scopes`);
    const profile = scopes._embedded.scopes.find((s: { name: string }) => s.name === 'profile');
    const grant = await p1.create(`applications/${app.id}/grants`, {
      resource: { id: openid.id },
      scopes: [{ id: profile.id }],
    });
    const { body: policies } = await p1.get('signOnPolicies');
    const policy = policies._embedded.signOnPolicies[0];
    const assignment = await p1.create(`applications/${app.id}/signOnPolicyAssignments`, {
      priority: 1,
      signOnPolicy: { id: policy.id },
    });

    expect((await p1.delete(`applications/${app.id}`)).status).toBe(204);
    const { collections } = emulator.state;
    expect(collections.grants.get(grant.id)).toBeUndefined();
    expect(collections.signOnPolicyAssignments.get(assignment.id)).toBeUndefined();
    expect(collections.applicationSecrets.get(app.id)).toBeUndefined();
  });
});
