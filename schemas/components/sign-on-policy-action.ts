import {
  arrayOf,
  bool,
  collection,
  enumOf,
  object,
  ref,
  toggle,
  uuid,
  type Property,
  type Schema,
} from './common.ts';

/** The action types PingOne documents; the MFA action and the LOGIN action have their own shape. */
const OTHER_ACTION_TYPES = [
  'IDENTIFIER_FIRST',
  'IDENTITY_PROVIDER',
  'PROGRESSIVE_PROFILING',
  'AGREEMENT',
  'PINGID_WINLOGIN_PASSWORDLESS_AUTHENTICATION',
  'PINGID_AUTHENTICATION',
] as const;

export const ACTION_TYPES = ['LOGIN', 'MULTI_FACTOR_AUTHENTICATION', ...OTHER_ACTION_TYPES] as const;

/** The fields every action shares, with `type` narrowed by each branch. */
function action(type: Schema, extra: Record<string, Property> = {}): Schema {
  return object(
    {
      _links: ref('Links'),
      id: uuid,
      environment: ref('EntityRef'),
      signOnPolicy: ref('EntityRef'),
      priority: { type: 'integer', minimum: 1 },
      type,
      condition: { type: 'object' },
      ...extra,
    },
    ['_links', 'id', 'environment', 'priority', 'type'],
  );
}

const deprecatedToggle: Schema = { ...toggle, deprecated: true };

/**
 * A sign-on policy action. The variants are told apart by `type` (a discriminator, so exactly one
 * branch applies): MULTI_FACTOR_AUTHENTICATION, LOGIN, and one branch for the remaining types.
 */
export const signOnPolicyActionSchemas: Record<string, Schema> = {
  SignOnPolicyActionMFA: action(
    { type: 'string', const: 'MULTI_FACTOR_AUTHENTICATION' },
    {
      deviceAuthenticationPolicy: ref('EntityRef'),
      noDevicesMode: enumOf(['BLOCK', 'BYPASS']),
      sms: deprecatedToggle,
      email: deprecatedToggle,
      voice: deprecatedToggle,
      authenticator: deprecatedToggle,
      securityKey: deprecatedToggle,
      boundBiometrics: deprecatedToggle,
      applications: {
        ...arrayOf(
          object(
            {
              id: uuid,
              autoEnrollment: object({ enabled: bool }),
              deviceAuthorization: object({
                enabled: bool,
                extraVerification: enumOf(['disabled', 'permissive', 'restrictive']),
              }),
            },
            ['id'],
          ),
        ),
        deprecated: true,
      },
    },
  ),
  SignOnPolicyActionLogin: action(
    { type: 'string', const: 'LOGIN' },
    {
      recovery: toggle,
      registration: object({ enabled: bool, population: ref('EntityRef') }, ['enabled']),
      socialProviders: arrayOf(ref('EntityRef')),
      enforceLockoutForIdentityProviders: bool,
    },
  ),
  SignOnPolicyActionOther: action(enumOf(OTHER_ACTION_TYPES)),
  SignOnPolicyAction: {
    type: 'object',
    required: ['type'],
    discriminator: {
      propertyName: 'type',
      mapping: {
        MULTI_FACTOR_AUTHENTICATION: '#/components/schemas/SignOnPolicyActionMFA',
        LOGIN: '#/components/schemas/SignOnPolicyActionLogin',
        ...Object.fromEntries(OTHER_ACTION_TYPES.map((type) => [type, ref('SignOnPolicyActionOther').$ref])),
      },
    },
    oneOf: ['SignOnPolicyActionMFA', 'SignOnPolicyActionLogin', 'SignOnPolicyActionOther'].map(ref),
  },
  SignOnPolicyActions: collection('actions', 'SignOnPolicyAction'),
};
