import { expect, test } from '@playwright/test';
import type { RunningEmulator } from '../src/server.ts';
import {
  api,
  expectError,
  expectLinksResolve,
  startTestEmulator,
  uniqueName,
  webAppBody,
  workerToken,
  type Api,
} from './support.ts';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
/** The workflow's step 7 body. */
const SMS_ACTION = {
  priority: 1,
  type: 'MULTI_FACTOR_AUTHENTICATION',
  sms: { enabled: true },
  email: { enabled: false },
};

let emulator: RunningEmulator;
let p1: Api;

test.beforeAll(async () => {
  emulator = await startTestEmulator();
  p1 = api(emulator, await workerToken(emulator));
});
test.afterAll(() => emulator.close());

async function policyWithAction() {
  const policy = await p1.create('signOnPolicies', { name: uniqueName('MFA_Policy') });
  const action = await p1.create(`signOnPolicies/${policy.id}/actions`, SMS_ACTION);
  return { policy, action };
}

test.describe('sign-on policies', () => {
  test('creates a policy: 201, default false, an actions link, links that resolve', async () => {
    const name = uniqueName('MFA_Policy');
    const response = await p1.post('signOnPolicies', { name, description: 'MFA only.' });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      id: expect.any(String),
      environment: { id: emulator.config.environmentId },
      name,
      description: 'MFA only.',
      default: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(response.body._links.actions.href).toBe(`${response.body._links.self.href}/actions`);
    await expectLinksResolve(p1, response.body);
  });

  test('accepts "default": "false" as the PingOne docs send it, and an absolute URI as name', async () => {
    const stringy = await p1.post('signOnPolicies', {
      name: uniqueName('Policy'),
      default: 'false',
    });
    expect(stringy.status).toBe(201);
    const uri = await p1.post('signOnPolicies', { name: `urn:example:${uniqueName('policy')}` });
    expect(uri.status).toBe(201);
  });

  test('requires a name following the documented pattern', async () => {
    expectError(await p1.post('signOnPolicies', {}), 400, 'INVALID_DATA', {
      code: 'REQUIRED_VALUE',
      target: 'name',
    });
    const spaced = await p1.post('signOnPolicies', { name: 'MFA policy!' });
    expectError(spaced, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'name' });
    expect(spaced.body.details[0].innerError.allowedPattern).toBe('^[a-zA-Z0-9_.-]+$');
    const colon = await p1.post('signOnPolicies', { name: 'not a:uri' });
    expectError(colon, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'name' });
  });

  test('rejects a duplicate name and a policy created as default', async () => {
    const first = await p1.create('signOnPolicies', { name: uniqueName('Policy') });
    const duplicate = await p1.post('signOnPolicies', { name: first.name });
    expectError(duplicate, 400, 'INVALID_DATA', { code: 'UNIQUENESS_VIOLATION', target: 'name' });
    const asDefault = await p1.post('signOnPolicies', {
      name: uniqueName('Policy'),
      default: true,
    });
    expectError(asDefault, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'default' });
  });

  test('lists and reads policies', async () => {
    const created = await p1.create('signOnPolicies', { name: uniqueName('Policy') });
    const list = await p1.get('signOnPolicies');
    expect(list.status).toBe(200);
    expect(list.body._embedded.signOnPolicies).toContainEqual(created);
    expect(list.body.count).toBe(list.body._embedded.signOnPolicies.length);
    expect((await p1.get(`signOnPolicies/${created.id}`)).body).toEqual(created);
    expectError(await p1.get(`signOnPolicies/${UNKNOWN}`), 404, 'NOT_FOUND');
  });

  test('deletes a policy with its actions', async () => {
    const { policy, action } = await policyWithAction();
    const response = await p1.delete(`signOnPolicies/${policy.id}`);
    expect(response.status).toBe(204);
    expectError(await p1.get(`signOnPolicies/${policy.id}`), 404, 'NOT_FOUND');
    expect(emulator.state.collections.signOnPolicyActions.get(action.id)).toBeUndefined();
  });

  test('refuses to delete the default policy', async () => {
    const { body } = await p1.get('signOnPolicies');
    const defaultPolicy = body._embedded.signOnPolicies.find(
      (p: { default: boolean }) => p.default,
    );
    const response = await p1.delete(`signOnPolicies/${defaultPolicy.id}`);
    expectError(response, 400, 'INVALID_DATA', { code: 'CONSTRAINT_VIOLATION' });
  });

  test('refuses to delete a policy still assigned to an application, naming the assignment', async () => {
    const { policy } = await policyWithAction();
    const app = await p1.create('applications', webAppBody());
    const assignment = await p1.create(`applications/${app.id}/signOnPolicyAssignments`, {
      priority: 1,
      signOnPolicy: { id: policy.id },
    });

    const response = await p1.delete(`signOnPolicies/${policy.id}`);
    expectError(response, 400, 'INVALID_DATA', { code: 'CONSTRAINT_VIOLATION' });
    expect(response.body.details[0].message).toContain(assignment.id);
  });
});

test.describe('sign-on policy actions', () => {
  test("creates the workflow's SMS MFA action: 201, noDevicesMode BLOCK, links that resolve", async () => {
    const policy = await p1.create('signOnPolicies', { name: uniqueName('MFA_Policy') });
    const response = await p1.post(`signOnPolicies/${policy.id}/actions`, SMS_ACTION);

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      ...SMS_ACTION,
      id: expect.any(String),
      environment: { id: emulator.config.environmentId },
      signOnPolicy: { id: policy.id },
      noDevicesMode: 'BLOCK',
    });
    await expectLinksResolve(p1, response.body);
  });

  test('keeps a device authentication policy and noDevicesMode BYPASS', async () => {
    const policy = await p1.create('signOnPolicies', { name: uniqueName('MFA_Policy') });
    const { body } = await p1.get('deviceAuthenticationPolicies');
    const devicePolicy = body._embedded.deviceAuthenticationPolicies[0];
    const action = await p1.create(`signOnPolicies/${policy.id}/actions`, {
      priority: 1,
      type: 'MULTI_FACTOR_AUTHENTICATION',
      deviceAuthenticationPolicy: { id: devicePolicy.id },
      noDevicesMode: 'BYPASS',
    });
    expect(action).toMatchObject({
      deviceAuthenticationPolicy: { id: devicePolicy.id },
      noDevicesMode: 'BYPASS',
    });
  });

  test('validates priority, type, noDevicesMode and the device authentication policy', async () => {
    const policy = await p1.create('signOnPolicies', { name: uniqueName('MFA_Policy') });
    const path = `signOnPolicies/${policy.id}/actions`;
    const { priority, ...noPriority } = SMS_ACTION;
    expectError(await p1.post(path, noPriority), 400, 'INVALID_DATA', {
      code: 'REQUIRED_VALUE',
      target: 'priority',
    });
    const zero = await p1.post(path, { ...SMS_ACTION, priority: 0 });
    expectError(zero, 400, 'INVALID_DATA', { code: 'OUT_OF_RANGE', target: 'priority' });
    expect(zero.body.details[0].innerError.rangeMinimumValue).toBe(priority);
    expectError(await p1.post(path, { priority: 1 }), 400, 'INVALID_DATA', {
      code: 'REQUIRED_VALUE',
      target: 'type',
    });
    expectError(await p1.post(path, { ...SMS_ACTION, type: 'MFA' }), 400, 'INVALID_DATA', {
      code: 'INVALID_VALUE',
      target: 'type',
    });
    const unserved = await p1.post(path, { ...SMS_ACTION, type: 'IDENTITY_PROVIDER' });
    expectError(unserved, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'type' });
    const mode = await p1.post(path, { ...SMS_ACTION, noDevicesMode: 'ALLOW' });
    expectError(mode, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'noDevicesMode' });
    const unknownPolicy = await p1.post(path, {
      ...SMS_ACTION,
      deviceAuthenticationPolicy: { id: UNKNOWN },
    });
    expectError(unknownPolicy, 400, 'INVALID_DATA', {
      code: 'INVALID_VALUE',
      target: 'deviceAuthenticationPolicy.id',
    });
    const smsFlag = await p1.post(path, { ...SMS_ACTION, sms: { enabled: 'yes' } });
    expectError(smsFlag, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'sms.enabled' });
  });

  test('lists, reads and deletes actions; 404 under an unknown policy', async () => {
    const { policy, action } = await policyWithAction();
    const second = await p1.create(`signOnPolicies/${policy.id}/actions`, {
      ...SMS_ACTION,
      priority: 2,
    });
    const list = await p1.get(`signOnPolicies/${policy.id}/actions`);
    expect(list.body).toMatchObject({ count: 2, _embedded: { actions: [action, second] } });
    expect((await p1.get(`signOnPolicies/${policy.id}/actions/${action.id}`)).body).toEqual(action);

    expect((await p1.delete(`signOnPolicies/${policy.id}/actions/${second.id}`)).status).toBe(204);
    expectError(await p1.get(`signOnPolicies/${policy.id}/actions/${second.id}`), 404, 'NOT_FOUND');
    expectError(await p1.get(`signOnPolicies/${UNKNOWN}/actions`), 404, 'NOT_FOUND');
    expectError(await p1.post(`signOnPolicies/${UNKNOWN}/actions`, SMS_ACTION), 404, 'NOT_FOUND');
  });

  test('refuses to delete the last action of a policy', async () => {
    const { policy, action } = await policyWithAction();
    const response = await p1.delete(`signOnPolicies/${policy.id}/actions/${action.id}`);
    expectError(response, 400, 'INVALID_DATA', { code: 'CONSTRAINT_VIOLATION' });
    expect(response.body.details[0].message).toContain('delete the sign-on policy');
  });
});
