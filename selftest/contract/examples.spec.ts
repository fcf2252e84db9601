import { expect, test } from '@playwright/test';
import { checkResponse, formatVerdict, operations } from '../../lib/contract.ts';
import { exampleOf, examples } from '../../schemas/examples/index.ts';
import { responseOf } from './support.ts';

/** The examples the facts files document verbatim in structure (PingOne's own or RFC examples). */
const DOCUMENTED = [
  'authorize', // §15 OTP_REQUIRED
  'checkOTP', // §16 COMPLETED
  'resume', // §17 authorizeResponse.code
  'token', // client_credentials token response
  'readApplicationSecret', // `{ secret }`
  'updateUserPassword.400', // the error body of the Errors section
  'createMFAUserDevice.test-mode', // test.otp of a testMode device
];

test.describe('the examples', () => {
  test('include one realistic example per operation, and the documented ones', () => {
    for (const { operationId } of operations()) expect(exampleOf(operationId).operationId).toBe(operationId);
    const names = examples().map((example) => example.name);
    for (const name of DOCUMENTED) expect(names).toContain(name);
  });

  test('name their source and an operation of the contract', () => {
    const ids = new Set(operations().map((op) => op.operationId));
    for (const example of examples()) {
      expect(example.source, example.name).toBeTruthy();
      expect(ids.has(example.operationId), example.name).toBe(true);
      expect(example.name.split('.')[0], example.name).toBe(example.operationId);
    }
  });

  for (const example of examples()) {
    test(`${example.name} (${example.status}) satisfies the contract, strictly`, () => {
      const verdict = checkResponse(example.operationId, responseOf(example), {
        expectStatus: example.status,
        strict: true,
      });

      expect(verdict.violations, formatVerdict(verdict, { step: example.name })).toEqual([]);
      expect(verdict.unknownProperties).toEqual([]);
      expect(verdict.ok).toBe(true);
    });
  }

  test('cover every success status and each documented error status', () => {
    const statuses = new Set(examples().map((example) => example.status));
    for (const status of [200, 201, 204, 400, 401, 403, 404, 415, 429, 500]) expect(statuses).toContain(status);
  });
});
