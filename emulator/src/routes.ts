import type { EmulatorContext } from './context.ts';
import * as environment from './management/environment.ts';
import * as applications from './management/applications.ts';
import * as resources from './management/resources.ts';
import * as grants from './management/grants.ts';
import * as signOnPolicies from './management/sign-on-policies.ts';
import * as signOnPolicyActions from './management/sign-on-policy-actions.ts';
import * as signOnPolicyAssignments from './management/sign-on-policy-assignments.ts';
import * as populations from './management/populations.ts';
import * as users from './management/users.ts';
import * as deviceAuthenticationPolicies from './management/device-authentication-policies.ts';
import * as devices from './management/devices.ts';
import * as token from './auth/token.ts';
import * as authorize from './auth/authorize.ts';
import * as flows from './auth/flows.ts';
import * as resume from './auth/resume.ts';
import * as discovery from './auth/discovery.ts';
import * as testing from './testing/index.ts';

/**
 * `management`: PingOne's api host, behind a worker bearer token.
 * `auth`: PingOne's auth host, no bearer token.
 * `testing`: the emulator's own test-only interface under {@link TESTING_PREFIX}; not PingOne.
 */
export type Plane = 'management' | 'auth' | 'testing';

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  operationId: string;
  plane: Plane;
  handler: (c: EmulatorContext) => Response | Promise<Response>;
}

/** The reserved path prefix of the emulator's test-only interface. PingOne has nothing here. */
export const TESTING_PREFIX = '/__emulator';

const ENV = '/v1/environments/:envID';
const AUTH = '/:envID';

/** Every operation the emulator serves, one line each. Anything else gets a PingOne-shaped error. */
export const routes: Route[] = [
  { method: 'GET', path: ENV, operationId: 'readOneEnvironment', plane: 'management', handler: environment.readOneEnvironment },

  { method: 'POST', path: `${ENV}/applications`, operationId: 'createApplication', plane: 'management', handler: applications.createApplication },
  { method: 'GET', path: `${ENV}/applications`, operationId: 'readAllApplications', plane: 'management', handler: applications.readAllApplications },
  { method: 'GET', path: `${ENV}/applications/:appID`, operationId: 'readOneApplication', plane: 'management', handler: applications.readOneApplication },
  { method: 'DELETE', path: `${ENV}/applications/:appID`, operationId: 'deleteApplication', plane: 'management', handler: applications.deleteApplication },
  { method: 'GET', path: `${ENV}/applications/:appID/secret`, operationId: 'readApplicationSecret', plane: 'management', handler: applications.readApplicationSecret },

  { method: 'GET', path: `${ENV}/resources`, operationId: 'readAllResources', plane: 'management', handler: resources.readAllResources },
  { method: 'GET', path: `${ENV}/resources/:resourceID`, operationId: 'readOneResource', plane: 'management', handler: resources.readOneResource },
  { method: 'GET', path: `${ENV}/resources/:resourceID/scopes`, operationId: 'readAllResourceScopes', plane: 'management', handler: resources.readAllResourceScopes },
  { method: 'GET', path: `${ENV}/resources/:resourceID/scopes/:scopeID`, operationId: 'readOneResourceScope', plane: 'management', handler: resources.readOneResourceScope },

  { method: 'POST', path: `${ENV}/applications/:appID/grants`, operationId: 'createApplicationGrant', plane: 'management', handler: grants.createApplicationGrant },
  { method: 'GET', path: `${ENV}/applications/:appID/grants`, operationId: 'readAllApplicationGrants', plane: 'management', handler: grants.readAllApplicationGrants },
  { method: 'GET', path: `${ENV}/applications/:appID/grants/:grantID`, operationId: 'readOneApplicationGrant', plane: 'management', handler: grants.readOneApplicationGrant },
  { method: 'DELETE', path: `${ENV}/applications/:appID/grants/:grantID`, operationId: 'deleteApplicationGrant', plane: 'management', handler: grants.deleteApplicationGrant },

  { method: 'POST', path: `${ENV}/signOnPolicies`, operationId: 'createSignOnPolicy', plane: 'management', handler: signOnPolicies.createSignOnPolicy },
  { method: 'GET', path: `${ENV}/signOnPolicies`, operationId: 'readAllSignOnPolicies', plane: 'management', handler: signOnPolicies.readAllSignOnPolicies },
  { method: 'GET', path: `${ENV}/signOnPolicies/:policyID`, operationId: 'readOneSignOnPolicy', plane: 'management', handler: signOnPolicies.readOneSignOnPolicy },
  { method: 'DELETE', path: `${ENV}/signOnPolicies/:policyID`, operationId: 'deleteSignOnPolicy', plane: 'management', handler: signOnPolicies.deleteSignOnPolicy },

  { method: 'POST', path: `${ENV}/signOnPolicies/:policyID/actions`, operationId: 'createSignOnPolicyAction', plane: 'management', handler: signOnPolicyActions.createSignOnPolicyAction },
  { method: 'GET', path: `${ENV}/signOnPolicies/:policyID/actions`, operationId: 'readAllSignOnPolicyActions', plane: 'management', handler: signOnPolicyActions.readAllSignOnPolicyActions },
  { method: 'GET', path: `${ENV}/signOnPolicies/:policyID/actions/:actionID`, operationId: 'readOneSignOnPolicyAction', plane: 'management', handler: signOnPolicyActions.readOneSignOnPolicyAction },
  { method: 'DELETE', path: `${ENV}/signOnPolicies/:policyID/actions/:actionID`, operationId: 'deleteSignOnPolicyAction', plane: 'management', handler: signOnPolicyActions.deleteSignOnPolicyAction },

  { method: 'POST', path: `${ENV}/applications/:appID/signOnPolicyAssignments`, operationId: 'createSignOnPolicyAssignment', plane: 'management', handler: signOnPolicyAssignments.createSignOnPolicyAssignment },
  { method: 'GET', path: `${ENV}/applications/:appID/signOnPolicyAssignments`, operationId: 'readAllSignOnPolicyAssignments', plane: 'management', handler: signOnPolicyAssignments.readAllSignOnPolicyAssignments },
  { method: 'GET', path: `${ENV}/applications/:appID/signOnPolicyAssignments/:assignmentID`, operationId: 'readOneSignOnPolicyAssignment', plane: 'management', handler: signOnPolicyAssignments.readOneSignOnPolicyAssignment },
  { method: 'DELETE', path: `${ENV}/applications/:appID/signOnPolicyAssignments/:assignmentID`, operationId: 'deleteSignOnPolicyAssignment', plane: 'management', handler: signOnPolicyAssignments.deleteSignOnPolicyAssignment },

  { method: 'POST', path: `${ENV}/populations`, operationId: 'createPopulation', plane: 'management', handler: populations.createPopulation },
  { method: 'GET', path: `${ENV}/populations`, operationId: 'readAllPopulations', plane: 'management', handler: populations.readAllPopulations },
  { method: 'GET', path: `${ENV}/populations/:populationID`, operationId: 'readOnePopulation', plane: 'management', handler: populations.readOnePopulation },
  { method: 'DELETE', path: `${ENV}/populations/:populationID`, operationId: 'deletePopulation', plane: 'management', handler: populations.deletePopulation },

  { method: 'POST', path: `${ENV}/users`, operationId: 'createUser', plane: 'management', handler: users.createUser },
  { method: 'GET', path: `${ENV}/users`, operationId: 'readAllUsers', plane: 'management', handler: users.readAllUsers },
  { method: 'GET', path: `${ENV}/users/:userID`, operationId: 'readUser', plane: 'management', handler: users.readUser },
  { method: 'DELETE', path: `${ENV}/users/:userID`, operationId: 'deleteUser', plane: 'management', handler: users.deleteUser },
  { method: 'PUT', path: `${ENV}/users/:userID/password`, operationId: 'updateUserPassword', plane: 'management', handler: users.updateUserPassword },
  { method: 'GET', path: `${ENV}/users/:userID/password`, operationId: 'readUserPassword', plane: 'management', handler: users.readUserPassword },
  { method: 'GET', path: `${ENV}/users/:userID/mfaEnabled`, operationId: 'readUserMFAEnabled', plane: 'management', handler: users.readUserMFAEnabled },
  { method: 'PUT', path: `${ENV}/users/:userID/mfaEnabled`, operationId: 'updateUserMFAEnabled', plane: 'management', handler: users.updateUserMFAEnabled },

  { method: 'POST', path: `${ENV}/deviceAuthenticationPolicies`, operationId: 'createDeviceAuthenticationPolicy', plane: 'management', handler: deviceAuthenticationPolicies.createDeviceAuthenticationPolicy },
  { method: 'GET', path: `${ENV}/deviceAuthenticationPolicies`, operationId: 'readDeviceAuthenticationPolicies', plane: 'management', handler: deviceAuthenticationPolicies.readDeviceAuthenticationPolicies },
  { method: 'GET', path: `${ENV}/deviceAuthenticationPolicies/:policyID`, operationId: 'readOneDeviceAuthenticationPolicy', plane: 'management', handler: deviceAuthenticationPolicies.readOneDeviceAuthenticationPolicy },
  { method: 'DELETE', path: `${ENV}/deviceAuthenticationPolicies/:policyID`, operationId: 'deleteDeviceAuthenticationPolicy', plane: 'management', handler: deviceAuthenticationPolicies.deleteDeviceAuthenticationPolicy },

  { method: 'POST', path: `${ENV}/users/:userID/devices`, operationId: 'createMFAUserDevice', plane: 'management', handler: devices.createMFAUserDevice },
  { method: 'GET', path: `${ENV}/users/:userID/devices`, operationId: 'readMFAUserDevices', plane: 'management', handler: devices.readMFAUserDevices },
  { method: 'GET', path: `${ENV}/users/:userID/devices/:deviceID`, operationId: 'readOneMFAUserDevice', plane: 'management', handler: devices.readOneMFAUserDevice },
  { method: 'DELETE', path: `${ENV}/users/:userID/devices/:deviceID`, operationId: 'deleteMFAUserDevice', plane: 'management', handler: devices.deleteMFAUserDevice },

  { method: 'POST', path: `${AUTH}/as/token`, operationId: 'token', plane: 'auth', handler: token.token },
  { method: 'GET', path: `${AUTH}/as/authorize`, operationId: 'authorize', plane: 'auth', handler: authorize.authorize },
  { method: 'POST', path: `${AUTH}/as/authorize`, operationId: 'authorize', plane: 'auth', handler: authorize.authorize },
  { method: 'GET', path: `${AUTH}/flows/:flowID`, operationId: 'readFlow', plane: 'auth', handler: flows.readFlow },
  { method: 'POST', path: `${AUTH}/flows/:flowID`, operationId: 'checkOTP', plane: 'auth', handler: flows.flowAction },
  { method: 'GET', path: `${AUTH}/as/resume`, operationId: 'resume', plane: 'auth', handler: resume.resume },
  { method: 'GET', path: `${AUTH}/as/jwks`, operationId: 'jwks', plane: 'auth', handler: discovery.jwks },
  { method: 'GET', path: `${AUTH}/as/.well-known/openid-configuration`, operationId: 'openidConfiguration', plane: 'auth', handler: discovery.openidConfiguration },

  ...testing.routes,
];
