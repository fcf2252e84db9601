import { randomUUID } from 'node:crypto';
import type { Emulator } from '../context.ts';
import { errors } from '../errors.ts';
import type { Collection, Entity } from '../state.ts';

/** The flow statuses the emulator's MFA-only sign-on can reach. */
export type FlowStatus = 'DEVICE_SELECTION_REQUIRED' | 'OTP_REQUIRED' | 'COMPLETED';

/** `response_type` members the emulator serves. */
export type ResponseTypeMember = 'code' | 'token' | 'id_token';

/** `response_mode` values the emulator serves. */
export type ResponseMode = 'pi.flow' | 'query' | 'fragment';

/** What the authorize request asked for, kept on the flow until it is resumed. */
export interface AuthorizeRequest {
  clientId: string;
  responseType: ResponseTypeMember[];
  responseMode: ResponseMode;
  redirectUri?: string;
  scopes: string[];
  state?: string;
  nonce?: string;
}

/** A one-time passcode waiting to be checked. Deleted when checked right, expired or locked out. */
export interface PendingOtp {
  value: string;
  deviceId: string;
  expiresAt: number;
}

/**
 * A sign-on flow as the emulator keeps it (times in epoch milliseconds). Rendered to PingOne's
 * JSON by flow-view.ts; the session token and the OTP never leave through that view.
 */
export interface Flow extends Entity {
  status: FlowStatus;
  request: AuthorizeRequest;
  applicationId: string;
  userId: string;
  signOnPolicyId: string;
  /** The policy's actions by priority, and the one being carried out. */
  actionIds: string[];
  actionIndex: number;
  /** Devices the current MFA action may use; the selected one once chosen. */
  deviceIds: string[];
  selectedDeviceId?: string;
  otp?: PendingOtp;
  /** Failed OTP checks per device in this flow (shown as `userRetries`). */
  failures: Record<string, number>;
  /** Authentication methods completed, for the ID token's `amr`. */
  amr: string[];
  sessionToken: string;
  sessionId?: string;
  authTime?: number;
  createdAt: number;
  lastActivityAt: number;
}

/** Flows expire after 15 minutes without activity; any call on a flow is activity. */
export const FLOW_IDLE_MS = 15 * 60 * 1000;

/** The flows collection, typed. */
export function flows(emulator: Emulator): Collection<Flow> {
  return emulator.state.collections.flows as unknown as Collection<Flow>;
}

/** A new flow at the start of its sign-on policy. It is stored by the caller once it is valid. */
export function newFlow(
  emulator: Emulator,
  fields: Pick<
    Flow,
    'request' | 'applicationId' | 'userId' | 'signOnPolicyId' | 'actionIds' | 'sessionToken'
  >,
): Flow {
  const now = emulator.state.now();
  return {
    id: randomUUID(),
    status: 'OTP_REQUIRED',
    ...fields,
    actionIndex: 0,
    deviceIds: [],
    failures: {},
    amr: [],
    createdAt: now,
    lastActivityAt: now,
  };
}

/**
 * The flow with `flowID`, if it exists and has not idled out. An expired flow is forgotten and
 * answered 404 NOT_FOUND, as PingOne does.
 */
export function findFlow(emulator: Emulator, flowID: string): Flow {
  const flow = flows(emulator).get(flowID);
  if (!flow) throw errors.notFound(`The flow ${flowID} was not found.`);

  if (emulator.state.now() > expiresAt(flow)) {
    flows(emulator).delete(flow.id);
    throw errors.notFound(`The flow ${flowID} has expired after 15 minutes of inactivity.`);
  }
  return flow;
}

/** Records activity on the flow, which pushes its expiry out. */
export function touch(emulator: Emulator, flow: Flow): void {
  flow.lastActivityAt = emulator.state.now();
}

/** When the flow expires if nothing happens on it. */
export function expiresAt(flow: Flow): number {
  return flow.lastActivityAt + FLOW_IDLE_MS;
}
