import type { OpenAPIV3_1 } from 'openapi-types';
import { commonSchemas, type Schema } from './components/common.ts';
import { errorSchemas } from './components/error.ts';
import { environmentSchemas } from './components/environment.ts';
import { applicationSchemas } from './components/application.ts';
import { grantSchemas, resourceSchemas } from './components/resource.ts';
import { signOnPolicySchemas } from './components/sign-on-policy.ts';
import { signOnPolicyActionSchemas } from './components/sign-on-policy-action.ts';
import { populationSchemas } from './components/population.ts';
import { userSchemas } from './components/user.ts';
import { deviceAuthenticationPolicySchemas } from './components/device-authentication-policy.ts';
import { deviceSchemas } from './components/device.ts';
import { flowSchemas } from './components/flow.ts';
import { tokenSchemas } from './components/token.ts';
import { requestSchemas } from './components/requests.ts';
import { managementOperations } from './paths/management.ts';
import { authOperations } from './paths/auth.ts';
import {
  operationObject,
  type OperationSpec,
  type Plane,
  type PlaneExtension,
} from './paths/operation.ts';

const tld: OpenAPIV3_1.ServerVariableObject = {
  default: 'com',
  enum: ['com', 'eu', 'ca', 'asia', 'com.au', 'sg'],
  description: 'Region: com (NA), eu (EU), ca (CA), asia (AP), com.au (AU), sg (SG).',
};

/** The management plane: `https://api.pingone.{tld}/v1`, every call with a worker bearer token. */
export const API_SERVER: OpenAPIV3_1.ServerObject = {
  url: 'https://api.pingone.{tld}/v1',
  description: 'PingOne management API (api host)',
  variables: { tld },
};

/** The auth plane: `https://auth.pingone.{tld}`, no `/v1`; the environment ID leads the path. */
export const AUTH_SERVER: OpenAPIV3_1.ServerObject = {
  url: 'https://auth.pingone.{tld}',
  description: 'PingOne authentication and authorization (auth host)',
  variables: { tld },
};

/** Every path parameter is a PingOne UUID. */
const PATH_PARAMETERS = [
  'envID',
  'appID',
  'resourceID',
  'grantID',
  'policyID',
  'actionID',
  'assignmentID',
  'populationID',
  'userID',
  'deviceID',
  'flowID',
];

function paths(specs: OperationSpec[], plane: Plane, server: OpenAPIV3_1.ServerObject) {
  const items: OpenAPIV3_1.PathsObject<PlaneExtension> = {};
  for (const spec of specs) {
    const names = [...spec.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
    const item = (items[spec.path] ??= {
      servers: [server],
      parameters: names.map((name) => ({ $ref: `#/components/parameters/${name}` })),
    });
    (item as Record<string, unknown>)[spec.method] = operationObject(spec, plane);
  }
  return items;
}

const schemas: Record<string, Schema> = {
  ...commonSchemas,
  ...errorSchemas,
  ...environmentSchemas,
  ...applicationSchemas,
  ...resourceSchemas,
  ...grantSchemas,
  ...signOnPolicySchemas,
  ...signOnPolicyActionSchemas,
  ...populationSchemas,
  ...userSchemas,
  ...deviceAuthenticationPolicySchemas,
  ...deviceSchemas,
  ...flowSchemas,
  ...tokenSchemas,
  ...requestSchemas,
};

/**
 * The contract: PingOne's operations for the MFA-only flow using a login_hint_token, as one
 * OpenAPI 3.1 document. Each operation names its plane in `x-plane` and its host in the path's
 * `servers`. Every response the suite receives is checked against it by `lib/contract.ts`.
 */
export const contract: OpenAPIV3_1.Document = {
  openapi: '3.1.0',
  info: {
    title: 'PingOne: MFA-only flow using a login_hint_token',
    version: '1.0.0',
    summary: 'The PingOne operations the contract suite sends, with the responses PingOne documents.',
    description:
      'Written from PingOne\'s developer documentation and its official error schemas. Unknown ' +
      'properties are allowed everywhere: PingOne adds fields over time.',
  },
  jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
  servers: [API_SERVER, AUTH_SERVER],
  security: [{ workerToken: [] }],
  paths: {
    ...paths(managementOperations, 'management', API_SERVER),
    ...paths(authOperations, 'auth', AUTH_SERVER),
  },
  components: {
    schemas,
    parameters: Object.fromEntries(
      PATH_PARAMETERS.map((name) => [
        name,
        { name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      ]),
    ),
    securitySchemes: {
      workerToken: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: "A worker application's client_credentials access token.",
      },
      clientSecretBasic: {
        type: 'http',
        scheme: 'basic',
        description: 'client_id and client_secret (CLIENT_SECRET_BASIC).',
      },
    },
  },
};
