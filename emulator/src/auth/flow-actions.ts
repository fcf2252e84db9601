import type { EmulatorContext } from '../context.ts';
import { errors, type PingOneError } from '../errors.ts';
import type { Entity } from '../state.ts';
import { findFlow, touch, type Flow } from './flow.ts';
import { requireSessionCookie } from './session-cookie.ts';

/** Media types of the flow actions the emulator serves, on `POST /{envID}/flows/{flowID}`. */
export const OTP_CHECK = 'application/vnd.pingidentity.otp.check+json';
export const DEVICE_SELECT = 'application/vnd.pingidentity.device.select+json';

/** Other flow actions PingOne has (lower-cased, as mediaType() reads them): 501 rather than 415. */
export const UNSERVED_ACTIONS = [
  'usernamePassword.check',
  'user.lookup',
  'user.register',
  'password.forgot',
  'password.reset',
  'password.recover',
  'session.reset',
  'assertion.check',
  'device.activate',
].map((action) => `application/vnd.pingidentity.${action}+json`.toLowerCase());

/** The actions (by media type) each status allows. */
const ALLOWED: Record<Flow['status'], string[]> = {
  DEVICE_SELECTION_REQUIRED: [DEVICE_SELECT],
  OTP_REQUIRED: [OTP_CHECK, DEVICE_SELECT],
  COMPLETED: [],
};

/**
 * The flow a request is about, checked: it exists and has not expired (else 404), and the request
 * carries its `ST` session cookie (else 400). Counts as activity on the flow.
 */
export function openFlow(c: EmulatorContext, flowID: string): Flow {
  const emulator = c.get('emulator');
  const flow = findFlow(emulator, flowID);
  requireSessionCookie(c, flow);

  touch(emulator, flow);
  return flow;
}

/** Refuses an action the flow's status does not offer: 400 INVALID_REQUEST naming the allowed. */
export function assertActionAllowed(flow: Flow, mediaType: string, action: string): void {
  const allowed = ALLOWED[flow.status];
  if (allowed.includes(mediaType)) return;

  throw errors.invalidRequest(`The flow is ${flow.status}; ${action} is not one of its actions.`, [
    {
      code: 'INVALID_VALUE',
      target: 'Content-Type',
      message: `${action} is not allowed while the flow status is ${flow.status}.`,
      innerError: { allowedValues: allowed },
    },
  ]);
}

/** The user and application of a flow; a flow whose user or application was deleted is over. */
export function participants(
  c: EmulatorContext,
  flow: Flow,
): { user: Entity; application: Entity } {
  const { collections } = c.get('emulator').state;
  const user = collections.users.get(flow.userId);
  const application = collections.applications.get(flow.applicationId);
  if (!user || !application) throw gone(user ? 'application' : 'user');
  return { user, application };
}

function gone(what: string): PingOneError {
  return errors.requestFailed(`The flow's ${what} no longer exists.`, [
    {
      code: 'CONSTRAINT_VIOLATION',
      target: what,
      message: `The ${what} of this flow was deleted; start a new flow.`,
    },
  ]);
}
