import { errors } from '../errors.ts';
import { booleanField, enumField, requiredString } from '../request.ts';
import {
  arrayField,
  lenientBoolean,
  objectField,
  rangedInteger,
  requiredInteger,
} from './fields.ts';

const TIME_UNITS = ['MINUTES', 'SECONDS'] as const;
const DEVICE_SELECTION = [
  'DEFAULT_TO_FIRST',
  'PROMPT_TO_SELECT',
  'ALWAYS_DISPLAY_DEVICES',
] as const;
const NEW_DEVICE_NOTIFICATION = ['NONE', 'EMAIL_THEN_SMS', 'SMS_THEN_EMAIL'] as const;

/**
 * Reads a createDeviceAuthenticationPolicy body: `name`, and the method blocks PingOne requires
 * (`sms`, `voice`, `email`, `mobile`, `totp`), each checked field by field; `fido2`,
 * `securityKey` and `platform` `{enabled}` are optional. A new policy is neither the default nor
 * `forSignOnPolicy` (both may be sent as false). Defaults as PingOne documents them:
 * `otp.otpLength` 6, `authentication.deviceSelection` DEFAULT_TO_FIRST,
 * `newDeviceNotification` NONE.
 */
export function deviceAuthenticationPolicyFields(
  body: Record<string, unknown>,
): Record<string, unknown> {
  const name = requiredString(body.name, 'name');
  const isDefault = lenientBoolean(body.default, 'default');
  const forSignOnPolicy = lenientBoolean(body.forSignOnPolicy, 'forSignOnPolicy');
  if (isDefault)
    throw errors.invalidValue(
      'default',
      'A device authentication policy cannot be created as the default.',
    );
  if (forSignOnPolicy)
    throw errors.invalidValue(
      'forSignOnPolicy',
      'forSignOnPolicy is deprecated and can only be false.',
    );

  const authentication = objectField(body.authentication, 'authentication');
  const deviceSelection = enumField(
    authentication?.deviceSelection,
    'authentication.deviceSelection',
    DEVICE_SELECTION,
  );
  const ignoreUserLock = booleanField(body.ignoreUserLock, 'ignoreUserLock');
  return {
    name,
    default: false,
    forSignOnPolicy: false,
    authentication: { deviceSelection: deviceSelection ?? 'DEFAULT_TO_FIRST' },
    newDeviceNotification:
      enumField(body.newDeviceNotification, 'newDeviceNotification', NEW_DEVICE_NOTIFICATION) ??
      'NONE',
    ...(ignoreUserLock !== undefined ? { ignoreUserLock } : {}),
    sms: offlineMethod(body.sms, 'sms'),
    voice: offlineMethod(body.voice, 'voice'),
    email: offlineMethod(body.email, 'email'),
    mobile: mobileMethod(body.mobile),
    totp: totpMethod(body.totp),
    ...toggle(body, 'fido2'),
    ...toggle(body, 'securityKey'),
    ...toggle(body, 'platform'),
  };
}

/** `{ duration, timeUnit }`, both required; `duration` at least `minimum`. */
function period(value: unknown, target: string, minimum: number) {
  const block = objectField(value, target, true);
  return {
    duration: requiredInteger(block.duration, `${target}.duration`, minimum),
    timeUnit: enumField(block.timeUnit, `${target}.timeUnit`, TIME_UNITS, true),
  };
}

/** `{ count, coolDown }`: at least one failure allowed, a cool-down of zero or more. */
function failure(value: unknown, target: string) {
  const block = objectField(value, target, true);
  return {
    count: requiredInteger(block.count, `${target}.count`, 1),
    coolDown: period(block.coolDown, `${target}.coolDown`, 0),
  };
}

/** `enabled` plus the optional pairing flags every method block may carry. */
function methodBase(block: Record<string, unknown>, target: string) {
  const pairingDisabled = booleanField(block.pairingDisabled, `${target}.pairingDisabled`);
  const prompt = booleanField(
    block.promptForNicknameOnPairing,
    `${target}.promptForNicknameOnPairing`,
  );
  return {
    enabled: booleanField(block.enabled, `${target}.enabled`, true),
    ...(pairingDisabled !== undefined ? { pairingDisabled } : {}),
    ...(prompt !== undefined ? { promptForNicknameOnPairing: prompt } : {}),
  };
}

/** An SMS, voice or email block: `otp.lifeTime`, `otp.failure`, `otp.otpLength` (6 to 10). */
function offlineMethod(value: unknown, target: string) {
  const block = objectField(value, target, true);
  const otp = objectField(block.otp, `${target}.otp`, true);
  return {
    ...methodBase(block, target),
    otp: {
      lifeTime: period(otp.lifeTime, `${target}.otp.lifeTime`, 1),
      failure: failure(otp.failure, `${target}.otp.failure`),
      otpLength:
        rangedInteger(otp.otpLength, `${target}.otp.otpLength`, { minimum: 6, maximum: 10 }) ?? 6,
    },
  };
}

/** The mobile block: `otp.failure` required, `otp.window.stepSize` and `applications` echoed. */
function mobileMethod(value: unknown) {
  const block = objectField(value, 'mobile', true);
  const otp = objectField(block.otp, 'mobile.otp', true);
  const window = objectField(otp.window, 'mobile.otp.window');
  const applications = arrayField(block.applications, 'mobile.applications')?.map((item, index) => {
    const application = objectField(item, `mobile.applications[${index}]`, true);
    requiredString(application.id, `mobile.applications[${index}].id`);
    return application;
  });
  return {
    ...methodBase(block, 'mobile'),
    otp: {
      failure: failure(otp.failure, 'mobile.otp.failure'),
      ...(window
        ? { window: { stepSize: period(window.stepSize, 'mobile.otp.window.stepSize', 1) } }
        : {}),
    },
    ...(applications ? { applications } : {}),
  };
}

/** The TOTP block: `otp.failure` required. */
function totpMethod(value: unknown) {
  const block = objectField(value, 'totp', true);
  const otp = objectField(block.otp, 'totp.otp', true);
  return {
    ...methodBase(block, 'totp'),
    otp: { failure: failure(otp.failure, 'totp.otp.failure') },
  };
}

/** An optional `{ enabled }` block (FIDO2 and its deprecated securityKey/platform forms). */
function toggle(body: Record<string, unknown>, name: string): Record<string, unknown> {
  const block = objectField(body[name], name);
  return block ? { [name]: methodBase(block, name) } : {};
}
