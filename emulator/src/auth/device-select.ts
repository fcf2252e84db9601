import type { EmulatorContext } from '../context.ts';
import { errors } from '../errors.ts';
import { readJson, reference } from '../request.ts';
import type { Flow } from './flow.ts';
import { assertActionAllowed, DEVICE_SELECT, participants } from './flow-actions.ts';
import { flowView } from './flow-view.ts';
import { selectDevice } from './policy-evaluation.ts';

/**
 * `device.select`: `{ "device": { "id": "…" } }` picks one of the flow's devices and sends it a
 * new passcode (OTP_REQUIRED). Allowed while choosing a device and while a passcode is awaited, so
 * selecting again is how a new passcode is asked for.
 */
export async function deviceSelect(c: EmulatorContext, flow: Flow): Promise<Response> {
  const emulator = c.get('emulator');
  assertActionAllowed(flow, DEVICE_SELECT, 'device.select');
  const deviceId = reference((await readJson(c, [DEVICE_SELECT])).device, 'device', true);
  const { application } = participants(c, flow);
  const device = emulator.state.collections.devices.get(deviceId);
  if (!device || !flow.deviceIds.includes(deviceId))
    throw errors.invalidValue('device.id', "device.id is not one of the flow's devices.");

  selectDevice(emulator, flow, device, application);
  c.get('log')('device selected flow=%s device=%s', flow.id, device.id);
  return c.json(flowView(emulator, flow));
}
