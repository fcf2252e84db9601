import { expect, test } from '@playwright/test';
import { checkResponse } from '../../lib/contract.ts';
import { exampleOf } from '../../schemas/examples/index.ts';
import { exampleResponse, responseOf, valueAt, withAdded, withValue } from './support.ts';

/**
 * PingOne adds fields over time, so the documented schemas allow unknown properties. The matcher
 * still reports each one by JSON path, and `strict: true` turns them into violations.
 */
const PLACES: [operationId: string, path: string, where: string][] = [
  ['readUser', '$.riskScore', 'at the top level'],
  ['readUser', '$.name.nickname2', 'in a nested object'],
  ['readUser', '$.environment.name', 'in a $ref to EntityRef'],
  ['readAllUsers', '$._embedded.users[0].department', 'in an item of an embedded list'],
  ['readAllUsers', '$._embedded.groups', 'beside the embedded list'],
  ['createSignOnPolicyAction', '$.confirmIdentityProviderAttributes', 'in the MULTI_FACTOR_AUTHENTICATION branch'],
  ['authorize', '$._embedded.devices[0].default', 'in a device of an OTP_REQUIRED flow'],
  ['checkOTP', '$._embedded.user.email', 'in the COMPLETED flow\'s user'],
  ['createDeviceAuthenticationPolicy', '$.sms.otp.deliveryChannel', 'deep in a device policy'],
  ['readUser.404', '$.timestamp', 'in an error body'],
  ['token', '$.refresh_expires_in', 'in the token response'],
];

function withExtra(name: string, path: string): unknown {
  const example = exampleOf(name);
  return withAdded(example.body, path, 'added by PingOne');
}

for (const [name, path, where] of PLACES) {
  const example = exampleOf(name);

  test(`reports an unknown property ${where} (${path}) and accepts it`, () => {
    const verdict = checkResponse(example.operationId, responseOf(example, { body: withExtra(name, path) }), {
      expectStatus: example.status,
    });

    expect(verdict.ok).toBe(true);
    expect(verdict.violations).toEqual([]);
    expect(verdict.unknownProperties).toEqual([path]);
  });

  test(`rejects the unknown property ${where} with strict`, () => {
    const verdict = checkResponse(example.operationId, responseOf(example, { body: withExtra(name, path) }), {
      expectStatus: example.status,
      strict: true,
    });

    expect(verdict.ok).toBe(false);
    expect(verdict.violations).toEqual([{ path, message: `${path} is not described by the contract` }]);
  });
}

test('reports the unknown property itself, not the fields inside it', () => {
  const body = withAdded(exampleResponse('readUser').body, '$.preferences', { theme: 'dark', density: 2 });
  const verdict = checkResponse('readUser', exampleResponse('readUser', { body }));

  expect(verdict.unknownProperties).toEqual(['$.preferences']);
});

test('reports every unknown property of one response', () => {
  let body = withAdded(exampleResponse('readAllApplications').body, '$._embedded.applications[0].logo', 'x');
  body = withAdded(body, '$._embedded.applications[1].logo', 'y');
  const verdict = checkResponse('readAllApplications', exampleResponse('readAllApplications', { body }));

  expect(verdict.unknownProperties).toEqual(['$._embedded.applications[0].logo', '$._embedded.applications[1].logo']);
});

test('does not count new link relations as unknown: _links is a map of links', () => {
  const body = withAdded(exampleResponse('readUser').body, '$._links.memberOfGroups', { href: 'https://api.pingone.com/v1/x' });
  const verdict = checkResponse('readUser', exampleResponse('readUser', { body }), { strict: true });

  expect(verdict.ok).toBe(true);
  expect(verdict.unknownProperties).toEqual([]);
});

test('does not count new innerError keys as unknown: PingOne documents innerError as open', () => {
  const example = exampleOf('checkOTP.400');
  expect(valueAt(example.body, '$.details[0].innerError.attemptsRemaining')).toBe(2);
  const verdict = checkResponse('checkOTP', responseOf(example), { expectStatus: 400, strict: true });

  expect(verdict.unknownProperties).toEqual([]);
});

test('still validates the known fields next to an unknown one', () => {
  let body = withAdded(exampleResponse('readUser').body, '$.riskScore', 12);
  body = withValue(body, '$.enabled', 'yes');
  const verdict = checkResponse('readUser', exampleResponse('readUser', { body }));

  expect(verdict.violations).toEqual([{ path: '$.enabled', message: '$.enabled must be boolean (got string)' }]);
  expect(verdict.unknownProperties).toEqual(['$.riskScore']);
});
