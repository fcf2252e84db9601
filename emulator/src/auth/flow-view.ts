import type { Emulator } from '../context.ts';
import { authHref } from '../hal.ts';
import { expiresAt, type Flow } from './flow.ts';
import { flowDeviceView } from './mfa-devices.ts';

/**
 * A flow as PingOne's flows API returns it: `_links` naming the actions its status allows (all on
 * the flow's own URL, told apart by media type), `_embedded` devices and application (or, once
 * COMPLETED, the user), `resumeUrl`, `status`, `createdAt`, `expiresAt`. A passcode sent to a
 * `testMode` device is shown in `test.otp` while it is pending.
 */
export function flowView(emulator: Emulator, flow: Flow): Record<string, unknown> {
  const { config, state } = emulator;
  const self = authHref(emulator, 'flows', flow.id);
  const application = state.collections.applications.get(flow.applicationId);
  const common = {
    id: flow.id,
    environment: { id: config.environmentId },
    resumeUrl: resumeUrl(emulator, flow.id),
    status: flow.status,
    createdAt: state.timestamp(flow.createdAt),
    expiresAt: state.timestamp(expiresAt(flow)),
  };

  if (flow.status === 'COMPLETED') {
    const user = state.collections.users.get(flow.userId);
    return {
      _links: { self: { href: self } },
      ...common,
      session: { id: flow.sessionId },
      _embedded: {
        user: {
          id: flow.userId,
          username: user?.username,
          ...(user?.name ? { name: user.name } : {}),
        },
        application: { name: application?.name },
      },
    };
  }

  const links: Record<string, { href: string }> = { self: { href: self } };
  if (flow.status === 'OTP_REQUIRED') links['otp.check'] = { href: self };
  links['device.select'] = { href: self };
  links.signOnPage = { href: signOnPage(emulator, flow.id) };
  const devices = flow.deviceIds
    .map((id) => state.collections.devices.get(id))
    .filter((device) => device !== undefined)
    .map((device) => flowDeviceView(device, flow.failures[device.id] ?? 0));
  const selected = flow.selectedDeviceId
    ? state.collections.devices.get(flow.selectedDeviceId)
    : undefined;

  return {
    _links: links,
    _embedded: { devices, application: { name: application?.name } },
    ...common,
    bypassAllowed: false,
    ...(flow.selectedDeviceId ? { selectedDevice: { id: flow.selectedDeviceId } } : {}),
    ...(flow.otp && selected?.testMode === true ? { test: { otp: flow.otp.value } } : {}),
  };
}

/** `${authBaseUrl}/{envID}/as/resume?flowId={flowID}`. */
export function resumeUrl(emulator: Emulator, flowID: string): string {
  return `${authHref(emulator, 'as', 'resume')}?flowId=${flowID}`;
}

/**
 * PingOne's hosted sign-on page for the flow, on the `apps.` host beside the `auth.` host. When the
 * auth base URL has no `auth.` host name (a local emulator) its own origin stands in; the emulator
 * does not serve that page.
 */
export function signOnPage(emulator: Emulator, flowID: string): string {
  const url = new URL(emulator.config.authBaseUrl);
  if (url.hostname.startsWith('auth.')) url.hostname = `apps.${url.hostname.slice('auth.'.length)}`;
  return `${url.origin}/${emulator.config.environmentId}/signon/?flowId=${flowID}`;
}
