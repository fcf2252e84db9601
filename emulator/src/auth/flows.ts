import type { EmulatorContext } from '../context.ts';
import { errors } from '../errors.ts';
import { mediaType } from '../request.ts';
import { deviceSelect } from './device-select.ts';
import { DEVICE_SELECT, openFlow, OTP_CHECK, UNSERVED_ACTIONS } from './flow-actions.ts';
import { flowView } from './flow-view.ts';
import { otpCheck } from './otp-check.ts';

/** `GET /{envID}/flows/{flowID}`: the flow, with the `ST` cookie it was started with. */
export function readFlow(c: EmulatorContext): Response {
  const flow = openFlow(c, c.req.param('flowID')!);
  return c.json(flowView(c.get('emulator'), flow));
}

/**
 * `POST /{envID}/flows/{flowID}`: one flow action, chosen by the request's media type
 * (`otp.check` or `device.select`). PingOne's other flow actions get 501; anything else 415.
 */
export async function flowAction(c: EmulatorContext): Promise<Response> {
  const flow = openFlow(c, c.req.param('flowID')!);
  const type = mediaType(c);
  if (type === OTP_CHECK) return otpCheck(c, flow);
  if (type === DEVICE_SELECT) return deviceSelect(c, flow);

  if (type && UNSERVED_ACTIONS.includes(type))
    throw errors.unsupportedFeature(`The emulator does not serve the flow action ${type}.`);
  throw errors.unsupportedMediaType(type, [OTP_CHECK, DEVICE_SELECT]);
}
