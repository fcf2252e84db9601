import { query, type OperationSpec } from './operation.ts';

const READ = [400, 401, 403, 404, 429, 500];
const WRITE = [400, 401, 403, 404, 415, 429, 500];
const ENV = '/environments/{envID}';

/** A read (GET, 200) of `schema`. */
function read(operationId: string, path: string, summary: string, schema: string): OperationSpec {
  return { operationId, method: 'get', path, summary, status: 200, schema, errors: READ };
}

/** A PUT answering 200 with `schema`; its body, of component `request`, is sent as `mediaType`. */
function put(
  operationId: string,
  path: string,
  summary: string,
  schema: string,
  [mediaType, request]: [string, string],
): OperationSpec {
  const body = { mediaType, schema: request };
  return { operationId, method: 'put', path, summary, status: 200, schema, request: body, errors: WRITE };
}

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
  const [create, list, one, remove] = ids;
  const [item, items, request] = schemas;
  const itemPath = `${path}/{${param}}`;
  return [
    {
      operationId: create,
      method: 'post',
      path,
      summary: `Create a ${label}`,
      status: 201,
      schema: item,
      errors: WRITE,
      request: { mediaType: 'application/json', schema: request },
    },
    read(list, path, `List ${plural}`, items),
    read(one, itemPath, `Read one ${label}`, item),
    {
      operationId: remove,
      method: 'delete',
      path: itemPath,
      summary: `Delete a ${label}`,
      status: 204,
      errors: READ,
    },
  ];
}

const usersQuery = [
  query('filter', { type: 'string' }),
  query('limit', { type: 'integer', minimum: 1 }),
  query('cursor', { type: 'string' }),
];

/** The management operations the flow uses, on the api host (`https://api.pingone.{tld}/v1`). */
export const managementOperations: OperationSpec[] = [
  read('readOneEnvironment', ENV, 'Read the environment (SANDBOX or PRODUCTION)', 'Environment'),
  ...crud({
    ids: ['createApplication', 'readAllApplications', 'readOneApplication', 'deleteApplication'],
    path: `${ENV}/applications`,
    param: 'appID',
    schemas: ['Application', 'Applications', 'ApplicationCreate'],
    label: 'application',
    plural: 'applications',
  }),
  read('readApplicationSecret', `${ENV}/applications/{appID}/secret`, 'Read the secret', 'ApplicationSecret'),
  read('readAllResources', `${ENV}/resources`, 'List resources', 'Resources'),
  read('readOneResource', `${ENV}/resources/{resourceID}`, 'Read one resource', 'Resource'),
  read('readAllResourceScopes', `${ENV}/resources/{resourceID}/scopes`, 'List its scopes', 'ResourceScopes'),
  ...crud({
    ids: [
      'createApplicationGrant',
      'readAllApplicationGrants',
      'readOneApplicationGrant',
      'deleteApplicationGrant',
    ],
    path: `${ENV}/applications/{appID}/grants`,
    param: 'grantID',
    schemas: [
      'ApplicationResourceGrant',
      'ApplicationResourceGrants',
      'ApplicationResourceGrantCreate',
    ],
    label: 'resource access grant',
    plural: "an application's grants",
  }),
  ...crud({
    ids: ['createSignOnPolicy', 'readAllSignOnPolicies', 'readOneSignOnPolicy', 'deleteSignOnPolicy'],
    path: `${ENV}/signOnPolicies`,
    param: 'policyID',
    schemas: ['SignOnPolicy', 'SignOnPolicies', 'SignOnPolicyCreate'],
    label: 'sign-on policy',
    plural: 'sign-on policies',
  }),
  ...crud({
    ids: [
      'createSignOnPolicyAction',
      'readAllSignOnPolicyActions',
      'readOneSignOnPolicyAction',
      'deleteSignOnPolicyAction',
    ],
    path: `${ENV}/signOnPolicies/{policyID}/actions`,
    param: 'actionID',
    schemas: ['SignOnPolicyAction', 'SignOnPolicyActions', 'SignOnPolicyActionCreate'],
    label: 'sign-on policy action',
    plural: "a policy's actions",
  }),
  ...crud({
    ids: [
      'createSignOnPolicyAssignment',
      'readAllSignOnPolicyAssignments',
      'readOneSignOnPolicyAssignment',
      'deleteSignOnPolicyAssignment',
    ],
    path: `${ENV}/applications/{appID}/signOnPolicyAssignments`,
    param: 'assignmentID',
    schemas: ['SignOnPolicyAssignment', 'SignOnPolicyAssignments', 'SignOnPolicyAssignmentCreate'],
    label: 'sign-on policy assignment',
    plural: "an application's sign-on policy assignments",
  }),
  ...crud({
    ids: ['createPopulation', 'readAllPopulations', 'readOnePopulation', 'deletePopulation'],
    path: `${ENV}/populations`,
    param: 'populationID',
    schemas: ['Population', 'Populations', 'PopulationCreate'],
    label: 'population',
    plural: 'populations',
  }),
  ...crud({
    ids: ['createUser', 'readAllUsers', 'readUser', 'deleteUser'],
    path: `${ENV}/users`,
    param: 'userID',
    schemas: ['User', 'Users', 'UserCreate'],
    label: 'user',
    plural: 'users (query `filter`, e.g. `population.id eq "…"`)',
  }).map((op) => (op.operationId === 'readAllUsers' ? { ...op, query: usersQuery } : op)),
  put('updateUserPassword', `${ENV}/users/{userID}/password`, "Set the user's password", 'PasswordState', [
    'application/vnd.pingidentity.password.set+json',
    'PasswordSet',
  ]),
  read('readUserMFAEnabled', `${ENV}/users/{userID}/mfaEnabled`, 'Read mfaEnabled', 'UserMFAEnabled'),
  put('updateUserMFAEnabled', `${ENV}/users/{userID}/mfaEnabled`, 'Turn MFA on or off', 'UserMFAEnabled', [
    'application/json',
    'UserMFAEnabledUpdate',
  ]),
  ...crud({
    ids: [
      'createDeviceAuthenticationPolicy',
      'readDeviceAuthenticationPolicies',
      'readOneDeviceAuthenticationPolicy',
      'deleteDeviceAuthenticationPolicy',
    ],
    path: `${ENV}/deviceAuthenticationPolicies`,
    param: 'policyID',
    schemas: [
      'DeviceAuthenticationPolicy',
      'DeviceAuthenticationPolicies',
      'DeviceAuthenticationPolicyCreate',
    ],
    label: 'device authentication policy',
    plural: 'device authentication policies',
  }),
  ...crud({
    ids: ['createMFAUserDevice', 'readMFAUserDevices', 'readOneMFAUserDevice', 'deleteMFAUserDevice'],
    path: `${ENV}/users/{userID}/devices`,
    param: 'deviceID',
    schemas: ['Device', 'Devices', 'DeviceCreate'],
    label: 'MFA device',
    plural: "a user's MFA devices",
  }),
];
