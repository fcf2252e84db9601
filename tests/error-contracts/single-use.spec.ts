import { test, expect } from '../../fixtures/mfa-user.ts';

/** Authorization codes and completed flows are spent once; PingOne refuses a second use. */
test('refuses a reused authorization code with invalid_grant @error-contract', async ({ signOn }) => {
  const { body: resumed } = await signOn.resume(await signOn.completed());
  const code = resumed.authorizeResponse.code;
  await signOn.redeem(code);

  const { body } = await signOn.redeem(code, 400);

  expect(body.error).toBe('invalid_grant');
  expect(body.error_description).toMatch(/not valid or was already used/);
});

test('refuses otp.check on a COMPLETED flow with INVALID_REQUEST @error-contract', async ({ signOn }) => {
  const flow = await signOn.completed();

  const { body } = await signOn.checkOTP(flow, '000000', 400);

  expect(body.code).toBe('INVALID_REQUEST');
  expect(body.details).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', target: 'Content-Type' })]);
  expect(body.details[0].message).toContain('COMPLETED');
});

test('answers a flow that was already resumed 404 NOT_FOUND @error-contract', async ({ signOn }) => {
  const flow = await signOn.completed();
  await signOn.resume(flow);

  const { body } = await signOn.resume(flow, 404);

  expect(body.code).toBe('NOT_FOUND');
  expect(body.message).toContain(flow.id);
});
