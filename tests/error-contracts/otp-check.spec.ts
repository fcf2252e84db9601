import { test, expect } from '../../fixtures/mfa-user.ts';

/** What PingOne answers a wrong one-time passcode, and that a wrong one does not spend the flow. */
test('refuses a wrong OTP with INVALID_DATA / INVALID_OTP, then accepts the right one @error-contract', async ({ signOn, mfaUser }) => {
  const { body: flow } = await signOn.authorize(await mfaUser.loginHintToken());
  const otp = await signOn.passcode(flow);
  const wrong = otp.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));

  const { body: refused } = await signOn.checkOTP(flow, wrong, 400);

  expect(refused.code).toBe('INVALID_DATA');
  expect(refused.details).toEqual([expect.objectContaining({ code: 'INVALID_OTP', target: 'otp' })]);
  expect(refused.details[0].innerError?.failuresRemaining).toBe(2);

  const { body: accepted } = await signOn.checkOTP(flow, otp);

  expect(accepted).toMatchObject({ id: flow.id, status: 'COMPLETED' });
});
