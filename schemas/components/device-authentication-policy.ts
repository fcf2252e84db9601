import {
  arrayOf,
  bool,
  collection,
  count,
  enumOf,
  nonEmpty,
  object,
  ref,
  text,
  timestamp,
  toggle,
  uuid,
  type Schema,
} from './common.ts';

const timeUnit = enumOf(['MINUTES', 'SECONDS']);
const period = object({ duration: count, timeUnit }, ['duration', 'timeUnit']);
const failure = object({ count, coolDown: period }, ['count', 'coolDown']);

/**
 * An OTP method (SMS, voice, email, WhatsApp): `otp.failure.count` wrong entries block the user
 * for `otp.failure.coolDown`; a passcode is valid for `otp.lifeTime`; `otpLength` is 6 to 10.
 */
const offlineDevice: Schema = object(
  {
    enabled: bool,
    pairingDisabled: bool,
    promptForNicknameOnPairing: bool,
    otp: object(
      { lifeTime: period, failure, otpLength: { type: 'integer', minimum: 6, maximum: 10 } },
      ['lifeTime', 'failure'],
    ),
  },
  ['enabled', 'otp'],
);

export const deviceAuthenticationPolicySchemas: Record<string, Schema> = {
  DeviceAuthenticationPolicy: object(
    {
      _links: ref('Links'),
      id: uuid,
      environment: ref('EntityRef'),
      name: nonEmpty,
      default: bool,
      forSignOnPolicy: { ...bool, deprecated: true },
      sms: offlineDevice,
      voice: offlineDevice,
      email: offlineDevice,
      whatsApp: offlineDevice,
      mobile: object(
        {
          enabled: bool,
          promptForNicknameOnPairing: bool,
          otp: object({ failure, window: object({ stepSize: period }, ['stepSize']) }, ['failure']),
          applications: arrayOf(object({ id: uuid }, ['id'])),
        },
        ['enabled'],
      ),
      totp: object(
        {
          enabled: bool,
          pairingDisabled: bool,
          promptForNicknameOnPairing: bool,
          passcodeGracePeriod: count,
          otp: object({ failure }, ['failure']),
          uriParameters: { type: 'object', additionalProperties: text },
        },
        ['enabled'],
      ),
      fido2: object({ enabled: bool, pairingDisabled: bool, fido2PolicyId: text }, ['enabled']),
      securityKey: toggle,
      platform: toggle,
      oathToken: object({ enabled: bool }, ['enabled']),
      desktop: object({ enabled: bool }, ['enabled']),
      yubikey: object({ enabled: bool }, ['enabled']),
      rememberMe: object({ web: object({ enabled: bool }, ['enabled']) }, ['web']),
      newDeviceNotification: enumOf(['NONE', 'EMAIL_THEN_SMS', 'SMS_THEN_EMAIL']),
      authentication: object(
        { deviceSelection: enumOf(['DEFAULT_TO_FIRST', 'PROMPT_TO_SELECT', 'ALWAYS_DISPLAY_DEVICES']) },
        ['deviceSelection'],
      ),
      ignoreUserLock: bool,
      notificationsPolicy: ref('EntityRef'),
      updatedAt: timestamp,
    },
    ['_links', 'id', 'environment', 'name', 'default', 'sms', 'voice', 'email', 'mobile', 'totp'],
  ),
  DeviceAuthenticationPolicies: collection('deviceAuthenticationPolicies', 'DeviceAuthenticationPolicy'),
};
