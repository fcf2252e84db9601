import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import type { APIRequestContext } from '@playwright/test';
import type { Settings } from './config.ts';
import { registerSecret } from './redact.ts';

const run = promisify(exec);
const PASSCODE = /^\d{4,10}$/;

/** Where the passcode of step 16 comes from, per PINGONE_OTP_SOURCE. */
export interface OtpRequest {
  /** The flow response that asked for the passcode (OTP_REQUIRED). */
  flow: Record<string, any>;
  /** The phone number of the device the flow selected. */
  phone: string;
  request: APIRequestContext;
}

/**
 * Reads the passcode PingOne sent for the flow. `test-mode`: from `test.otp` of the flow response
 * (a device created with testMode: true). `outbox`: the emulator's SMS outbox. `command`: the
 * standard output of PINGONE_OTP_COMMAND, run with PINGONE_OTP_PHONE set.
 */
export async function readOtp(settings: Settings, input: OtpRequest): Promise<string> {
  const otp = await fromSource(settings, input);
  registerSecret(otp, 'otp');
  if (!PASSCODE.test(otp)) throw new Error(`The OTP source ${settings.otp.source} gave no passcode (expected 4 to 10 digits).`);
  return otp;
}

async function fromSource(settings: Settings, { flow, phone, request }: OtpRequest): Promise<string> {
  switch (settings.otp.source) {
    case 'test-mode': {
      const otp = flow.test?.otp;
      if (typeof otp !== 'string')
        throw new Error(
          'The flow response has no test.otp, so the SMS device was not in test mode. If this tenant forbids test devices, set PINGONE_OTP_SOURCE=command.',
        );
      return otp;
    }
    case 'outbox': {
      const response = await request.get(`${settings.apiUrl}/__emulator/outbox`, { params: { phone } });
      const outbox = (await response.json()) as { _embedded?: { messages?: { otp?: string }[] } };
      const latest = outbox._embedded?.messages?.at(-1)?.otp;
      if (!latest) throw new Error(`The emulator's outbox holds no SMS for the device's phone ${phone}.`);
      return latest;
    }
    case 'command': {
      const { stdout } = await run(settings.otp.command!, { env: { ...process.env, PINGONE_OTP_PHONE: phone }, timeout: 60_000 });
      return stdout.trim();
    }
  }
}
