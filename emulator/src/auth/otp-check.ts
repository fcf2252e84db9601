import type { EmulatorContext } from '../context.ts';
import { errors } from '../errors.ts';
import { readJson, requiredString } from '../request.ts';
import { flows, type Flow } from './flow.ts';
import { assertActionAllowed, OTP_CHECK, participants } from './flow-actions.ts';
import { flowView } from './flow-view.ts';
import { checkOtp } from './otp.ts';
import { actionSucceeded, settingsFor } from './policy-evaluation.ts';

/**
 * `otp.check`: `{ "otp": "…" }` against the passcode sent to the selected device. Right, the MFA
 * action is done and the policy carries on (usually to COMPLETED); wrong, see otp.ts.
 */
export async function otpCheck(c: EmulatorContext, flow: Flow): Promise<Response> {
  const emulator = c.get('emulator');
  assertActionAllowed(flow, OTP_CHECK, 'otp.check');
  const otp = requiredString((await readJson(c, [OTP_CHECK])).otp, 'otp');
  const { user, application } = participants(c, flow);
  const device = emulator.state.collections.devices.get(flow.selectedDeviceId ?? '');
  if (!device)
    throw errors.invalidValue(
      'selectedDevice.id',
      'The selected device no longer exists; select another device.',
    );

  checkOtp(emulator, flow, device, settingsFor(emulator, flow, device), otp);
  c.get('log')('otp accepted flow=%s device=%s', flow.id, device.id);

  if (!flow.amr.includes('otp')) flow.amr.push('otp');
  try {
    actionSucceeded(emulator, flow, user, application);
  } catch (error) {
    flows(emulator).delete(flow.id);
    throw error;
  }
  return c.json(flowView(emulator, flow));
}
