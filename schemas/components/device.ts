import {
  bool,
  collection,
  enumOf,
  object,
  ref,
  secret,
  text,
  timestamp,
  uuid,
  type Schema,
} from './common.ts';

export const DEVICE_TYPES = [
  'SMS',
  'EMAIL',
  'VOICE',
  'WHATSAPP',
  'MOBILE',
  'TOTP',
  'FIDO2',
  'SECURITY_KEY',
  'PLATFORM',
  'OATH_TOKEN',
  'DESKTOP',
  'YUBIKEY',
] as const;

export const DEVICE_STATUSES = ['ACTIVE', 'ACTIVATION_REQUIRED'] as const;

/** An international phone number: a leading `+`, then digits in one of PingOne's spellings. */
const phone: Schema = { type: 'string', pattern: '^\\+[0-9][0-9 ().-]*$' };

/**
 * A user's MFA device. SMS and voice devices carry `phone`, email devices `email`. A device created
 * with `testMode: true` (SMS, email or voice only) never receives messages; PingOne returns its
 * OTP in `test.otp` instead.
 */
const Device: Schema = {
  ...object(
    {
      _links: ref('Links'),
      id: uuid,
      environment: ref('EntityRef'),
      user: ref('EntityRef'),
      type: enumOf(DEVICE_TYPES),
      status: enumOf(DEVICE_STATUSES),
      phone,
      email: { type: 'string', format: 'email' },
      nickname: text,
      policy: ref('EntityRef'),
      testMode: bool,
      test: object({ otp: secret }, ['otp']),
      block: object({ status: text, blockedAt: timestamp }),
      lock: object({ status: text, expiresAt: timestamp }),
      createdAt: timestamp,
      updatedAt: timestamp,
    },
    ['_links', 'id', 'environment', 'user', 'type', 'status'],
  ),
  if: { required: ['type'], properties: { type: { enum: ['SMS', 'VOICE'] } } },
  then: { required: ['phone'] },
};

export const deviceSchemas: Record<string, Schema> = {
  Device,
  Devices: collection('devices', 'Device'),
};
