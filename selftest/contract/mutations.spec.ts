import { expect, test } from '@playwright/test';
import { checkResponse, formatVerdict, type Violation } from '../../lib/contract.ts';
import { exampleResponse, otherType, valueAt, withValue, without } from './support.ts';

/**
 * For each operation with a body: a field the contract requires, a field whose type it fixes, and
 * a field with an enum (null where the schema has none). Each edit of the operation's example must
 * be rejected with a violation at exactly that JSON path.
 */
const FIELDS: [operationId: string, required: string, typed: string, enumerated: string | null][] = [
  ['readOneEnvironment', '$.organization', '$.name', '$.type'],
  ['createApplication', '$.tokenEndpointAuthMethod', '$.enabled', '$.protocol'],
  ['readAllApplications', '$._embedded.applications[1].id', '$.count', '$._embedded.applications[0].type'],
  ['readOneApplication', '$.environment', '$.redirectUris', '$.grantTypes[0]'],
  ['readApplicationSecret', '$.secret', '$.environment', null],
  ['readAllResources', '$._embedded.resources', '$.size', '$._embedded.resources[1].type'],
  ['readOneResource', '$.type', '$.accessTokenValiditySeconds', '$.type'],
  ['readAllResourceScopes', '$._embedded.scopes[0].resource', '$._embedded.scopes[1].mappedClaims', null],
  ['createApplicationGrant', '$.scopes', '$.resource', null],
  ['readAllApplicationGrants', '$._embedded.grants[0].application', '$._embedded.grants[0].scopes[0].id', null],
  ['readOneApplicationGrant', '$.id', '$.scopes', null],
  ['createSignOnPolicy', '$.default', '$.name', null],
  ['readAllSignOnPolicies', '$._links', '$._embedded.signOnPolicies[0].default', null],
  ['readOneSignOnPolicy', '$.environment', '$.description', null],
  ['createSignOnPolicyAction', '$.priority', '$.sms.enabled', '$.noDevicesMode'],
  ['readAllSignOnPolicyActions', '$._embedded.actions[0].type', '$._embedded.actions[0].priority', '$._embedded.actions[0].type'],
  ['readOneSignOnPolicyAction', '$.id', '$.deviceAuthenticationPolicy', '$.type'],
  ['createSignOnPolicyAssignment', '$.signOnPolicy', '$.priority', null],
  ['readAllSignOnPolicyAssignments', '$._embedded.signOnPolicyAssignments[0].priority', '$.count', null],
  ['readOneSignOnPolicyAssignment', '$.application', '$.signOnPolicy.id', null],
  ['createPopulation', '$.name', '$.userCount', null],
  ['readAllPopulations', '$._embedded.populations[0].default', '$._embedded.populations[1].name', null],
  ['readOnePopulation', '$.id', '$.default', null],
  ['createUser', '$.population', '$.mfaEnabled', '$.account.status'],
  ['readAllUsers', '$._embedded.users[0].username', '$._embedded.users[0].enabled', '$._embedded.users[0].verifyStatus'],
  ['readUser', '$.enabled', '$.name', '$.lifecycle.status'],
  ['updateUserPassword', '$.status', '$.lastChangedAt', '$.status'],
  ['readUserMFAEnabled', '$.mfaEnabled', '$.mfaEnabled', null],
  ['updateUserMFAEnabled', '$._links', '$._links.self', null],
  ['createDeviceAuthenticationPolicy', '$.sms.otp.failure.count', '$.default', '$.sms.otp.lifeTime.timeUnit'],
  ['readDeviceAuthenticationPolicies', '$._embedded.deviceAuthenticationPolicies[1].totp', '$._embedded.deviceAuthenticationPolicies[0].sms.enabled', '$._embedded.deviceAuthenticationPolicies[0].newDeviceNotification'],
  ['readOneDeviceAuthenticationPolicy', '$.name', '$.sms.otp.otpLength', '$.authentication.deviceSelection'],
  ['createMFAUserDevice', '$.phone', '$.user', '$.status'],
  ['readMFAUserDevices', '$._embedded.devices[0].status', '$._embedded.devices', '$._embedded.devices[0].status'],
  ['readOneMFAUserDevice', '$.type', '$.createdAt', '$.type'],
  ['token', '$.access_token', '$.expires_in', '$.token_type'],
  ['authorize', '$.selectedDevice', '$._embedded.devices[0].userRetries', '$.status'],
  ['authorizePost', '$._links["otp.check"]', '$.bypassAllowed', '$._embedded.devices[0].status'],
  ['readFlow', '$.resumeUrl', '$.expiresAt', '$._embedded.devices[0].type'],
  ['checkOTP', '$.resumeUrl', '$.session', '$.status'],
  ['resume', '$.authorizeResponse.code', '$.authorizeResponse', '$.status'],
  ['jwks', '$.keys[0].kid', '$.keys', '$.keys[0].kty'],
  ['openidConfiguration', '$.jwks_uri', '$.response_types_supported', '$.subject_types_supported[0]'],
];

function rejected(operationId: string, body: unknown): Violation[] {
  const verdict = checkResponse(operationId, exampleResponse(operationId, { body }));
  expect(verdict.ok, formatVerdict(verdict)).toBe(false);
  return verdict.violations;
}

for (const [operationId, required, typed, enumerated] of FIELDS) {
  test.describe(operationId, () => {
    test(`rejects a response without ${required}`, () => {
      const violations = rejected(operationId, without(exampleResponse(operationId).body, required));

      expect(violations).toContainEqual({ path: required, message: `${required} is required` });
    });

    test(`rejects ${typed} of another type`, () => {
      const body = exampleResponse(operationId).body;
      const violations = rejected(operationId, withValue(body, typed, otherType(valueAt(body, typed))));

      const violation = violations.find((v) => v.path === typed);
      expect(violation?.message.startsWith(`${typed} must be `), JSON.stringify(violations)).toBe(true);
      expect(violation?.message).toMatch(/\(got (string|number|boolean|object|array)\)$/);
    });

    if (enumerated) {
      test(`rejects ${enumerated} with a value PingOne does not document`, () => {
        const body = exampleResponse(operationId).body;
        const valid = valueAt(body, enumerated) as string;
        const violations = rejected(operationId, withValue(body, enumerated, 'WIBBLE'));

        const violation = violations.find((v) => v.path === enumerated);
        expect(violation?.message, JSON.stringify(violations)).toContain(`${enumerated} must be one of `);
        expect(violation?.message).toContain(valid);
        expect(violation?.message).toMatch(/\(got "WIBBLE"\)$/);
      });
    }
  });
}

test('names the device status, its allowed values and the bad value, as one line', () => {
  const body = withValue(exampleResponse('readMFAUserDevices').body, '$._embedded.devices[0].status', 'WIBBLE');
  const verdict = checkResponse('readMFAUserDevices', exampleResponse('readMFAUserDevices', { body }));

  expect(verdict.violations).toEqual([
    {
      path: '$._embedded.devices[0].status',
      message: '$._embedded.devices[0].status must be one of ACTIVE, ACTIVATION_REQUIRED (got "WIBBLE")',
    },
  ]);
});

test('lists every violation of one response, not just the first', () => {
  let body = exampleResponse('createUser').body;
  body = without(body, '$.username');
  body = withValue(body, '$.enabled', 'yes');
  body = withValue(body, '$.id', 'not-a-uuid');
  const verdict = checkResponse('createUser', exampleResponse('createUser', { body }));

  expect(verdict.violations.map((v) => v.message)).toEqual([
    '$.username is required',
    '$.id must be a valid uuid (got "not-a-uuid")',
    '$.enabled must be boolean (got string)',
  ]);
});

test('rejects a password in a user, which PingOne never returns', () => {
  const body = withValue(exampleResponse('readUser').body, '$.mfaEnabled', true) as Record<string, unknown>;
  body.password = { value: 'Secret#123' };
  const verdict = checkResponse('readUser', exampleResponse('readUser', { body }));

  expect(verdict.violations).toEqual([{ path: '$.password', message: '$.password must not be present' }]);
  expect(formatVerdict(verdict)).not.toContain('Secret#123');
});
