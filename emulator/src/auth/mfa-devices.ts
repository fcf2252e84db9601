import type { Emulator } from '../context.ts';
import type { Entity } from '../state.ts';

/** Device types that authenticate with a one-time passcode sent by the emulator. */
export const OTP_DEVICE_TYPES = ['SMS', 'EMAIL', 'VOICE'] as const;
export type OtpDeviceType = (typeof OTP_DEVICE_TYPES)[number];

/** The key of a device type's block in actions and device authentication policies. */
export function methodKey(type: OtpDeviceType): 'sms' | 'email' | 'voice' {
  return type.toLowerCase() as 'sms' | 'email' | 'voice';
}

/**
 * The device authentication policy that governs `device` under an MFA `action`: the action's
 * `deviceAuthenticationPolicy`, else the one the device was created with, else the environment's
 * default policy.
 */
export function governingPolicy(
  emulator: Emulator,
  action: Entity,
  device: Entity,
): Entity | undefined {
  const policies = emulator.state.collections.deviceAuthenticationPolicies;
  for (const id of [refId(action.deviceAuthenticationPolicy), refId(device.policy)]) {
    const policy = id ? policies.get(id) : undefined;
    if (policy) return policy;
  }
  return policies.find((policy) => policy.default === true);
}

/**
 * The user's devices an MFA action may use: ACTIVE devices of an OTP type whose method is enabled
 * by the governing device policy and not switched off by the action's own (deprecated) method flag.
 */
export function eligibleDevices(emulator: Emulator, user: Entity, action: Entity): Entity[] {
  return emulator.state.collections.devices.list((device) => {
    if ((device.user as { id?: string } | undefined)?.id !== user.id) return false;
    if (device.status !== 'ACTIVE' || !isOtpType(device.type)) return false;

    const key = methodKey(device.type);
    const policy = governingPolicy(emulator, action, device);
    const byPolicy = (policy?.[key] as { enabled?: boolean } | undefined)?.enabled === true;
    const byAction = (action[key] as { enabled?: boolean } | undefined)?.enabled !== false;
    return byPolicy && byAction;
  });
}

/** A device as a flow embeds it: the address masked, with the flow's failed attempts. */
export function flowDeviceView(device: Entity, userRetries: number): Record<string, unknown> {
  return {
    id: device.id,
    type: device.type,
    status: device.status,
    ...(device.nickname ? { nickname: device.nickname } : {}),
    userRetries,
    ...(typeof device.phone === 'string' ? { phone: maskPhone(device.phone) } : {}),
    ...(typeof device.email === 'string' ? { email: maskEmail(device.email) } : {}),
  };
}

/** Where a passcode for the device goes: its phone number, or its email address. */
export function deliveryAddress(device: Entity): string {
  return String(device.phone ?? device.email ?? '');
}

/** Every character but the last two digits replaced by `*`, as PingOne shows `*******01`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return '*'.repeat(Math.max(digits.length - 2, 0)) + digits.slice(-2);
}

/** The first character of the local part kept, the rest of it masked: `j*****@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '*'.repeat(email.length);
  return email[0] + '*'.repeat(at - 1) + email.slice(at);
}

function isOtpType(type: unknown): type is OtpDeviceType {
  return OTP_DEVICE_TYPES.includes(type as OtpDeviceType);
}

function refId(reference: unknown): string | undefined {
  const id = (reference as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}
