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

test.describe('sign-on policy assignments', () => {
  test('assigns a policy to an application: 201, links that resolve; lists, reads, deletes', async () => {
    const { policy } = await policyWithAction();
    const app = await p1.create('applications', webAppBody());
    const response = await p1.post(`applications/${app.id}/signOnPolicyAssignments`, {
      priority: 10,
      signOnPolicy: { id: policy.id },
    });

    expect(response.status).toBe(201);
    const assignment = response.body;
    expect(assignment).toMatchObject({
      id: expect.any(String),
      environment: { id: emulator.config.environmentId },
      application: { id: app.id },
      priority: 10,
      signOnPolicy: { id: policy.id },
    });
    await expectLinksResolve(p1, assignment);

    const path = `applications/${app.id}/signOnPolicyAssignments`;
    expect((await p1.get(path)).body).toMatchObject({
      count: 1,
      _embedded: { signOnPolicyAssignments: [assignment] },
    });
    expect((await p1.get(`${path}/${assignment.id}`)).body).toEqual(assignment);
    expect((await p1.delete(`${path}/${assignment.id}`)).status).toBe(204);
    expectError(await p1.get(`${path}/${assignment.id}`), 404, 'NOT_FOUND');
  });

  test('validates priority and the policy: required, existing, with actions, once per application', async () => {
    const app = await p1.create('applications', webAppBody());
    const path = `applications/${app.id}/signOnPolicyAssignments`;
    const { policy } = await policyWithAction();
    expectError(await p1.post(path, { signOnPolicy: { id: policy.id } }), 400, 'INVALID_DATA', {
      code: 'REQUIRED_VALUE',
      target: 'priority',
    });
    expectError(await p1.post(path, { priority: 1 }), 400, 'INVALID_DATA', {
      code: 'REQUIRED_VALUE',
      target: 'signOnPolicy.id',
    });
    const unknown = await p1.post(path, { priority: 1, signOnPolicy: { id: UNKNOWN } });
    expectError(unknown, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'signOnPolicy.id' });
    const empty = await p1.create('signOnPolicies', { name: uniqueName('Empty') });
    const noActions = await p1.post(path, { priority: 1, signOnPolicy: { id: empty.id } });
    expectError(noActions, 400, 'INVALID_DATA', {
      code: 'CONSTRAINT_VIOLATION',
      target: 'signOnPolicy.id',
    });

    await p1.create(path, { priority: 1, signOnPolicy: { id: policy.id } });
    const twice = await p1.post(path, { priority: 2, signOnPolicy: { id: policy.id } });
    expectError(twice, 400, 'INVALID_DATA', {
      code: 'UNIQUENESS_VIOLATION',
      target: 'signOnPolicy.id',
    });
  });

  test('answers 404 under an unknown application', async () => {
    const { policy } = await policyWithAction();
    const body = { priority: 1, signOnPolicy: { id: policy.id } };
    expectError(
      await p1.post(`applications/${UNKNOWN}/signOnPolicyAssignments`, body),
      404,
      'NOT_FOUND',
    );
    expectError(await p1.get(`applications/${UNKNOWN}/signOnPolicyAssignments`), 404, 'NOT_FOUND');
  });
});
