import { randomUUID } from 'node:crypto';
import type { Emulator } from '../context.ts';
import { errors } from '../errors.ts';
import type { Entity } from '../state.ts';
import type { Flow } from './flow.ts';
import { eligibleDevices, governingPolicy, type OtpDeviceType } from './mfa-devices.ts';
import { otpSettings, sendOtp, type OtpSettings } from './otp.ts';

/**
 * The sign-on policy an application signs on with: its assignment of lowest `priority`, else the
 * environment's default policy; with the policy's actions ordered by `priority`.
 */
export function signOnPolicyFor(
  emulator: Emulator,
  application: Entity,
): { policy: Entity; actions: Entity[] } {
  const { collections } = emulator.state;
  const assignment = collections.signOnPolicyAssignments
    .list((item) => refId(item.application) === application.id)
    .sort(byPriority)[0];
  const policy = assignment
    ? collections.signOnPolicies.get(refId(assignment.signOnPolicy) ?? '')
    : collections.signOnPolicies.find((item) => item.default === true);
  if (!policy)
    throw errors.requestFailed('The application has no sign-on policy to sign on with.', [
      {
        code: 'CONSTRAINT_VIOLATION',
        target: 'signOnPolicy',
        message: 'Assign a sign-on policy to the application.',
      },
    ]);

  const actions = collections.signOnPolicyActions
    .list((item) => refId(item.signOnPolicy) === policy.id)
    .sort(byPriority);
  if (actions.length === 0)
    throw errors.requestFailed('The sign-on policy has no actions.', [
      {
        code: 'CONSTRAINT_VIOLATION',
        target: 'signOnPolicy',
        message: `The sign-on policy ${policy.id} has no actions.`,
      },
    ]);
  return { policy, actions };
}

/**
 * Carries the flow through its policy from the current action until a user step is needed or the
 * policy is done. An MFA action is skipped for a user whose `mfaEnabled` is false. With one usable
 * device the passcode is sent (OTP_REQUIRED); with several the user picks one
 * (DEVICE_SELECTION_REQUIRED); with none, `noDevicesMode` BYPASS skips the action and BLOCK (the
 * default) refuses the sign-on. Other action types are not served by the emulator.
 */
export function advance(emulator: Emulator, flow: Flow, user: Entity, application: Entity): void {
  for (; flow.actionIndex < flow.actionIds.length; flow.actionIndex++) {
    const action = currentAction(emulator, flow);
    if (action.type === 'LOGIN')
      throw errors.unsupportedFeature(
        'The emulator does not serve LOGIN actions (USERNAME_PASSWORD_REQUIRED); use an MFA-only policy.',
      );
    if (action.type !== 'MULTI_FACTOR_AUTHENTICATION')
      throw errors.unsupportedFeature(
        `The emulator does not serve ${String(action.type)} sign-on policy actions.`,
      );
    if (user.mfaEnabled !== true) continue;

    const devices = eligibleDevices(emulator, user, action);
    if (devices.length === 0 && action.noDevicesMode === 'BYPASS') continue;
    if (devices.length === 0)
      throw errors.requestFailed('The user has no device the MFA action can use.', [
        {
          code: 'ACCOUNT_NOT_USABLE',
          target: 'devices',
          message: 'The user has no ACTIVE device for an enabled method (noDevicesMode BLOCK).',
          innerError: { noDevicesMode: 'BLOCK' },
        },
      ]);

    flow.deviceIds = devices.map((device) => device.id);
    if (devices.length === 1) return selectDevice(emulator, flow, devices[0]!, application);
    flow.status = 'DEVICE_SELECTION_REQUIRED';
    delete flow.selectedDeviceId;
    return;
  }
  complete(emulator, flow);
}

/** The current action passed: moves on to the next one. */
export function actionSucceeded(
  emulator: Emulator,
  flow: Flow,
  user: Entity,
  application: Entity,
): void {
  flow.actionIndex++;
  flow.deviceIds = [];
  delete flow.selectedDeviceId;
  advance(emulator, flow, user, application);
}

/** Makes `device` the flow's selected device and sends it a passcode (OTP_REQUIRED). */
export function selectDevice(
  emulator: Emulator,
  flow: Flow,
  device: Entity,
  application: Entity,
): void {
  sendOtp(emulator, flow, device, settingsFor(emulator, flow, device), String(application.name));
  flow.selectedDeviceId = device.id;
  flow.status = 'OTP_REQUIRED';
}

/** The passcode rules for `device` under the flow's current action. */
export function settingsFor(emulator: Emulator, flow: Flow, device: Entity): OtpSettings {
  return otpSettings(
    governingPolicy(emulator, currentAction(emulator, flow), device),
    device.type as OtpDeviceType,
  );
}

/** The sign-on policy action the flow is carrying out. */
export function currentAction(emulator: Emulator, flow: Flow): Entity {
  const action = emulator.state.collections.signOnPolicyActions.get(
    flow.actionIds[flow.actionIndex] ?? '',
  );
  if (!action)
    throw errors.requestFailed('The sign-on policy changed while the flow was in progress.', [
      {
        code: 'CONSTRAINT_VIOLATION',
        target: 'signOnPolicy',
        message: 'A sign-on policy action of this flow was deleted; start a new flow.',
      },
    ]);
  return action;
}

/** Every action passed: the user has a session and the flow can be resumed. */
function complete(emulator: Emulator, flow: Flow): void {
  const { state } = emulator;
  const session = state.collections.sessions.insert({
    id: randomUUID(),
    user: { id: flow.userId },
    application: { id: flow.applicationId },
    createdAt: state.timestamp(),
  });
  flow.sessionId = session.id;
  flow.authTime = Math.floor(state.now() / 1000);
  flow.status = 'COMPLETED';
  flow.deviceIds = [];
  delete flow.selectedDeviceId;
}

function byPriority(a: Entity, b: Entity): number {
  return Number(a.priority ?? 0) - Number(b.priority ?? 0);
}

function refId(reference: unknown): string | undefined {
  const id = (reference as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}
