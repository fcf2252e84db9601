import { expect, test } from '@playwright/test';
import { checkResponse, formatVerdict, operations } from '../../lib/contract.ts';
import { exampleOf } from '../../schemas/examples/index.ts';
import { exampleResponse, responseOf, withValue, without } from './support.ts';

/** A status the operation does not answer with on success: 200 for creates and deletes, else 201. */
const wrongStatus = (success: number) => (success === 200 ? 201 : 200);

for (const { operationId, successStatus, documentedStatuses } of operations()) {
  test.describe(operationId, () => {
    test(`rejects a status other than ${successStatus}`, () => {
      const status = wrongStatus(successStatus);
      const verdict = checkResponse(operationId, exampleResponse(operationId, { status }));

      expect(verdict.ok).toBe(false);
      expect(verdict.expected.statuses).toEqual([successStatus]);
      const note = documentedStatuses.includes(status) ? '' : ', which the contract does not document';
      expect(verdict.violations).toContainEqual({ path: '$', message: `status must be ${successStatus} (got ${status}${note})` });
    });

    if (successStatus === 204) {
      test('rejects a body on its 204', () => {
        const verdict = checkResponse(operationId, { status: 204, contentType: 'application/json', body: { id: 'x' } });

        expect(verdict.violations).toEqual([{ path: '$', message: '$ must be empty: 204 has no content (got object)' }]);
        expect(verdict.expected.mediaTypes).toEqual([]);
      });
    } else {
      test('rejects a media type it does not document', () => {
        const verdict = checkResponse(operationId, exampleResponse(operationId, { contentType: 'text/html; charset=utf-8' }));

        expect(verdict.ok).toBe(false);
        expect(verdict.mediaType).toBe('text/html');
        expect(verdict.violations).toEqual([
          { path: '$', message: `media type must be ${verdict.expected.mediaTypes.join(' or ')} (got text/html)` },
        ]);
      });
    }
  });
}

test.describe('media types', () => {
  test('accept application/json and application/hal+json on management reads, charset ignored', () => {
    for (const contentType of ['application/json', 'application/hal+json;charset=UTF-8', 'Application/HAL+JSON']) {
      expect(checkResponse('readUser', exampleResponse('readUser', { contentType })).ok, contentType).toBe(true);
    }
  });

  test('accept only application/json from the token endpoint', () => {
    const verdict = checkResponse('token', exampleResponse('token', { contentType: 'application/hal+json' }));

    expect(verdict.violations).toEqual([{ path: '$', message: 'media type must be application/json (got application/hal+json)' }]);
  });

  test('reject a missing Content-Type on a response with a body', () => {
    const verdict = checkResponse('readFlow', exampleResponse('readFlow', { contentType: undefined }));

    expect(verdict.violations).toEqual([
      { path: '$', message: 'media type must be application/json or application/hal+json (got none)' },
    ]);
  });
});

test.describe('documented error statuses', () => {
  test('check a 404 body against the NOT_FOUND schema when the caller expects 404', () => {
    const verdict = checkResponse('readUser', responseOf(exampleOf('readUser.404')), { expectStatus: 404 });

    expect(verdict.ok, formatVerdict(verdict)).toBe(true);
    expect(verdict.expected).toEqual({ statuses: [404], mediaTypes: ['application/json', 'application/hal+json'] });
  });

  test('check a 400 body against the 400 schema when the caller expects 400', () => {
    expect(checkResponse('createUser', responseOf(exampleOf('createUser.400')), { expectStatus: 400 }).ok).toBe(true);
  });

  test('reject a 404 whose code is not NOT_FOUND', () => {
    const body = withValue(exampleOf('readUser.404').body, '$.code', 'INVALID_DATA');
    const verdict = checkResponse('readUser', { status: 404, contentType: 'application/json', body }, { expectStatus: 404 });

    expect(verdict.violations).toEqual([{ path: '$.code', message: '$.code must be one of NOT_FOUND (got "INVALID_DATA")' }]);
  });

  test('reject a 400 detail code outside the documented list, and a 400 without id', () => {
    let body = withValue(exampleOf('createUser.400').body, '$.details[0].code', 'NOT_UNIQUE');
    body = without(body, '$.id');
    const verdict = checkResponse('createUser', { status: 400, contentType: 'application/json', body }, { expectStatus: 400 });

    expect(verdict.violations.map((v) => v.path)).toEqual(['$.id', '$.details[0].code']);
    expect(verdict.violations[1]!.message).toContain('must be one of ACCOUNT_NOT_USABLE, CONSTRAINT_VIOLATION');
  });

  test('accept a 403 and a 429 without id, as PingOne documents', () => {
    expect(checkResponse('createApplication', responseOf(exampleOf('createApplication.403')), { expectStatus: 403 }).ok).toBe(true);
    expect(checkResponse('readAllUsers', responseOf(exampleOf('readAllUsers.429')), { expectStatus: 429 }).ok).toBe(true);
  });

  test('require Retry-After on a 429 when headers are given', () => {
    const response = responseOf(exampleOf('readAllUsers.429'), { headers: { 'content-type': 'application/json' } });
    const verdict = checkResponse('readAllUsers', response, { expectStatus: 429 });

    expect(verdict.violations).toEqual([{ path: '$', message: 'header Retry-After is required with 429' }]);
  });

  test('check an unexpected documented error against its own schema', () => {
    const body = without(exampleOf('readUser.404').body, '$.message');
    const verdict = checkResponse('readUser', { status: 404, contentType: 'application/json', body });

    expect(verdict.violations).toEqual([
      { path: '$', message: 'status must be 200 (got 404)' },
      { path: '$.message', message: '$.message is required' },
    ]);
  });

  test('answer the token endpoint\'s errors in OAuth\'s shape, not PingOne\'s', () => {
    expect(checkResponse('token', responseOf(exampleOf('token.401')), { expectStatus: 401 }).ok).toBe(true);
    const pingOneShaped = responseOf(exampleOf('readUser.404'), { status: 401 });
    const verdict = checkResponse('token', pingOneShaped, { expectStatus: 401 });

    expect(verdict.violations).toContainEqual({ path: '$.error', message: '$.error is required' });
  });

  test('refuse to expect a status the operation does not document', () => {
    expect(() => checkResponse('readUser', exampleResponse('readUser'), { expectStatus: 418 })).toThrow(
      'readUser: 418 is not a documented status; use one of 200, 400, 401, 403, 404, 429, 500',
    );
  });
});
