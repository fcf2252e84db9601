import { APPLICATION_TYPES, GRANT_TYPES, TOKEN_ENDPOINT_AUTH_METHODS } from './application.ts';
import { ACTION_TYPES } from './sign-on-policy-action.ts';
import { DEVICE_STATUSES } from './device.ts';
import {
  arrayOf,
  bool,
  enumOf,
  nonEmpty,
  object,
  ref,
  secret,
  strings,
  text,
  type Schema,
} from './common.ts';

/**
 * Request bodies, with what PingOne requires on create. The matcher checks responses only; these
 * document what the suite sends.
 */
export const requestSchemas: Record<string, Schema> = {
  ApplicationCreate: object(
    {
      name: nonEmpty,
      description: text,
      enabled: bool,
      type: enumOf(APPLICATION_TYPES),
      protocol: enumOf(['OPENID_CONNECT', 'SAML', 'WS_FED', 'EXTERNAL_LINK']),
      grantTypes: arrayOf(enumOf(GRANT_TYPES)),
      responseTypes: arrayOf(enumOf(['TOKEN', 'ID_TOKEN', 'CODE'])),
      redirectUris: strings,
      tokenEndpointAuthMethod: enumOf(TOKEN_ENDPOINT_AUTH_METHODS),
    },
    ['name', 'enabled', 'type', 'protocol', 'tokenEndpointAuthMethod'],
  ),
  ApplicationResourceGrantCreate: object(
    { resource: ref('EntityRef'), scopes: arrayOf(ref('EntityRef'), { minItems: 1 }) },
    ['resource', 'scopes'],
  ),
  SignOnPolicyCreate: object(
    { name: { type: 'string', pattern: '^[a-zA-Z0-9_. -]+$' }, description: text, default: bool },
    ['name'],
  ),
  SignOnPolicyActionCreate: object(
    {
      priority: { type: 'integer', minimum: 1 },
      type: enumOf(ACTION_TYPES),
      deviceAuthenticationPolicy: ref('EntityRef'),
      noDevicesMode: enumOf(['BLOCK', 'BYPASS']),
      sms: object({ enabled: bool }),
      email: object({ enabled: bool }),
      voice: object({ enabled: bool }),
    },
    ['priority', 'type'],
  ),
  SignOnPolicyAssignmentCreate: object(
    { priority: { type: 'integer', minimum: 1 }, signOnPolicy: ref('EntityRef') },
    ['priority', 'signOnPolicy'],
  ),
  PopulationCreate: object({ name: nonEmpty, description: text }, ['name']),
  UserCreate: object(
    {
      username: nonEmpty,
      email: { type: 'string', format: 'email' },
      name: object({ given: text, family: text }),
      population: ref('EntityRef'),
    },
    ['username', 'email'],
  ),
  PasswordSet: object({ value: secret, forceChange: bool }, ['value', 'forceChange']),
  UserMFAEnabledUpdate: object({ mfaEnabled: bool }, ['mfaEnabled']),
  DeviceAuthenticationPolicyCreate: object(
    {
      name: nonEmpty,
      sms: { type: 'object' },
      voice: { type: 'object' },
      email: { type: 'object' },
      mobile: { type: 'object' },
      totp: { type: 'object' },
      default: bool,
    },
    ['name', 'sms', 'voice', 'email', 'mobile', 'totp', 'default'],
  ),
  DeviceCreate: object(
    {
      type: enumOf(['SMS', 'EMAIL', 'VOICE']),
      phone: text,
      email: text,
      policy: ref('EntityRef'),
      status: enumOf(DEVICE_STATUSES),
      nickname: text,
      testMode: bool,
    },
    ['type'],
  ),
  TokenRequest: object(
    {
      grant_type: enumOf(['client_credentials', 'authorization_code']),
      code: secret,
      redirect_uri: text,
      client_id: text,
      client_secret: secret,
    },
    ['grant_type'],
  ),
  AuthorizeRequest: object(
    {
      client_id: text,
      response_type: text,
      response_mode: enumOf(['query', 'fragment', 'form_post', 'pi.flow']),
      login_hint_token: secret,
      redirect_uri: text,
      scope: text,
      state: text,
      nonce: text,
    },
    ['client_id', 'response_type'],
  ),
  OtpCheck: object({ otp: secret }, ['otp']),
};
