import type { Emulator, EmulatorContext } from '../context.ts';
import { errors } from '../errors.ts';
import { apiHref, collection, resource } from '../hal.ts';
import {
  booleanField,
  enumField,
  optionalString,
  readJson,
  reference,
  requiredString,
} from '../request.ts';
import type { Entity } from '../state.ts';
import { created, emulatorOf, findOr404, newEntity, noContent, ref, refId } from './common.ts';
import { defaultDeviceAuthenticationPolicy } from './device-authentication-policies.ts';
import { emailField } from './fields.ts';
import { pathUser } from './user-resource.ts';

/** PingOne's MFA device types; the emulator pairs only the OTP-by-message ones. */
const DEVICE_TYPES = [
  'SMS',
  'EMAIL',
  'VOICE',
  'MOBILE',
  'TOTP',
  'FIDO2',
  'WHATSAPP',
  'OATH_TOKEN',
  'SECURITY_KEY',
  'PLATFORM',
] as const;
const SERVED_TYPES = ['SMS', 'EMAIL', 'VOICE'] as const;
const STATUSES = ['ACTIVE', 'ACTIVATION_REQUIRED'] as const;
/** "+", a country code, then digits, with the separators PingOne's examples use (. - ( ) space). */
const PHONE = /^\+[1-9][0-9 .()-]*[0-9]$/;

function renderDevice(emulator: Emulator, device: Entity) {
  const user = apiHref(emulator, 'users', refId(device, 'user')!);
  return resource(device, `${user}/devices/${device.id}`, { user });
}

/**
 * `POST /users/{userID}/devices`: an SMS or VOICE device (`phone`) or an EMAIL device (`email`),
 * created ACTIVE as PingOne does when an administrator pairs a device for a user. The phone is
 * kept in E.164 form. `policy.id` must name a device authentication policy; the default policy
 * is used when it is left out.
 */
export async function createMFAUserDevice(c: EmulatorContext): Promise<Response> {
  const emulator = emulatorOf(c);
  const user = pathUser(c);
  const body = await readJson(c);
  const type = enumField(body.type, 'type', DEVICE_TYPES, true);
  const status = enumField(body.status, 'status', STATUSES) ?? 'ACTIVE';
  const nickname = optionalString(body.nickname, 'nickname');
  const testMode = booleanField(body.testMode, 'testMode');
  const policyId =
    reference(body.policy, 'policy') ?? defaultDeviceAuthenticationPolicy(emulator)?.id;

  if (!(SERVED_TYPES as readonly string[]).includes(type))
    throw errors.invalidValue(
      'type',
      `The PingOne emulator pairs only ${SERVED_TYPES.join(', ')} devices, not ${type}.`,
      SERVED_TYPES,
    );
  if (status !== 'ACTIVE')
    throw errors.invalidValue(
      'status',
      'The PingOne emulator does not serve device activation; create the device ACTIVE.',
      ['ACTIVE'],
    );
  if (policyId === undefined) throw errors.requiredValue('policy.id');
  if (!emulator.state.collections.deviceAuthenticationPolicies.get(policyId))
    throw errors.invalidValue(
      'policy.id',
      `No device authentication policy with ID "${policyId}" exists in this environment.`,
    );
  const contact =
    type === 'EMAIL'
      ? { email: emailField(body.email, 'email') }
      : { phone: phoneField(body.phone) };

  const device = newEntity(emulator, {
    user: ref(user),
    type,
    status,
    ...contact,
    ...(nickname !== undefined ? { nickname } : {}),
    ...(testMode !== undefined ? { testMode } : {}),
    policy: ref(policyId),
  });
  emulator.state.collections.devices.insert(device);
  return created(c, renderDevice(emulator, device));
}

/** A phone in international form, returned as E.164 (`+` and digits only). */
function phoneField(value: unknown): string {
  const phone = requiredString(value, 'phone');
  if (!PHONE.test(phone.trim()))
    throw errors.invalidValue(
      'phone',
      'phone must be in international form: "+", the country code, then the number, e.g. +15125201234.',
    );
  const digits = phone.replace(/[^0-9]/g, '');
  if (digits.length < 8 || digits.length > 15)
    throw errors.invalidValue('phone', 'phone must hold 8 to 15 digits, country code included.');
  return `+${digits}`;
}

/** `GET /users/{userID}/devices`. */
export function readMFAUserDevices(c: EmulatorContext): Response {
  const emulator = emulatorOf(c);
  const user = pathUser(c);

  const devices = emulator.state.collections.devices.list(
    (device) => refId(device, 'user') === user.id,
  );
  const self = apiHref(emulator, 'users', user.id, 'devices');
  return c.json(
    collection(
      'devices',
      devices.map((device) => renderDevice(emulator, device)),
      self,
    ),
  );
}

/** `GET /users/{userID}/devices/{deviceID}`. */
export function readOneMFAUserDevice(c: EmulatorContext): Response {
  return c.json(renderDevice(emulatorOf(c), pathDevice(c)));
}

/** `DELETE /users/{userID}/devices/{deviceID}`. */
export function deleteMFAUserDevice(c: EmulatorContext): Response {
  const device = pathDevice(c);

  emulatorOf(c).state.collections.devices.delete(device.id);
  return noContent(c);
}

function pathDevice(c: EmulatorContext): Entity {
  const user = pathUser(c);
  const belongs = (device: Entity) => refId(device, 'user') === user.id;
  return findOr404(emulatorOf(c), 'devices', c.req.param('deviceID')!, 'MFA device', belongs);
}
