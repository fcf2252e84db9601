import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Emulator } from '../context.ts';
import { errors, type PingOneError } from '../errors.ts';
import type { Entity } from '../state.ts';
import { recordSecret } from '../testing/secrets.ts';
import type { Flow } from './flow.ts';
import { deliveryAddress, methodKey, type OtpDeviceType } from './mfa-devices.ts';

/** A device authentication policy's passcode rules for one method, with PingOne's defaults. */
export interface OtpSettings {
  length: number;
  lifetimeMs: number;
  failureCount: number;
  coolDownMs: number;
}

interface Duration {
  duration?: number;
  timeUnit?: string;
}

/** Reads `<method>.otp` of a device authentication policy: otpLength, lifeTime, failure. */
export function otpSettings(policy: Entity | undefined, type: OtpDeviceType): OtpSettings {
  const otp =
    (policy?.[methodKey(type)] as { otp?: Record<string, unknown> } | undefined)?.otp ?? {};
  const failure = (otp.failure ?? {}) as { count?: number; coolDown?: Duration };
  return {
    length: typeof otp.otpLength === 'number' ? otp.otpLength : 6,
    lifetimeMs: durationMs(otp.lifeTime as Duration | undefined) ?? 30 * 60 * 1000,
    failureCount: typeof failure.count === 'number' ? failure.count : 3,
    coolDownMs: durationMs(failure.coolDown) ?? 0,
  };
}

/** `length` crypto-random decimal digits. */
export function generateOtp(length: number): string {
  let otp = '';
  for (let i = 0; i < length; i++) otp += randomInt(0, 10).toString();
  return otp;
}

/**
 * Makes a new passcode for `device` and "sends" it: a device in `testMode` gets nothing (the flow
 * response carries `test.otp`, as PingOne does for test devices); any other device's passcode is
 * put in the emulator's outbox. A locked device gets no passcode.
 */
export function sendOtp(
  emulator: Emulator,
  flow: Flow,
  device: Entity,
  settings: OtpSettings,
  applicationName: string,
): void {
  const { state } = emulator;
  assertNotLocked(emulator, device);

  const value = generateOtp(settings.length);
  recordSecret(emulator, 'otp', value);
  flow.otp = { value, deviceId: device.id, expiresAt: state.now() + settings.lifetimeMs };
  if (device.testMode === true) return;

  state.outbox.push({
    id: randomUUID(),
    deviceId: device.id,
    userId: flow.userId,
    phone: deliveryAddress(device),
    text: `${value} is your one-time passcode for ${applicationName}.`,
    otp: value,
    sentAt: state.timestamp(),
  });
}

/**
 * Checks a submitted passcode against the flow's pending one. Right: the passcode is deleted.
 * Wrong: 400 INVALID_DATA / INVALID_OTP with `innerError.failuresRemaining`. The failure that
 * uses up `failure.count` discards the passcode and, when `coolDown` is not zero, locks the device
 * until the cool-down ends. An expired passcode is discarded too.
 */
export function checkOtp(
  emulator: Emulator,
  flow: Flow,
  device: Entity,
  settings: OtpSettings,
  submitted: string,
): void {
  const { state } = emulator;
  const pending = flow.otp;
  if (!pending)
    throw errors.invalidData([
      {
        code: 'INVALID_OTP',
        target: 'otp',
        message: 'No passcode is pending; select the device (device.select) to get a new one.',
      },
    ]);

  assertNotLocked(emulator, device);

  if (state.now() > pending.expiresAt) {
    delete flow.otp;
    throw errors.invalidData([
      {
        code: 'INVALID_OTP',
        target: 'otp',
        message: 'The passcode has expired; select the device (device.select) to get a new one.',
        innerError: { expiredAt: state.timestamp(pending.expiresAt) },
      },
    ]);
  }

  if (equal(submitted, pending.value)) {
    delete flow.otp;
    return;
  }

  const failures = (flow.failures[device.id] ?? 0) + 1;
  const remaining = settings.failureCount - failures;
  flow.failures[device.id] = failures;
  if (remaining > 0)
    throw errors.invalidData([
      {
        code: 'INVALID_OTP',
        target: 'otp',
        message: 'The passcode is not correct.',
        innerError: { failuresRemaining: remaining },
      },
    ]);

  delete flow.otp;
  flow.failures[device.id] = 0;
  if (settings.coolDownMs > 0) {
    const until = state.now() + settings.coolDownMs;
    device.lock = { status: 'LOCKED', expiresAt: state.timestamp(until) };
    throw locked(device, state.timestamp(until));
  }
  throw errors.invalidData([
    {
      code: 'INVALID_OTP',
      target: 'otp',
      message:
        'The passcode is not correct and was the last attempt; select the device to get a new one.',
      innerError: { failuresRemaining: 0 },
    },
  ]);
}

/** Answers 400 REQUEST_FAILED while the device's lock lasts; lifts a lock whose time is up. */
export function assertNotLocked(emulator: Emulator, device: Entity): void {
  const lock = device.lock as { status?: string; expiresAt?: string } | undefined;
  if (lock?.status !== 'LOCKED') return;

  if (Date.parse(lock.expiresAt ?? '') > emulator.state.now())
    throw locked(device, lock.expiresAt!);
  delete device.lock;
}

function locked(device: Entity, until: string): PingOneError {
  return errors.requestFailed('The device is locked after too many failed passcode attempts.', [
    {
      code: 'ACCOUNT_NOT_USABLE',
      target: 'device',
      message: `The device ${device.id} is locked until ${until}.`,
      innerError: { lockExpiresAt: until },
    },
  ]);
}

function durationMs(value: Duration | undefined): number | undefined {
  if (typeof value?.duration !== 'number') return undefined;
  return value.duration * (value.timeUnit === 'SECONDS' ? 1000 : 60 * 1000);
}

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
