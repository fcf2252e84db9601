import { expect, test } from '@playwright/test';
import type { RunningEmulator } from '../src/server.ts';
import {
  api,
  devicePolicyBody,
  expectError,
  expectLinksResolve,
  offlineBlock,
  startTestEmulator,
  uniqueName,
  workerToken,
  type Api,
} from './support.ts';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

let emulator: RunningEmulator;
let p1: Api;

test.beforeAll(async () => {
  emulator = await startTestEmulator();
  p1 = api(emulator, await workerToken(emulator));
});
test.afterAll(() => emulator.close());

/** The body with one nested field replaced (dotted path; `undefined` removes it). */
function withField(path: string, value: unknown): Record<string, unknown> {
  const body = structuredClone(devicePolicyBody());
  const keys = path.split('.');
  let node = body as Record<string, any>;
  for (const key of keys.slice(0, -1)) node = node[key];
  if (value === undefined) delete node[keys.at(-1)!];
  else node[keys.at(-1)!] = value;
  return body;
}

test("creates the workflow's policy: 201, defaults filled in, links that resolve", async () => {
  const body = devicePolicyBody();
  const response = await p1.post('deviceAuthenticationPolicies', body);

  expect(response.status).toBe(201);
  expect(response.body).toMatchObject({
    id: expect.any(String),
    environment: { id: emulator.config.environmentId },
    name: body.name,
    default: false,
    forSignOnPolicy: false,
    authentication: { deviceSelection: 'DEFAULT_TO_FIRST' },
    sms: {
      enabled: true,
      otp: {
        failure: { count: 3, coolDown: { duration: 0, timeUnit: 'MINUTES' } },
        lifeTime: { duration: 30, timeUnit: 'MINUTES' },
        otpLength: 6,
      },
    },
    voice: { enabled: false },
    mobile: { enabled: true, otp: { window: { stepSize: { duration: 30, timeUnit: 'SECONDS' } } } },
    totp: { enabled: true },
    updatedAt: expect.any(String),
  });
  await expectLinksResolve(p1, response.body);
});

test('keeps an otpLength within 6 to 10 and SECONDS as time unit', async () => {
  const sms = {
    enabled: true,
    otp: {
      failure: { count: 5, coolDown: { duration: 5, timeUnit: 'SECONDS' } },
      lifeTime: { duration: 75, timeUnit: 'SECONDS' },
      otpLength: 8,
    },
  };
  const policy = await p1.create('deviceAuthenticationPolicies', devicePolicyBody({ sms }));
  expect(policy.sms).toEqual(sms);
});

for (const block of ['sms', 'voice', 'email', 'mobile', 'totp']) {
  test(`requires the ${block} block`, async () => {
    const response = await p1.post('deviceAuthenticationPolicies', withField(block, undefined));
    expectError(response, 400, 'INVALID_DATA', { code: 'REQUIRED_VALUE', target: block });
  });
}

const REQUIRED_FIELDS = [
  'name',
  'sms.enabled',
  'sms.otp',
  'sms.otp.lifeTime',
  'sms.otp.lifeTime.duration',
  'sms.otp.lifeTime.timeUnit',
  'sms.otp.failure',
  'sms.otp.failure.count',
  'sms.otp.failure.coolDown',
  'sms.otp.failure.coolDown.duration',
  'sms.otp.failure.coolDown.timeUnit',
  'email.otp.failure.count',
  'mobile.enabled',
  'mobile.otp.failure',
  'totp.otp.failure.coolDown',
];
for (const path of REQUIRED_FIELDS) {
  test(`requires ${path}`, async () => {
    const response = await p1.post('deviceAuthenticationPolicies', withField(path, undefined));
    expectError(response, 400, 'INVALID_DATA', { code: 'REQUIRED_VALUE', target: path });
  });
}

test('rejects an otpLength outside 6 to 10 with OUT_OF_RANGE and its bounds', async () => {
  for (const length of [5, 11]) {
    const response = await p1.post(
      'deviceAuthenticationPolicies',
      withField('sms.otp.otpLength', length),
    );
    expectError(response, 400, 'INVALID_DATA', {
      code: 'OUT_OF_RANGE',
      target: 'sms.otp.otpLength',
    });
    expect(response.body.details[0].innerError).toEqual({
      rangeMinimumValue: 6,
      rangeMaximumValue: 10,
    });
  }
});

test('rejects a time unit other than MINUTES or SECONDS', async () => {
  const response = await p1.post(
    'deviceAuthenticationPolicies',
    withField('sms.otp.lifeTime.timeUnit', 'HOURS'),
  );
  expectError(response, 400, 'INVALID_DATA', {
    code: 'INVALID_VALUE',
    target: 'sms.otp.lifeTime.timeUnit',
  });
  expect(response.body.details[0].innerError.allowedValues).toEqual(['MINUTES', 'SECONDS']);
});

test('rejects a failure count below 1, a negative cool-down and a zero lifetime', async () => {
  const cases: Array<[string, number]> = [
    ['sms.otp.failure.count', 0],
    ['sms.otp.failure.coolDown.duration', -1],
    ['sms.otp.lifeTime.duration', 0],
  ];
  for (const [path, value] of cases) {
    const response = await p1.post('deviceAuthenticationPolicies', withField(path, value));
    expectError(response, 400, 'INVALID_DATA', { code: 'OUT_OF_RANGE', target: path });
  }
  const text = await p1.post(
    'deviceAuthenticationPolicies',
    withField('sms.otp.failure.count', '3'),
  );
  expectError(text, 400, 'INVALID_DATA', {
    code: 'INVALID_VALUE',
    target: 'sms.otp.failure.count',
  });
});

test('refuses a new policy as the default or forSignOnPolicy', async () => {
  const asDefault = await p1.post(
    'deviceAuthenticationPolicies',
    devicePolicyBody({ default: true }),
  );
  expectError(asDefault, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'default' });
  const forSop = await p1.post(
    'deviceAuthenticationPolicies',
    devicePolicyBody({ forSignOnPolicy: true }),
  );
  expectError(forSop, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'forSignOnPolicy' });
});

test('rejects a duplicate name', async () => {
  const first = await p1.create('deviceAuthenticationPolicies', devicePolicyBody());
  const response = await p1.post(
    'deviceAuthenticationPolicies',
    devicePolicyBody({ name: first.name }),
  );
  expectError(response, 400, 'INVALID_DATA', { code: 'UNIQUENESS_VIOLATION', target: 'name' });
});

test('lists and reads policies; 404 for an unknown one', async () => {
  const created = await p1.create(
    'deviceAuthenticationPolicies',
    devicePolicyBody({ email: offlineBlock(false) }),
  );
  const list = await p1.get('deviceAuthenticationPolicies');
  expect(list.status).toBe(200);
  expect(list.body._embedded.deviceAuthenticationPolicies).toContainEqual(created);
  expect(list.body.count).toBe(list.body._embedded.deviceAuthenticationPolicies.length);
  expect((await p1.get(`deviceAuthenticationPolicies/${created.id}`)).body).toEqual(created);
  expectError(await p1.get(`deviceAuthenticationPolicies/${UNKNOWN}`), 404, 'NOT_FOUND');
});

test('deletes a policy with 204; 404 afterwards', async () => {
  const created = await p1.create('deviceAuthenticationPolicies', devicePolicyBody());
  const response = await p1.delete(`deviceAuthenticationPolicies/${created.id}`);
  expect(response.status).toBe(204);
  expectError(await p1.get(`deviceAuthenticationPolicies/${created.id}`), 404, 'NOT_FOUND');
});

test('refuses to delete the default policy', async () => {
  const { body } = await p1.get('deviceAuthenticationPolicies');
  const current = body._embedded.deviceAuthenticationPolicies.find(
    (p: { default: boolean }) => p.default,
  );
  const response = await p1.delete(`deviceAuthenticationPolicies/${current.id}`);
  expectError(response, 400, 'INVALID_DATA', { code: 'CONSTRAINT_VIOLATION' });
});

test('refuses to delete a policy a sign-on policy action uses, until the policy is gone', async () => {
  const devicePolicy = await p1.create('deviceAuthenticationPolicies', devicePolicyBody());
  const signOnPolicy = await p1.create('signOnPolicies', { name: uniqueName('MFA_Policy') });
  await p1.create(`signOnPolicies/${signOnPolicy.id}/actions`, {
    priority: 1,
    type: 'MULTI_FACTOR_AUTHENTICATION',
    deviceAuthenticationPolicy: { id: devicePolicy.id },
  });

  const refused = await p1.delete(`deviceAuthenticationPolicies/${devicePolicy.id}`);
  expectError(refused, 400, 'INVALID_DATA', { code: 'CONSTRAINT_VIOLATION' });
  expect(refused.body.details[0].message).toContain(signOnPolicy.id);

  await p1.delete(`signOnPolicies/${signOnPolicy.id}`);
  expect((await p1.delete(`deviceAuthenticationPolicies/${devicePolicy.id}`)).status).toBe(204);
});
