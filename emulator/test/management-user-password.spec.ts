import { expect, test } from '@playwright/test';
import { verifyPassword } from '../src/management/password-policy.ts';
import type { RunningEmulator } from '../src/server.ts';
import { api, expectError, startTestEmulator, userBody, workerToken, type Api } from './support.ts';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const PASSWORD_SET = 'application/vnd.pingidentity.password.set+json';
const GOOD = 'Sup3r$ecret!';

let emulator: RunningEmulator;
let p1: Api;

test.beforeAll(async () => {
  emulator = await startTestEmulator();
  p1 = api(emulator, await workerToken(emulator));
});
test.afterAll(() => emulator.close());

function setPassword(userId: string, body: Record<string, unknown>, contentType = PASSWORD_SET) {
  return p1.put(`users/${userId}/password`, body, contentType);
}

test('sets a password: 200 with the password state, kept only as a hash', async () => {
  const user = await p1.create('users', userBody());
  const response = await setPassword(user.id, { value: GOOD, forceChange: false });

  expect(response.status).toBe(200);
  expect(response.body).toEqual({
    _links: { self: { href: `${user._links.self.href}/password` } },
    environment: { id: emulator.config.environmentId },
    user: { id: user.id },
    passwordPolicy: { id: expect.any(String) },
    status: 'OK',
    lastChangedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
  });
  const stored = emulator.state.collections.passwords.get(user.id)!;
  expect(JSON.stringify(stored)).not.toContain(GOOD);
  expect(await verifyPassword(GOOD, stored.hash as string)).toBe(true);
  expect(await verifyPassword('Other$ecret1', stored.hash as string)).toBe(false);

  const state = await p1.get(`users/${user.id}/password`);
  expect(state.body).toEqual(response.body);
});

test('reports MUST_CHANGE_PASSWORD when forceChange is true', async () => {
  const user = await p1.create('users', userBody());
  const response = await setPassword(user.id, { value: GOOD, forceChange: true });
  expect(response.body.status).toBe('MUST_CHANGE_PASSWORD');
});

test('reads NO_PASSWORD before a password is set', async () => {
  const user = await p1.create('users', userBody());
  const response = await p1.get(`users/${user.id}/password`);
  expect(response.status).toBe(200);
  expect(response.body.status).toBe('NO_PASSWORD');
  expect(response.body.lastChangedAt).toBeUndefined();
});

test('accepts only application/vnd.pingidentity.password.set+json', async () => {
  const user = await p1.create('users', userBody());
  const response = await setPassword(
    user.id,
    { value: GOOD, forceChange: false },
    'application/json',
  );
  expectError(response, 415, 'INVALID_REQUEST');
  expect(response.body.message).toContain(PASSWORD_SET);
});

test('requires value and forceChange', async () => {
  const user = await p1.create('users', userBody());
  expectError(await setPassword(user.id, { forceChange: false }), 400, 'INVALID_DATA', {
    code: 'REQUIRED_VALUE',
    target: 'value',
  });
  expectError(await setPassword(user.id, { value: GOOD }), 400, 'INVALID_DATA', {
    code: 'REQUIRED_VALUE',
    target: 'forceChange',
  });
});

test('answers 404 for an unknown user', async () => {
  expectError(await setPassword(UNKNOWN, { value: GOOD, forceChange: false }), 404, 'NOT_FOUND');
});

const RULES: Array<[string, string, string]> = [
  ['shorter than 8 characters', 'Ab1$xyz', 'length'],
  ['without a digit', 'Abcdef$gh', 'minCharacters'],
  ['without an upper-case letter', 'abcdef$g1', 'minCharacters'],
  ['without a lower-case letter', 'ABCDEF$G1', 'minCharacters'],
  ['without a special character', 'Abcdefg12', 'minCharacters'],
  ['with a character three times in a row', 'Abccc$d12', 'maxRepeatedCharacters'],
  ['with fewer than 5 distinct characters', 'Aa1$Aa1$', 'minUniqueCharacters'],
];

for (const [label, value, rule] of RULES) {
  test(`rejects a password ${label}, naming the rule "${rule}"`, async () => {
    const user = await p1.create('users', userBody());
    const response = await setPassword(user.id, { value, forceChange: false });
    expectError(response, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'password' });
    expect(Object.keys(response.body.details[0].innerError)).toContain(rule);
    expect(JSON.stringify(response.body)).not.toContain(value);
  });
}

test('rejects a commonly used password', async () => {
  const user = await p1.create('users', userBody());
  const response = await setPassword(user.id, { value: 'Password1', forceChange: false });
  expectError(response, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'password' });
  expect(response.body.details[0].innerError).toHaveProperty('excludesCommonlyUsed');
});

test('rejects a password equal to the username', async () => {
  const user = await p1.create('users', userBody({ username: 'Jane.Doe-2024!' }));
  const response = await setPassword(user.id, { value: 'Jane.Doe-2024!', forceChange: false });
  expect(response.body.details[0].innerError).toHaveProperty('excludesProfileData');
});

test('rejects setting the current password again', async () => {
  const user = await p1.create('users', userBody());
  await setPassword(user.id, { value: GOOD, forceChange: false });
  const response = await setPassword(user.id, { value: GOOD, forceChange: false });
  expectError(response, 400, 'INVALID_DATA', { code: 'INVALID_VALUE', target: 'password' });
  expect(response.body.details[0].innerError).toHaveProperty('notSimilarToCurrent');
});
