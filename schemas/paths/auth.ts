import { query, type OperationSpec } from './operation.ts';

const FLOW = [400, 401, 403, 404, 429, 500];
const FLOW_ACTION = [400, 401, 403, 404, 415, 429, 500];
const DISCOVERY = [404, 429, 500];
const FORM = 'application/x-www-form-urlencoded';
const JSON_ONLY = ['application/json'];

/** No bearer token: the browser-side endpoints of the flow. */
const PUBLIC: [] = [];

const authorizeQuery = [
  query('client_id', { type: 'string' }, true),
  query('response_type', { type: 'string' }, true),
  query('response_mode', { type: 'string', enum: ['query', 'fragment', 'form_post', 'pi.flow'] }),
  query('login_hint_token', { type: 'string', format: 'password' }),
  query('redirect_uri', { type: 'string' }),
  query('scope', { type: 'string' }),
  query('state', { type: 'string' }),
  query('nonce', { type: 'string' }),
];

/**
 * The auth-plane operations, on the auth host (`https://auth.pingone.{tld}`, no `/v1`; the
 * environment ID is the first path segment). With `response_mode=pi.flow` authorize and resume
 * answer 200 JSON instead of redirecting.
 */
export const authOperations: OperationSpec[] = [
  {
    operationId: 'token',
    method: 'post',
    path: '/{envID}/as/token',
    summary: 'Token request (client_credentials, authorization_code)',
    status: 200,
    schema: 'TokenResponse',
    mediaTypes: JSON_ONLY,
    oauthErrors: [400, 401],
    errors: [429, 500],
    request: { mediaType: FORM, schema: 'TokenRequest' },
    security: [{ clientSecretBasic: [] }, {}],
  },
  {
    operationId: 'authorize',
    method: 'get',
    path: '/{envID}/as/authorize',
    summary: 'Authorize with a login_hint_token (response_mode=pi.flow)',
    status: 200,
    schema: 'Flow',
    errors: FLOW,
    query: authorizeQuery,
    security: PUBLIC,
  },
  {
    operationId: 'authorizePost',
    method: 'post',
    path: '/{envID}/as/authorize',
    summary: 'Authorize, the parameters form-encoded',
    status: 200,
    schema: 'Flow',
    errors: FLOW_ACTION,
    request: { mediaType: FORM, schema: 'AuthorizeRequest' },
    security: PUBLIC,
  },
  {
    operationId: 'readFlow',
    method: 'get',
    path: '/{envID}/flows/{flowID}',
    summary: 'Read the flow',
    status: 200,
    schema: 'Flow',
    errors: FLOW,
    security: PUBLIC,
  },
  {
    operationId: 'checkOTP',
    method: 'post',
    path: '/{envID}/flows/{flowID}',
    summary: 'Check the one-time passcode',
    status: 200,
    schema: 'Flow',
    errors: FLOW_ACTION,
    request: { mediaType: 'application/vnd.pingidentity.otp.check+json', schema: 'OtpCheck' },
    security: PUBLIC,
  },
  {
    operationId: 'resume',
    method: 'get',
    path: '/{envID}/as/resume',
    summary: 'Resume the completed flow',
    status: 200,
    schema: 'ResumeResponse',
    errors: FLOW,
    query: [query('flowId', { type: 'string', format: 'uuid' }, true)],
    security: PUBLIC,
  },
  {
    operationId: 'jwks',
    method: 'get',
    path: '/{envID}/as/jwks',
    summary: "The environment's signing keys",
    status: 200,
    schema: 'JsonWebKeySet',
    mediaTypes: JSON_ONLY,
    errors: DISCOVERY,
    security: PUBLIC,
  },
  {
    operationId: 'openidConfiguration',
    method: 'get',
    path: '/{envID}/as/.well-known/openid-configuration',
    summary: 'OpenID Provider metadata',
    status: 200,
    schema: 'OpenIDConfiguration',
    mediaTypes: JSON_ONLY,
    errors: DISCOVERY,
    security: PUBLIC,
  },
];
