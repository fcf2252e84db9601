import { expect, test } from '@playwright/test';
import { checkResponse, formatVerdict } from '../../lib/contract.ts';
import { exampleOf } from '../../schemas/examples/index.ts';
import { exampleResponse, responseOf, withAdded, withValue, without } from './support.ts';

test.describe('formatVerdict', () => {
  test('opens with the step, the operation, and what was expected and received', () => {
    const verdict = checkResponse('readUser', responseOf(exampleOf('readUser.404')));

    expect(formatVerdict(verdict, { step: '10. creates the user' }).split('\n')[0]).toBe(
      '10. creates the user — readUser: expected 200 application/json or application/hal+json, got 404 application/json',
    );
  });

  test('leaves the step out when none is given', () => {
    const verdict = checkResponse('deleteUser', { status: 204, contentType: undefined, body: undefined });

    expect(verdict.ok).toBe(true);
    expect(formatVerdict(verdict)).toBe('deleteUser: expected 204 (no content), got 204 (no content)');
  });

  test('lists one line per violation, path first', () => {
    let body = without(exampleResponse('readApplicationSecret').body, '$.secret');
    body = withValue(body, '$._links.self.href', 'not a uri');
    const verdict = checkResponse('readApplicationSecret', exampleResponse('readApplicationSecret', { body }));

    expect(formatVerdict(verdict, { step: '2. reads the secret' }).split('\n').slice(1)).toEqual([
      '  $.secret: is required',
      '  $._links.self.href: must be a valid uri (got "not a uri")',
    ]);
  });

  test('names the count field and the type it got', () => {
    const body = withValue(exampleResponse('readAllUsers').body, '$.count', '1');
    const verdict = checkResponse('readAllUsers', exampleResponse('readAllUsers', { body }));

    expect(verdict.violations).toEqual([{ path: '$.count', message: '$.count must be integer (got string)' }]);
  });

  test('quotes odd property names in the path', () => {
    const body = withValue(exampleResponse('authorize').body, '$._links["otp.check"].href', 7);
    const verdict = checkResponse('authorize', exampleResponse('authorize', { body }));

    expect(formatVerdict(verdict).split('\n')[1]).toBe('  $._links["otp.check"].href: must be string (got number)');
  });

  test('mentions unknown properties it accepted, once', () => {
    const body = withAdded(exampleResponse('readUser').body, '$.riskScore', 3);
    const loose = checkResponse('readUser', exampleResponse('readUser', { body }));
    const strict = checkResponse('readUser', exampleResponse('readUser', { body }), { strict: true });

    expect(formatVerdict(loose).split('\n')[1]).toBe('  not described by the contract (allowed): $.riskScore');
    expect(formatVerdict(strict).split('\n').slice(1)).toEqual(['  $.riskScore: is not described by the contract']);
  });

  test('never shows a secret: a wrong secret is described by its type only', () => {
    const secret = 'hunter2-client-secret';
    const body = withValue(exampleResponse('readApplicationSecret').body, '$.secret', { value: secret });
    const text = formatVerdict(checkResponse('readApplicationSecret', exampleResponse('readApplicationSecret', { body })));

    expect(text).toContain('$.secret: must be string (got object)');
    expect(text).not.toContain(secret);
  });

  test('shortens long values it quotes', () => {
    const body = withValue(exampleResponse('readUser').body, '$.lifecycle.status', 'X'.repeat(200));
    const [violation] = checkResponse('readUser', exampleResponse('readUser', { body })).violations;

    expect(violation!.message).toMatch(/\(got "X{60}…"\)$/);
  });
});
