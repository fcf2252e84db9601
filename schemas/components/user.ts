import {
  bool,
  collection,
  count,
  enumOf,
  object,
  ref,
  strings,
  text,
  timestamp,
  uuid,
  type Schema,
} from './common.ts';

/**
 * PingOne's character classes for names and free text (letters, marks, spaces, symbols, digits,
 * punctuation). Anchored, and written with `\p{…}` escapes that need a Unicode-aware engine.
 */
const PRINTABLE = '^[\\p{L}\\p{M}\\p{Zs}\\p{S}\\p{N}\\p{P}]*$';
const PERSON_NAME = "^[\\p{L}\\p{M}\\p{N}' .-]*$";
const STREET = '^[\\p{L}\\p{M}\\p{N}\\p{Zs}\\p{P}\\n\\r]*$';

const printable = (maxLength: number): Schema => ({
  type: 'string',
  minLength: 1,
  maxLength,
  pattern: PRINTABLE,
});
const personName: Schema = { type: 'string', minLength: 1, maxLength: 256, pattern: PERSON_NAME };

export const PASSWORD_STATUSES = [
  'OK',
  'MUST_CHANGE_PASSWORD',
  'PASSWORD_EXPIRED',
  'PASSWORD_LOCKED_OUT',
  'NO_PASSWORD',
] as const;

/**
 * A user. `password` never appears in a response (PingOne documents that it is never returned),
 * so the contract forbids it outright.
 */
const User: Schema = object(
  {
    _links: ref('Links'),
    id: uuid,
    environment: ref('EntityRef'),
    username: printable(128),
    email: { type: 'string', format: 'email' },
    emailVerified: bool,
    enabled: bool,
    mfaEnabled: bool,
    name: object({
      given: printable(256),
      family: personName,
      middle: printable(256),
      formatted: personName,
      honorificPrefix: text,
      honorificSuffix: text,
    }),
    population: ref('EntityRef'),
    account: object(
      {
        canAuthenticate: bool,
        status: enumOf(['LOCKED', 'OK']),
        lockedAt: timestamp,
        unlockAt: timestamp,
        secondsUntilUnlock: count,
      },
      ['canAuthenticate', 'status'],
    ),
    identityProvider: object({
      id: uuid,
      type: enumOf([
        'FACEBOOK',
        'GOOGLE',
        'LINKEDIN',
        'LINKEDIN_OIDC',
        'APPLE',
        'TWITTER',
        'AMAZON',
        'YAHOO',
        'MICROSOFT',
        'PAYPAL',
        'GITHUB',
        'OPENID_CONNECT',
        'SAML',
        'PING_ONE',
      ]),
    }),
    lifecycle: object({
      status: enumOf(['ACCOUNT_OK', 'VERIFICATION_REQUIRED']),
      suppressVerificationCode: bool,
    }),
    verifyStatus: enumOf(['NOT_INITIATED', 'ENABLED', 'DISABLED']),
    address: object({
      countryCode: { type: 'string', pattern: '^[A-Z]{2}$' },
      locality: printable(256),
      postalCode: printable(40),
      region: printable(256),
      streetAddress: { type: 'string', minLength: 1, maxLength: 256, pattern: STREET },
    }),
    externalId: { type: 'string', minLength: 1, maxLength: 1024 },
    locale: printable(256),
    nickname: printable(256),
    title: printable(256),
    type: printable(256),
    timezone: text,
    preferredLanguage: text,
    mobilePhone: { type: 'string', maxLength: 32 },
    primaryPhone: { type: 'string', minLength: 1, maxLength: 32 },
    photo: object({ href: text }, ['href']),
    lastSignOn: object({ at: timestamp, remoteIp: text }),
    memberOfGroupIDs: strings,
    memberOfGroupNames: strings,
    password: false,
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  ['_links', 'id', 'environment', 'username', 'population', 'enabled', 'mfaEnabled'],
);

export const userSchemas: Record<string, Schema> = {
  User,
  Users: collection('users', 'User'),
  PasswordState: object(
    {
      _links: ref('Links'),
      environment: ref('EntityRef'),
      user: ref('EntityRef'),
      passwordPolicy: ref('EntityRef'),
      status: enumOf(PASSWORD_STATUSES),
      lastChangedAt: timestamp,
      secondsUntilUnlock: count,
      failuresRemaining: count,
    },
    ['environment', 'status'],
  ),
  UserMFAEnabled: object({ _links: ref('Links'), mfaEnabled: bool }, ['_links', 'mfaEnabled']),
};
