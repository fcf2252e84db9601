import {
  arrayOf,
  bool,
  collection,
  enumOf,
  nonEmpty,
  object,
  ref,
  secret,
  strings,
  text,
  timestamp,
  uuid,
  type Schema,
} from './common.ts';

export const APPLICATION_TYPES = [
  'WEB_APP',
  'NATIVE_APP',
  'SINGLE_PAGE_APP',
  'WORKER',
  'SERVICE',
  'CUSTOM_APP',
  'PING_ONE_SELF_SERVICE',
  'PING_ONE_ADMIN_CONSOLE',
  'PING_ONE_PORTAL',
  'TEMPLATE_APP',
  'PORTAL_LINK_APP',
] as const;

/** The application types an administrator creates; PingOne's own portals are the others. */
const CONFIGURABLE_OIDC_TYPES = [
  'WEB_APP',
  'NATIVE_APP',
  'SINGLE_PAGE_APP',
  'WORKER',
  'SERVICE',
  'CUSTOM_APP',
];

export const GRANT_TYPES = [
  'AUTHORIZATION_CODE',
  'IMPLICIT',
  'REFRESH_TOKEN',
  'CLIENT_CREDENTIALS',
  'DEVICE_CODE',
  'TOKEN_EXCHANGE',
  'CIBA',
] as const;

export const TOKEN_ENDPOINT_AUTH_METHODS = [
  'NONE',
  'CLIENT_SECRET_BASIC',
  'CLIENT_SECRET_POST',
  'PRIVATE_KEY_JWT',
  'CLIENT_SECRET_JWT',
] as const;

const duration = (maximum: number, minimum = 0): Schema => ({ type: 'integer', minimum, maximum });

/**
 * An application as PingOne returns it. Its `id` is the OAuth `client_id`. An OIDC application an
 * administrator configures (web, native, SPA, worker, service, custom) always carries its
 * `tokenEndpointAuthMethod` and `grantTypes`: the token step depends on both.
 */
const Application: Schema = {
  ...object(
    {
      _links: ref('Links'),
      id: uuid,
      environment: ref('EntityRef'),
      name: nonEmpty,
      description: text,
      enabled: bool,
      type: enumOf(APPLICATION_TYPES),
      protocol: enumOf(['OPENID_CONNECT', 'SAML', 'WS_FED', 'EXTERNAL_LINK']),
      grantTypes: arrayOf(enumOf(GRANT_TYPES)),
      responseTypes: arrayOf(enumOf(['TOKEN', 'ID_TOKEN', 'CODE'])),
      tokenEndpointAuthMethod: enumOf(TOKEN_ENDPOINT_AUTH_METHODS),
      redirectUris: strings,
      postLogoutRedirectUris: strings,
      pkceEnforcement: enumOf(['OPTIONAL', 'REQUIRED', 'S256_REQUIRED']),
      parRequirement: enumOf(['REQUIRED', 'OPTIONAL']),
      parTimeout: duration(600, 1),
      refreshTokenDuration: duration(2147483647, 60),
      refreshTokenRollingDuration: duration(2147483647),
      refreshTokenRollingGracePeriodDuration: duration(86400),
      refreshTokenType: enumOf(['JSON_WEB_TOKEN', 'OPAQUE_TOKEN']),
      homePageUrl: text,
      loginPageUrl: text,
      initiateLoginUri: text,
      targetLinkUri: text,
      hiddenFromAppPortal: bool,
      assignActorRoles: bool,
      requireSignedRequestObject: bool,
      supportUnsignedRequestObject: bool,
      additionalRefreshTokenReplayProtectionEnabled: bool,
      requestScopesForMultipleResourcesEnabled: bool,
      allowWildcardInRedirectUris: bool,
      opSessionCheckEnabled: bool,
      includeX5t: bool,
      idpSignoff: bool,
      jwks: text,
      jwksUrl: text,
      devicePollingInterval: duration(60, 1),
      deviceTimeout: duration(3600, 1),
      corsSettings: object(
        { behavior: enumOf(['ALLOW_NO_ORIGINS', 'ALLOW_SPECIFIC_ORIGINS']), origins: strings },
        ['behavior'],
      ),
      icon: object({ id: uuid, href: text }, ['id', 'href']),
      signing: object({ keyRotationPolicy: object({ id: uuid }, ['id']) }),
      tags: arrayOf(enumOf(['PING_FED_CONNECTION_INTEGRATION'])),
      createdAt: timestamp,
      updatedAt: timestamp,
    },
    ['_links', 'id', 'environment', 'name', 'enabled', 'type', 'protocol'],
  ),
  if: {
    required: ['protocol', 'type'],
    properties: { protocol: { const: 'OPENID_CONNECT' }, type: { enum: CONFIGURABLE_OIDC_TYPES } },
  },
  then: { required: ['tokenEndpointAuthMethod', 'grantTypes'] },
};

export const applicationSchemas: Record<string, Schema> = {
  Application,
  Applications: collection('applications', 'Application'),
  ApplicationSecret: object(
    {
      _links: ref('Links'),
      environment: ref('EntityRef'),
      secret,
      previous: object({ secret, expiresAt: timestamp, lastUsed: timestamp }, ['expiresAt']),
    },
    ['_links', 'secret'],
  ),
};

