import { expect, test } from '@playwright/test';
import type { OpenAPIV3_1 } from 'openapi-types';
import { API_SERVER, AUTH_SERVER, contract } from '../../schemas/pingone.openapi.ts';
import { operation, operations } from '../../lib/contract.ts';

/** Every operation the suite and the emulator name, with its method, path and plane. */
const EXPECTED: [string, string, string][] = [
  ['readOneEnvironment', 'GET', '/environments/{envID}'],
  ['createApplication', 'POST', '/environments/{envID}/applications'],
  ['readAllApplications', 'GET', '/environments/{envID}/applications'],
  ['readOneApplication', 'GET', '/environments/{envID}/applications/{appID}'],
  ['deleteApplication', 'DELETE', '/environments/{envID}/applications/{appID}'],
  ['readApplicationSecret', 'GET', '/environments/{envID}/applications/{appID}/secret'],
  ['readAllResources', 'GET', '/environments/{envID}/resources'],
  ['readOneResource', 'GET', '/environments/{envID}/resources/{resourceID}'],
  ['readAllResourceScopes', 'GET', '/environments/{envID}/resources/{resourceID}/scopes'],
  ['createApplicationGrant', 'POST', '/environments/{envID}/applications/{appID}/grants'],
  ['readAllApplicationGrants', 'GET', '/environments/{envID}/applications/{appID}/grants'],
  ['readOneApplicationGrant', 'GET', '/environments/{envID}/applications/{appID}/grants/{grantID}'],
  ['deleteApplicationGrant', 'DELETE', '/environments/{envID}/applications/{appID}/grants/{grantID}'],
  ['createSignOnPolicy', 'POST', '/environments/{envID}/signOnPolicies'],
  ['readAllSignOnPolicies', 'GET', '/environments/{envID}/signOnPolicies'],
  ['readOneSignOnPolicy', 'GET', '/environments/{envID}/signOnPolicies/{policyID}'],
  ['deleteSignOnPolicy', 'DELETE', '/environments/{envID}/signOnPolicies/{policyID}'],
  ['createSignOnPolicyAction', 'POST', '/environments/{envID}/signOnPolicies/{policyID}/actions'],
  ['readAllSignOnPolicyActions', 'GET', '/environments/{envID}/signOnPolicies/{policyID}/actions'],
  ['readOneSignOnPolicyAction', 'GET', '/environments/{envID}/signOnPolicies/{policyID}/actions/{actionID}'],
  ['deleteSignOnPolicyAction', 'DELETE', '/environments/{envID}/signOnPolicies/{policyID}/actions/{actionID}'],
  ['createSignOnPolicyAssignment', 'POST', '/environments/{envID}/applications/{appID}/signOnPolicyAssignments'],
  ['readAllSignOnPolicyAssignments', 'GET', '/environments/{envID}/applications/{appID}/signOnPolicyAssignments'],
  ['readOneSignOnPolicyAssignment', 'GET', '/environments/{envID}/applications/{appID}/signOnPolicyAssignments/{assignmentID}'],
  ['deleteSignOnPolicyAssignment', 'DELETE', '/environments/{envID}/applications/{appID}/signOnPolicyAssignments/{assignmentID}'],
  ['createPopulation', 'POST', '/environments/{envID}/populations'],
  ['readAllPopulations', 'GET', '/environments/{envID}/populations'],
  ['readOnePopulation', 'GET', '/environments/{envID}/populations/{populationID}'],
  ['deletePopulation', 'DELETE', '/environments/{envID}/populations/{populationID}'],
  ['createUser', 'POST', '/environments/{envID}/users'],
  ['readAllUsers', 'GET', '/environments/{envID}/users'],
  ['readUser', 'GET', '/environments/{envID}/users/{userID}'],
  ['deleteUser', 'DELETE', '/environments/{envID}/users/{userID}'],
  ['updateUserPassword', 'PUT', '/environments/{envID}/users/{userID}/password'],
  ['readUserMFAEnabled', 'GET', '/environments/{envID}/users/{userID}/mfaEnabled'],
  ['updateUserMFAEnabled', 'PUT', '/environments/{envID}/users/{userID}/mfaEnabled'],
  ['createDeviceAuthenticationPolicy', 'POST', '/environments/{envID}/deviceAuthenticationPolicies'],
  ['readDeviceAuthenticationPolicies', 'GET', '/environments/{envID}/deviceAuthenticationPolicies'],
  ['readOneDeviceAuthenticationPolicy', 'GET', '/environments/{envID}/deviceAuthenticationPolicies/{policyID}'],
  ['deleteDeviceAuthenticationPolicy', 'DELETE', '/environments/{envID}/deviceAuthenticationPolicies/{policyID}'],
  ['createMFAUserDevice', 'POST', '/environments/{envID}/users/{userID}/devices'],
  ['readMFAUserDevices', 'GET', '/environments/{envID}/users/{userID}/devices'],
  ['readOneMFAUserDevice', 'GET', '/environments/{envID}/users/{userID}/devices/{deviceID}'],
  ['deleteMFAUserDevice', 'DELETE', '/environments/{envID}/users/{userID}/devices/{deviceID}'],
  ['token', 'POST', '/{envID}/as/token'],
  ['authorize', 'GET', '/{envID}/as/authorize'],
  ['authorizePost', 'POST', '/{envID}/as/authorize'],
  ['readFlow', 'GET', '/{envID}/flows/{flowID}'],
  ['checkOTP', 'POST', '/{envID}/flows/{flowID}'],
  ['resume', 'GET', '/{envID}/as/resume'],
  ['jwks', 'GET', '/{envID}/as/jwks'],
  ['openidConfiguration', 'GET', '/{envID}/as/.well-known/openid-configuration'],
];

const REQUEST_MEDIA_TYPES: Record<string, string> = {
  updateUserPassword: 'application/vnd.pingidentity.password.set+json',
  checkOTP: 'application/vnd.pingidentity.otp.check+json',
  token: 'application/x-www-form-urlencoded',
  authorizePost: 'application/x-www-form-urlencoded',
};

/** Every `[pointer, node]` of the document, depth first. */
function* walk(node: unknown, pointer = ''): Generator<[string, Record<string, unknown>]> {
  if (!node || typeof node !== 'object') return;
  if (!Array.isArray(node)) yield [pointer, node as Record<string, unknown>];
  for (const [key, child] of Object.entries(node)) yield* walk(child, `${pointer}/${key}`);
}

function resolve(ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/')], contract);
}

test.describe('the contract document', () => {
  test('is OpenAPI 3.1 with an api and an auth server', () => {
    expect(contract.openapi).toBe('3.1.0');
    expect(contract.info.title).toBeTruthy();
    expect(contract.info.version).toBeTruthy();
    expect(contract.servers?.map((server) => server.url)).toEqual([
      'https://api.pingone.{tld}/v1',
      'https://auth.pingone.{tld}',
    ]);
    expect(API_SERVER.variables?.tld?.enum).toEqual(['com', 'eu', 'ca', 'asia', 'com.au', 'sg']);
  });

  test('covers every operation the suite sends, on its method, path and plane', () => {
    expect(operations().map((op) => op.operationId).sort()).toEqual(EXPECTED.map(([id]) => id).sort());
    for (const [operationId, method, path] of EXPECTED) {
      const info = operation(operationId);
      expect({ operationId, method: info.method, path: info.path }).toEqual({ operationId, method, path });
      expect(info.plane, operationId).toBe(path.startsWith('/environments/') ? 'management' : 'auth');
      expect(info.successStatus, operationId).toBeLessThan(300);
      expect(info.documentedStatuses.filter((status) => status >= 400).length, operationId).toBeGreaterThan(0);
      expect(info.requestMediaType ?? null, operationId).toBe(
        REQUEST_MEDIA_TYPES[operationId] ?? (method === 'POST' || method === 'PUT' ? 'application/json' : null),
      );
    }
  });

  test('answers 201 on create, 204 on delete and 200 otherwise', () => {
    for (const [operationId, method] of EXPECTED) {
      const expected = method === 'DELETE' ? 204 : operationId.startsWith('create') ? 201 : 200;
      expect(operation(operationId).successStatus, operationId).toBe(expected);
    }
  });

  test('throws for an operationId it does not have', () => {
    expect(() => operation('readEverything')).toThrow('Unknown operationId "readEverything"');
  });

  test('has unique operationIds, each with x-plane and its path on the plane\'s server', () => {
    const ids: string[] = [];
    for (const [path, item] of Object.entries(contract.paths ?? {})) {
      const server = path.startsWith('/environments/') ? API_SERVER : AUTH_SERVER;
      expect(item?.servers, path).toEqual([server]);
      for (const method of ['get', 'post', 'put', 'delete', 'patch'] as const) {
        const op = item?.[method as OpenAPIV3_1.HttpMethods] as Record<string, unknown> | undefined;
        if (!op) continue;
        ids.push(op.operationId as string);
        expect(op['x-plane'], `${method} ${path}`).toBe(server === API_SERVER ? 'management' : 'auth');
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('declares every path parameter as a required UUID', () => {
    for (const [path, item] of Object.entries(contract.paths ?? {})) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (item?.parameters ?? []).map((p) => resolve((p as OpenAPIV3_1.ReferenceObject).$ref)) as OpenAPIV3_1.ParameterObject[];
      expect(declared.map((p) => p.name), path).toEqual(names);
      for (const parameter of declared) expect({ in: parameter.in, required: parameter.required }).toEqual({ in: 'path', required: true });
    }
  });

  test('resolves every $ref, and describes every response', () => {
    for (const [pointer, node] of walk(contract)) {
      if (typeof node.$ref === 'string') expect(resolve(node.$ref), `${pointer}: ${node.$ref}`).toBeDefined();
      if (/\/responses\/\d{3}$/.test(pointer)) expect(node.description, pointer).toBeTruthy();
    }
  });

  test('gives 204 no content, and 429 a Retry-After header', () => {
    for (const [pointer, node] of walk(contract)) {
      if (pointer.endsWith('/responses/204')) expect(node.content, pointer).toBeUndefined();
      if (pointer.endsWith('/responses/429')) expect((node.headers as Record<string, { required: boolean }>)['Retry-After']?.required, pointer).toBe(true);
    }
  });

  test('avoids the community spec\'s pitfalls: oneOf has a discriminator, patterns are anchored', () => {
    for (const [pointer, node] of walk(contract)) {
      if (Array.isArray(node.oneOf)) expect(node.discriminator, pointer).toBeDefined();
      if (typeof node.pattern === 'string' && !pointer.includes('/properties/pattern'))
        expect(node.pattern, pointer).toMatch(/^\^.*\$$/);
    }
  });

  test('types every timestamp as date-time and every id as a UUID', () => {
    for (const [pointer, node] of walk(contract.components?.schemas)) {
      const name = pointer.split('/').pop()!;
      if (!pointer.includes('/properties/')) continue;
      if (/At$/.test(name)) expect(node.format, pointer).toBe('date-time');
      if (name === 'id' && node.type === 'string') expect(node.format, pointer).toBe('uuid');
    }
  });
});
