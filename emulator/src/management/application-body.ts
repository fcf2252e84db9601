import { errors } from '../errors.ts';
import { booleanField, enumField, optionalString, requiredString } from '../request.ts';
import { enumArray, isAbsoluteUri, rangedInteger, stringArray } from './fields.ts';

/** PingOne's application types; the PING_ONE_* and template types are built in, never created. */
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
const CREATABLE_TYPES = APPLICATION_TYPES.slice(0, 6);
const PROTOCOLS = ['OPENID_CONNECT', 'SAML', 'WS_FED', 'EXTERNAL_LINK'] as const;
const AUTH_METHODS = [
  'NONE',
  'CLIENT_SECRET_BASIC',
  'CLIENT_SECRET_POST',
  'PRIVATE_KEY_JWT',
  'CLIENT_SECRET_JWT',
] as const;
/** The methods the emulator's token endpoint can authenticate (auth/client-authentication.ts). */
const SERVED_AUTH_METHODS = ['CLIENT_SECRET_BASIC', 'CLIENT_SECRET_POST'] as const;
const GRANT_TYPES = [
  'AUTHORIZATION_CODE',
  'IMPLICIT',
  'REFRESH_TOKEN',
  'CLIENT_CREDENTIALS',
  'DEVICE_CODE',
  'TOKEN_EXCHANGE',
  'CIBA',
] as const;
const RESPONSE_TYPES = ['TOKEN', 'ID_TOKEN', 'CODE'] as const;
const PKCE = ['OPTIONAL', 'REQUIRED', 'S256_REQUIRED'] as const;
const PAR = ['REQUIRED', 'OPTIONAL'] as const;

/**
 * Reads a createApplication body into the fields of an OIDC application, in PingOne's order and
 * with PingOne's defaults (pkceEnforcement and parRequirement OPTIONAL, parTimeout 60). Fields the
 * emulator does not model are not stored.
 */
export function applicationFields(body: Record<string, unknown>): Record<string, unknown> {
  const name = requiredString(body.name, 'name');
  const description = optionalString(body.description, 'description');
  const enabled = booleanField(body.enabled, 'enabled', true);
  const type = enumField(body.type, 'type', APPLICATION_TYPES, true);
  const protocol = enumField(body.protocol, 'protocol', PROTOCOLS, true);
  const tokenEndpointAuthMethod = enumField(
    body.tokenEndpointAuthMethod,
    'tokenEndpointAuthMethod',
    AUTH_METHODS,
    true,
  );

  if (!(CREATABLE_TYPES as readonly string[]).includes(type))
    throw errors.invalidValue(
      'type',
      `A ${type} application is built into PingOne and cannot be created.`,
      CREATABLE_TYPES,
    );
  if (protocol !== 'OPENID_CONNECT')
    throw errors.invalidValue(
      'protocol',
      `The PingOne emulator serves only OPENID_CONNECT applications, not ${protocol}.`,
      ['OPENID_CONNECT'],
    );
  if (!(SERVED_AUTH_METHODS as readonly string[]).includes(tokenEndpointAuthMethod))
    throw errors.invalidValue(
      'tokenEndpointAuthMethod',
      `The PingOne emulator's token endpoint authenticates clients with ${SERVED_AUTH_METHODS.join(' or ')} only.`,
      SERVED_AUTH_METHODS,
    );

  const grantTypes =
    enumArray(body.grantTypes, 'grantTypes', GRANT_TYPES) ??
    (type === 'WORKER' ? ['CLIENT_CREDENTIALS'] : undefined);
  const responseTypes = enumArray(body.responseTypes, 'responseTypes', RESPONSE_TYPES);
  const redirectUris = uriList(body.redirectUris, 'redirectUris');
  const postLogoutRedirectUris = uriList(body.postLogoutRedirectUris, 'postLogoutRedirectUris');

  return {
    name,
    ...(description !== undefined ? { description } : {}),
    enabled,
    type,
    protocol,
    ...(grantTypes ? { grantTypes } : {}),
    ...(responseTypes ? { responseTypes } : {}),
    ...(redirectUris ? { redirectUris } : {}),
    ...(postLogoutRedirectUris ? { postLogoutRedirectUris } : {}),
    tokenEndpointAuthMethod,
    pkceEnforcement: enumField(body.pkceEnforcement, 'pkceEnforcement', PKCE) ?? 'OPTIONAL',
    parRequirement: enumField(body.parRequirement, 'parRequirement', PAR) ?? 'OPTIONAL',
    parTimeout: rangedInteger(body.parTimeout, 'parTimeout', { minimum: 1, maximum: 600 }) ?? 60,
    ...optionals(body),
  };
}

function uriList(value: unknown, target: string): string[] | undefined {
  const uris = stringArray(value, target);
  uris?.forEach((uri, index) => {
    if (!isAbsoluteUri(uri))
      throw errors.invalidValue(
        `${target}[${index}]`,
        `${target}[${index}] must be an absolute URI.`,
      );
  });
  return uris;
}

/** Optional OIDC settings echoed as sent, each checked for its type. */
function optionals(body: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    homePageUrl: optionalString(body.homePageUrl, 'homePageUrl'),
    loginPageUrl: optionalString(body.loginPageUrl, 'loginPageUrl'),
    initiateLoginUri: optionalString(body.initiateLoginUri, 'initiateLoginUri'),
    targetLinkUri: optionalString(body.targetLinkUri, 'targetLinkUri'),
    hiddenFromAppPortal: booleanField(body.hiddenFromAppPortal, 'hiddenFromAppPortal'),
    requireSignedRequestObject: booleanField(
      body.requireSignedRequestObject,
      'requireSignedRequestObject',
    ),
    supportUnsignedRequestObject: booleanField(
      body.supportUnsignedRequestObject,
      'supportUnsignedRequestObject',
    ),
    refreshTokenDuration: rangedInteger(body.refreshTokenDuration, 'refreshTokenDuration', {
      minimum: 60,
      maximum: 2147483647,
    }),
    refreshTokenRollingDuration: rangedInteger(
      body.refreshTokenRollingDuration,
      'refreshTokenRollingDuration',
      {
        minimum: 0,
        maximum: 2147483647,
      },
    ),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
