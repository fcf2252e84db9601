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

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

let emulator: RunningEmulator;
let p1: Api;
let openid: { id: string; _links: Record<string, { href: string }> };
let pingOneApi: { id: string };
let scopeIds: Record<string, string>;

test.beforeAll(async () => {
  emulator = await startTestEmulator();
  p1 = api(emulator, await workerToken(emulator));
  const { body } = await p1.get('resources');
  openid = body._embedded.resources.find((r: { name: string }) => r.name === 'openid');
  pingOneApi = body._embedded.resources.find((r: { name: string }) => r.name === 'PingOne API');
  const { body: scopes } = await p1.get(`resources/${openid.id}/scopes`);
  scopeIds = Object.fromEntries(
    scopes._embedded.scopes.map((s: { name: string; id: string }) => [s.name, s.id]),
  );
});
test.afterAll(() => emulator.close());

test.describe('resources and scopes', () => {
  test('lists the resources, each with links that resolve', async () => {
    const response = await p1.get('resources');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      count: 2,
      size: 2,
      _links: { self: { href: expect.stringContaining('/resources') } },
    });
    for (const item of response.body._embedded.resources) await expectLinksResolve(p1, item);
  });

  test('reads one resource', async () => {
    const response = await p1.get(`resources/${openid.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: openid.id,
      name: 'openid',
      type: 'OPENID_CONNECT',
      environment: { id: emulator.config.environmentId },
    });
  });

  test("lists a resource's scopes, each naming its resource, with links that resolve", async () => {
    const response = await p1.get(`resources/${openid.id}/scopes`);
    expect(response.status).toBe(200);
    expect(response.body.count).toBe(6);
    for (const scope of response.body._embedded.scopes) {
      expect(scope).toMatchObject({
        resource: { id: openid.id },
        environment: { id: emulator.config.environmentId },
      });
      await expectLinksResolve(p1, scope);
    }
  });

  test('answers 404 for an unknown resource, its scopes, and a scope under another resource', async () => {
    expectError(await p1.get(`resources/${UNKNOWN}`), 404, 'NOT_FOUND');
    expectError(await p1.get(`resources/${UNKNOWN}/scopes`), 404, 'NOT_FOUND');
    expectError(
      await p1.get(`resources/${pingOneApi.id}/scopes/${scopeIds.profile}`),
      404,
      'NOT_FOUND',
    );
  });
});

test.describe('application grants', () => {
  test('grants openid scopes to an application: 201, the grant shape, links that resolve', async () => {
    const app = await p1.create('applications', webAppBody());
    const body = {
      resource: { id: openid.id },
      scopes: [{ id: scopeIds.profile }, { id: scopeIds.email }],
    };
    const response = await p1.post(`applications/${app.id}/grants`, body);

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      ...body,
      id: expect.any(String),
      application: { id: app.id },
      environment: { id: emulator.config.environmentId },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    await expectLinksResolve(p1, response.body);
  });

  test('lists, reads and deletes grants', async () => {
    const app = await p1.create('applications', webAppBody());
    const grant = await p1.create(`applications/${app.id}/grants`, {
      resource: { id: openid.id },
      scopes: [{ id: scopeIds.phone }],
    });

    const list = await p1.get(`applications/${app.id}/grants`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ count: 1, size: 1, _embedded: { grants: [grant] } });
    expect((await p1.get(`applications/${app.id}/grants/${grant.id}`)).body).toEqual(grant);

    const deleted = await p1.delete(`applications/${app.id}/grants/${grant.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expectError(await p1.get(`applications/${app.id}/grants/${grant.id}`), 404, 'NOT_FOUND');
  });

  test('requires resource.id and scopes', async () => {
    const app = await p1.create('applications', webAppBody());
    const noResource = await p1.post(`applications/${app.id}/grants`, {
      scopes: [{ id: scopeIds.profile }],
    });
    expectError(noResource, 400, 'INVALID_DATA', { code: 'REQUIRED_VALUE', target: 'resource.id' });
    const noScopes = await p1.post(`applications/${app.id}/grants`, {
      resource: { id: openid.id },
    });
    expectError(noScopes, 400, 'INVALID_DATA', { code: 'REQUIRED_VALUE', target: 'scopes' });
    const emptyScopes = await p1.post(`applications/${app.id}/grants`, {
      resource: { id: openid.id },
      scopes: [],
    });
    expectError(emptyScopes, 400, 'INVALID_DATA', { code: 'EMPTY_VALUE', target: 'scopes' });
  });

  test('rejects a resource that does not exist', async () => {
    const app = await p1.create('applications', webAppBody());
    const response = await p1.post(`applications/${app.id}/grants`, {
      resource: { id: UNKNOWN },
      scopes: [{ id: scopeIds.profile }],
    });
    expectError(response, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'resource.id' });
  });

  test('rejects a scope of another resource, and an unknown scope', async () => {
    const app = await p1.create('applications', webAppBody());
    const other = await p1.post(`applications/${app.id}/grants`, {
      resource: { id: pingOneApi.id },
      scopes: [{ id: scopeIds.profile }],
    });
    expectError(other, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'scopes' });
    const unknown = await p1.post(`applications/${app.id}/grants`, {
      resource: { id: openid.id },
      scopes: [{ id: UNKNOWN }],
    });
    expectError(unknown, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'scopes' });
  });

  test('rejects the openid scope, which PingOne grants implicitly', async () => {
    const app = await p1.create('applications', webAppBody());
    const response = await p1.post(`applications/${app.id}/grants`, {
      resource: { id: openid.id },
      scopes: [{ id: scopeIds.openid }],
    });
    expectError(response, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'scopes' });
  });

  test('rejects a second grant of the same resource to one application', async () => {
    const app = await p1.create('applications', webAppBody());
    const first = await p1.create(`applications/${app.id}/grants`, {
      resource: { id: openid.id },
      scopes: [{ id: scopeIds.email }],
    });
    const response = await p1.post(`applications/${app.id}/grants`, {
      resource: { id: openid.id },
      scopes: [{ id: scopeIds.phone }],
    });
    expectError(response, 400, 'INVALID_DATA', {
      code: 'UNIQUENESS_VIOLATION',
      target: 'resource.id',
    });
    expect(response.body.details[0].innerError.existingId).toBe(first.id);
  });

  test('answers 404 under an unknown application, and for a grant of another application', async () => {
    expectError(await p1.get(`applications/${UNKNOWN}/grants`), 404, 'NOT_FOUND');
    const grant = { resource: { id: openid.id }, scopes: [{ id: scopeIds.profile }] };
    expectError(await p1.post(`applications/${UNKNOWN}/grants`, grant), 404, 'NOT_FOUND');
    const owner = await p1.create('applications', webAppBody());
    const stranger = await p1.create('applications', webAppBody());
    const created = await p1.create(`applications/${owner.id}/grants`, grant);
    expectError(await p1.get(`applications/${stranger.id}/grants/${created.id}`), 404, 'NOT_FOUND');
    expectError(
      await p1.delete(`applications/${stranger.id}/grants/${created.id}`),
      404,
      'NOT_FOUND',
    );
  });
});
