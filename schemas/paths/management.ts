import { query, type OperationSpec } from './operation.ts';

const READ = [400, 401, 403, 404, 429, 500];
const WRITE = [400, 401, 403, 404, 415, 429, 500];
const ENV = '/environments/{envID}';

interface Crud {
  /** operationIds: create (201), list, read one, delete (204). */
  ids: [create: string, list: string, read: string, remove: string];
  /** The collection path and the name of the item's path parameter. */
  path: string;
  param: string;
  /** Component schemas of the item, the list and the create request. */
  schemas: [item: string, list: string, request: string];
  label: string;
  plural: string;
}

function crud({ ids, path, param, schemas, label, plural }: Crud): OperationSpec[] {
  const [create, list, read, remove] = ids;
  const [item, items, request] = schemas;
  const one = `${path}/{${param}}`;
  return [
    { operationId: create, method: 'post', path, summary: `Create a ${label}`, status: 201, schema: item, errors: WRITE, request: { mediaType: 'application/json', schema: request } },
    { operationId: list, method: 'get', path, summary: `List ${plural}`, status: 200, schema: items, errors: READ },
    { operationId: read, method: 'get', path: one, summary: `Read one ${label}`, status: 200, schema: item, errors: READ },
    { operationId: remove, method: 'delete', path: one, summary: `Delete a ${label}`, status: 204, errors: READ },
  ];
}

const userListQuery = [
  query('filter', { type: 'string' }),
  query('limit', { type: 'integer', minimum: 1 }),
  query('cursor', { type: 'string' }),
];

/** The management operations the flow uses, on the api host (`https://api.pingone.{tld}/v1`). */
export const managementOperations: OperationSpec[] = [
  { operationId: 'readOneEnvironment', method: 'get', path: ENV, summary: 'Read the environment (SANDBOX or PRODUCTION)', status: 200, schema: 'Environment', errors: READ },

  ...crud({ ids: ['createApplication', 'readAllApplications', 'readOneApplication', 'deleteApplication'], path: `${ENV}/applications`, param: 'appID', schemas: ['Application', 'Applications', 'ApplicationCreate'], label: 'application', plural: 'applications' }),
  { operationId: 'readApplicationSecret', method: 'get', path: `${ENV}/applications/{appID}/secret`, summary: "Read the application's secret", status: 200, schema: 'ApplicationSecret', errors: READ },

  { operationId: 'readAllResources', method: 'get', path: `${ENV}/resources`, summary: 'List resources', status: 200, schema: 'Resources', errors: READ },
  { operationId: 'readOneResource', method: 'get', path: `${ENV}/resources/{resourceID}`, summary: 'Read one resource', status: 200, schema: 'Resource', errors: READ },
  { operationId: 'readAllResourceScopes', method: 'get', path: `${ENV}/resources/{resourceID}/scopes`, summary: "List a resource's scopes", status: 200, schema: 'ResourceScopes', errors: READ },

  ...crud({ ids: ['createApplicationGrant', 'readAllApplicationGrants', 'readOneApplicationGrant', 'deleteApplicationGrant'], path: `${ENV}/applications/{appID}/grants`, param: 'grantID', schemas: ['ApplicationResourceGrant', 'ApplicationResourceGrants', 'ApplicationResourceGrantCreate'], label: 'resource access grant', plural: "an application's grants" }),
  ...crud({ ids: ['createSignOnPolicy', 'readAllSignOnPolicies', 'readOneSignOnPolicy', 'deleteSignOnPolicy'], path: `${ENV}/signOnPolicies`, param: 'policyID', schemas: ['SignOnPolicy', 'SignOnPolicies', 'SignOnPolicyCreate'], label: 'sign-on policy', plural: 'sign-on policies' }),
  ...crud({ ids: ['createSignOnPolicyAction', 'readAllSignOnPolicyActions', 'readOneSignOnPolicyAction', 'deleteSignOnPolicyAction'], path: `${ENV}/signOnPolicies/{policyID}/actions`, param: 'actionID', schemas: ['SignOnPolicyAction', 'SignOnPolicyActions', 'SignOnPolicyActionCreate'], label: 'sign-on policy action', plural: "a policy's actions" }),
  ...crud({ ids: ['createSignOnPolicyAssignment', 'readAllSignOnPolicyAssignments', 'readOneSignOnPolicyAssignment', 'deleteSignOnPolicyAssignment'], path: `${ENV}/applications/{appID}/signOnPolicyAssignments`, param: 'assignmentID', schemas: ['SignOnPolicyAssignment', 'SignOnPolicyAssignments', 'SignOnPolicyAssignmentCreate'], label: 'sign-on policy assignment', plural: "an application's sign-on policy assignments" }),
  ...crud({ ids: ['createPopulation', 'readAllPopulations', 'readOnePopulation', 'deletePopulation'], path: `${ENV}/populations`, param: 'populationID', schemas: ['Population', 'Populations', 'PopulationCreate'], label: 'population', plural: 'populations' }),
  ...crud({ ids: ['createUser', 'readAllUsers', 'readUser', 'deleteUser'], path: `${ENV}/users`, param: 'userID', schemas: ['User', 'Users', 'UserCreate'], label: 'user', plural: 'users (query `filter`, e.g. population.id eq "…")' })
    .map((op) => (op.operationId === 'readAllUsers' ? { ...op, query: userListQuery } : op)),
  { operationId: 'updateUserPassword', method: 'put', path: `${ENV}/users/{userID}/password`, summary: "Set the user's password", status: 200, schema: 'PasswordState', errors: WRITE, request: { mediaType: 'application/vnd.pingidentity.password.set+json', schema: 'PasswordSet' } },
  { operationId: 'readUserMFAEnabled', method: 'get', path: `${ENV}/users/{userID}/mfaEnabled`, summary: 'Read whether MFA is enabled for the user', status: 200, schema: 'UserMFAEnabled', errors: READ },
  { operationId: 'updateUserMFAEnabled', method: 'put', path: `${ENV}/users/{userID}/mfaEnabled`, summary: 'Enable or disable MFA for the user', status: 200, schema: 'UserMFAEnabled', errors: WRITE, request: { mediaType: 'application/json', schema: 'UserMFAEnabledUpdate' } },

  ...crud({ ids: ['createDeviceAuthenticationPolicy', 'readDeviceAuthenticationPolicies', 'readOneDeviceAuthenticationPolicy', 'deleteDeviceAuthenticationPolicy'], path: `${ENV}/deviceAuthenticationPolicies`, param: 'policyID', schemas: ['DeviceAuthenticationPolicy', 'DeviceAuthenticationPolicies', 'DeviceAuthenticationPolicyCreate'], label: 'device authentication policy', plural: 'device authentication policies' }),
  ...crud({ ids: ['createMFAUserDevice', 'readMFAUserDevices', 'readOneMFAUserDevice', 'deleteMFAUserDevice'], path: `${ENV}/users/{userID}/devices`, param: 'deviceID', schemas: ['Device', 'Devices', 'DeviceCreate'], label: 'MFA device', plural: "a user's MFA devices" }),
];
