import { test, expect } from '@playwright/test';
import type { RunningEmulator } from '../src/server.ts';
import { api, expectError, send, startTestEmulator, uniqueName, workerToken, type Api, type ApiResponse } from './support.ts';

let emulator: RunningEmulator;
let client: Api;

test.beforeAll(async () => {
  emulator = await startTestEmulator();
  client = api(emulator, await workerToken(emulator));
});
test.afterEach(async () => {
  await send(`${emulator.url}/__emulator/faults`, { method: 'DELETE' });
});
test.afterAll(async () => emulator.close());

const faultsUrl = () => `${emulator.url}/__emulator/faults`;

/** Sets a fault and expects 201. */
async function setFault(operationId: string, fault: Record<string, unknown>, count?: number): Promise<any> {
  const response = await send(faultsUrl(), { method: 'POST', body: { operationId, fault, ...(count === undefined ? {} : { count }) } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function listFaults(): Promise<any[]> {
  return (await send(faultsUrl())).body.faults;
}

const population = () => ({ name: uniqueName('Population') });

async function countPopulationsNamed(name: string): Promise<number> {
  const { body } = await client.get('populations');
  return body._embedded.populations.filter((item: { name: string }) => item.name === name).length;
}

test.describe('setting and listing faults', () => {
  test('answers 201 with the fault and lists it with its remaining count and hits', async () => {
    const created = await setFault('readOneEnvironment', { kind: 'status', status: 502 }, 2);

    expect(created).toEqual({ id: expect.any(String), operationId: 'readOneEnvironment', count: 2, fault: { kind: 'status', status: 502 }, hits: 0 });
    expect(await listFaults()).toEqual([{ ...created, remaining: 2 }]);
  });

  test('applies a fault to the next N matching calls only, then lists it spent', async () => {
    const { id } = await setFault('readOneEnvironment', { kind: 'status', status: 502 }, 2);

    expect((await client.get('')).status).toBe(502);
    expect((await client.get('populations')).status).toBe(200);
    expect((await client.get('')).status).toBe(502);
    expect((await client.get('')).status).toBe(200);
    expect(await listFaults()).toEqual([expect.objectContaining({ id, count: 2, remaining: 0, hits: 2 })]);
  });

  test('defaults count to 1, and applies a count 0 fault to every matching call', async () => {
    const once = await setFault('readAllResources', { kind: 'status', status: 500 });
    await setFault('readAllPopulations', { kind: 'status', status: 500 }, 0);

    expect(once.count).toBe(1);
    expect((await client.get('resources')).status).toBe(500);
    expect((await client.get('resources')).status).toBe(200);
    for (let call = 0; call < 3; call++) expect((await client.get('populations')).status).toBe(500);
    expect((await listFaults())[1]).toMatchObject({ count: 0, remaining: null, hits: 3 });
  });

  test("'*' matches every PingOne operation but never the test-only interface", async () => {
    await setFault('*', { kind: 'error', status: 503 }, 0);

    expectError(await client.get(''), 503, 'SERVICE_UNAVAILABLE');
    expect((await send(`${emulator.url}/${emulator.config.environmentId}/as/jwks`)).status).toBe(503);
    expect((await send(`${emulator.url}/__emulator/state`)).status).toBe(200);
  });

  test('deletes one fault by id, 404 NOT_FOUND for an unknown id, and all faults at once', async () => {
    const first = await setFault('readOneEnvironment', { kind: 'status', status: 502 });
    const second = await setFault('readAllResources', { kind: 'status', status: 502 });

    expect((await send(`${faultsUrl()}/${first.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await listFaults()).map((fault) => fault.id)).toEqual([second.id]);
    expectError(await send(`${faultsUrl()}/${first.id}`, { method: 'DELETE' }), 404, 'NOT_FOUND');
    expect((await send(faultsUrl(), { method: 'DELETE' })).status).toBe(204);
    expect(await listFaults()).toEqual([]);
    expect((await client.get('')).status).toBe(200);
  });

  test('a reset clears every fault', async () => {
    await setFault('readOneEnvironment', { kind: 'status', status: 502 });

    expect((await send(`${emulator.url}/__emulator/reset`, { method: 'POST' })).status).toBe(204);
    client = api(emulator, await workerToken(emulator));

    expect(await listFaults()).toEqual([]);
    expect((await client.get('')).status).toBe(200);
  });
});

test.describe('faults that alter the answer after the handler ran', () => {
  test('dropField removes the field at a path; the resource is created all the same', async () => {
    await setFault('createPopulation', { kind: 'dropField', path: 'name' });
    const body = population();

    const response = await client.post('populations', body);

    expect(response.status).toBe(201);
    expect(response.body).not.toHaveProperty('name');
    expect(response.body.id).toEqual(expect.any(String));
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(JSON.stringify(response.body)));
    expect((await client.get(`populations/${response.body.id}`)).body.name).toBe(body.name);
  });

  test('dropField follows array indexes inside _embedded', async () => {
    await setFault('readAllResources', { kind: 'dropField', path: '_embedded.resources.0.type' });

    const { body } = await client.get('resources');

    expect(body._embedded.resources[0]).not.toHaveProperty('type');
    expect(body._embedded.resources[1]).toHaveProperty('type');
  });

  test('changeType turns a string into a number, a number into a string, an object into a string', async () => {
    await setFault('readAllResources', { kind: 'changeType', path: '_embedded.resources.0.type' });
    await setFault('readAllResources', { kind: 'changeType', path: 'count' });
    await setFault('readAllResources', { kind: 'changeType', path: '_links' });

    const { body } = await client.get('resources');

    expect(body._embedded.resources[0].type).toBe(12345);
    expect(body.count).toBe('12345');
    expect(typeof body._links).toBe('string');
  });

  test('changeType turns a boolean into its text', async () => {
    await setFault('readAllPopulations', { kind: 'changeType', path: '_embedded.populations.0.default' });

    const { body } = await client.get('populations');

    expect(body._embedded.populations[0].default).toBe('true');
  });

  test('unknownEnum writes UNKNOWN_VALUE at the path', async () => {
    await setFault('readOneEnvironment', { kind: 'unknownEnum', path: 'type' });

    expect((await client.get('')).body.type).toBe('UNKNOWN_VALUE');
  });

  test('a path fault whose path is absent leaves the answer alone and stays unspent', async () => {
    await setFault('readOneEnvironment', { kind: 'dropField', path: 'no.such.field' });

    const response = await client.get('');

    expect(response.body.type).toBe('SANDBOX');
    expect(await listFaults()).toEqual([expect.objectContaining({ remaining: 1, hits: 0 })]);
  });

  test('status answers the handler body with another status; the resource exists', async () => {
    await setFault('createPopulation', { kind: 'status', status: 503 });
    const body = population();

    const response = await client.post('populations', body);

    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ id: expect.any(String), name: body.name });
    expect(await countPopulationsNamed(body.name)).toBe(1);
  });

  test('mediaType answers the handler body with another Content-Type', async () => {
    await setFault('readOneEnvironment', { kind: 'mediaType', contentType: 'text/plain' });

    const response = await fetch(`${emulator.url}/v1/environments/${emulator.config.environmentId}`, {
      headers: { authorization: `Bearer ${await workerToken(emulator)}` },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(JSON.parse(await response.text())).toMatchObject({ id: emulator.config.environmentId, type: 'SANDBOX' });
  });
});

test.describe('faults that answer before the handler', () => {
  const cases: { status: number; code: string; detail?: string }[] = [
    { status: 400, code: 'INVALID_DATA', detail: 'INVALID_VALUE' },
    { status: 401, code: 'ACCESS_FAILED', detail: 'INVALID_TOKEN' },
    { status: 403, code: 'ACCESS_FAILED', detail: 'INSUFFICIENT_PERMISSIONS' },
    { status: 404, code: 'NOT_FOUND' },
    { status: 409, code: 'INVALID_DATA', detail: 'CONSTRAINT_VIOLATION' },
    { status: 429, code: 'REQUEST_LIMITED', detail: 'LIMIT_EXCEEDED' },
    { status: 500, code: 'UNEXPECTED_ERROR' },
    { status: 502, code: 'BAD_GATEWAY' },
    { status: 503, code: 'SERVICE_UNAVAILABLE' },
  ];
  for (const { status, code, detail } of cases)
    test(`error ${status} answers ${code} in PingOne's shape and the create never happens`, async () => {
      await setFault('createPopulation', { kind: 'error', status });
      const body = population();

      const response = await client.post('populations', body);

      expectError(response, status, code, detail ? { code: detail } : undefined);
      expect(await countPopulationsNamed(body.name)).toBe(0);
    });

  test('error 429 sends Retry-After "1" by default, and seconds or an HTTP date as given', async () => {
    const date = 'Fri, 04 Dec 2026 10:00:03 GMT';
    await setFault('readOneEnvironment', { kind: 'error', status: 429 });
    await setFault('readAllResources', { kind: 'error', status: 429, retryAfter: 7 });
    await setFault('readAllPopulations', { kind: 'error', status: 429, retryAfter: date });

    expect((await client.get('')).headers.get('retry-after')).toBe('1');
    expect((await client.get('resources')).headers.get('retry-after')).toBe('7');
    expect((await client.get('populations')).headers.get('retry-after')).toBe(date);
  });

  test('error 503 sends Retry-After only when given', async () => {
    await setFault('readOneEnvironment', { kind: 'error', status: 503 });
    await setFault('readAllResources', { kind: 'error', status: 503, retryAfter: '2' });

    expect((await client.get('')).headers.get('retry-after')).toBeNull();
    expect((await client.get('resources')).headers.get('retry-after')).toBe('2');
  });

  test('error with a code replaces the top-level code', async () => {
    await setFault('readOneEnvironment', { kind: 'error', status: 400, code: 'REQUEST_FAILED' });

    expectError(await client.get(''), 400, 'REQUEST_FAILED', { code: 'INVALID_VALUE' });
  });

  test('error 401 answers before the bearer token is checked, on the auth plane too', async () => {
    await setFault('readOneEnvironment', { kind: 'error', status: 401 });
    await setFault('token', { kind: 'error', status: 503 });

    expectError(await client.get(''), 401, 'ACCESS_FAILED', { code: 'INVALID_TOKEN' });
    expect((await client.get('')).status).toBe(200);
    expect((await send(`${emulator.url}/${emulator.config.environmentId}/as/token`, { method: 'POST', body: 'grant_type=client_credentials', contentType: 'application/x-www-form-urlencoded' })).status).toBe(503);
  });

  test('notFoundIfFresh answers 404 for a path naming a resource created less than ms ago', async () => {
    await setFault('readOnePopulation', { kind: 'notFoundIfFresh', ms: 60_000 }, 0);
    const created = await client.create('populations', population());

    expectError(await client.get(`populations/${created.id}`), 404, 'NOT_FOUND');
    expect((await client.get('populations')).status).toBe(200);
    const seededId = (await client.get('populations')).body._embedded.populations.find((item: { default: boolean }) => item.default).id;
    expect((await client.get(`populations/${seededId}`)).status).toBe(200);

    await send(`${emulator.url}/__emulator/clock`, { method: 'POST', body: { advanceSeconds: 61 } });
    client = api(emulator, await workerToken(emulator));
    expect((await client.get(`populations/${created.id}`)).status).toBe(200);
    expect(await listFaults()).toEqual([expect.objectContaining({ hits: 1, remaining: null })]);
  });

  test('delay holds the call for ms, counting the hit while the call waits', async () => {
    await setFault('readOneEnvironment', { kind: 'delay', ms: 700 });
    const started = Date.now();

    const pending = client.get('');
    await expect.poll(async () => (await listFaults())[0].hits).toBe(1);
    const response: ApiResponse = await pending;

    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(650);
  });

  test('a call whose client goes away during a delay never reaches the handler', async () => {
    await setFault('createPopulation', { kind: 'delay', ms: 400 });
    const body = population();
    const abort = new AbortController();

    const pending = fetch(`${emulator.url}/v1/environments/${emulator.config.environmentId}/populations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await workerToken(emulator)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: abort.signal,
    }).catch(() => undefined);
    await expect.poll(async () => (await listFaults())[0].hits).toBe(1);
    abort.abort();
    await pending;
    await new Promise((resolve) => setTimeout(resolve, 800)); // the delay is over by now

    expect(await countPopulationsNamed(body.name)).toBe(0);
  });

  test('chaos answers with one of its statuses at its rate, the same way for the same seed', async () => {
    const run = async () => {
      await send(faultsUrl(), { method: 'DELETE' });
      await setFault('readOneEnvironment', { kind: 'chaos', rate: 0.5, statuses: [429, 503], seed: 42 }, 0);
      const statuses: number[] = [];
      for (let call = 0; call < 24; call++) statuses.push((await client.get('')).status);
      return statuses;
    };

    const first = await run();

    expect(await run()).toEqual(first);
    expect(first).toContain(200);
    expect(first.some((status) => status === 429 || status === 503)).toBe(true);
    expect(first.every((status) => [200, 429, 503].includes(status))).toBe(true);
    expect((await listFaults())[0].hits).toBe(first.filter((status) => status !== 200).length);
  });

  test('chaos at rate 0 never fires, at rate 1 always does', async () => {
    await setFault('readAllResources', { kind: 'chaos', rate: 0, statuses: [503] }, 0);
    await setFault('readOneEnvironment', { kind: 'chaos', rate: 1, statuses: [429] }, 0);

    expect((await client.get('resources')).status).toBe(200);
    expectError(await client.get(''), 429, 'REQUEST_LIMITED');
  });
});

test.describe('validation', () => {
  const cases: { title: string; body: unknown; code: string; target: string }[] = [
    { title: 'a missing operationId', body: { fault: { kind: 'delay', ms: 1 } }, code: 'REQUIRED_VALUE', target: 'operationId' },
    { title: 'an operationId the emulator does not serve', body: { operationId: 'readFoo', fault: { kind: 'delay', ms: 1 } }, code: 'INVALID_VALUE', target: 'operationId' },
    { title: 'a test-only operation', body: { operationId: 'readFaults', fault: { kind: 'delay', ms: 1 } }, code: 'INVALID_VALUE', target: 'operationId' },
    { title: 'a negative count', body: { operationId: '*', count: -1, fault: { kind: 'delay', ms: 1 } }, code: 'OUT_OF_RANGE', target: 'count' },
    { title: 'a count that is not an integer', body: { operationId: '*', count: 1.5, fault: { kind: 'delay', ms: 1 } }, code: 'INVALID_VALUE', target: 'count' },
    { title: 'an unknown top-level field', body: { operationId: '*', fault: { kind: 'delay', ms: 1 }, times: 2 }, code: 'INVALID_VALUE', target: 'times' },
    { title: 'a missing fault', body: { operationId: '*' }, code: 'REQUIRED_VALUE', target: 'fault' },
    { title: 'a fault that is not an object', body: { operationId: '*', fault: 'delay' }, code: 'INVALID_VALUE', target: 'fault' },
    { title: 'an unknown kind', body: { operationId: '*', fault: { kind: 'explode' } }, code: 'INVALID_VALUE', target: 'fault.kind' },
    { title: 'a field of another kind', body: { operationId: '*', fault: { kind: 'delay', ms: 1, path: 'id' } }, code: 'INVALID_VALUE', target: 'fault.path' },
    { title: 'a path fault without a path', body: { operationId: '*', fault: { kind: 'dropField' } }, code: 'REQUIRED_VALUE', target: 'fault.path' },
    { title: 'a path with an empty segment', body: { operationId: '*', fault: { kind: 'changeType', path: 'a..b' } }, code: 'INVALID_VALUE', target: 'fault.path' },
    { title: 'a status below 200', body: { operationId: '*', fault: { kind: 'status', status: 101 } }, code: 'OUT_OF_RANGE', target: 'fault.status' },
    { title: 'an empty media type', body: { operationId: '*', fault: { kind: 'mediaType', contentType: '' } }, code: 'INVALID_VALUE', target: 'fault.contentType' },
    { title: 'an error status without a PingOne error', body: { operationId: '*', fault: { kind: 'error', status: 418 } }, code: 'INVALID_VALUE', target: 'fault.status' },
    { title: 'an error code that is not upper case', body: { operationId: '*', fault: { kind: 'error', status: 400, code: 'bad' } }, code: 'INVALID_VALUE', target: 'fault.code' },
    { title: 'Retry-After on a 500', body: { operationId: '*', fault: { kind: 'error', status: 500, retryAfter: 1 } }, code: 'CONSTRAINT_VIOLATION', target: 'fault.retryAfter' },
    { title: 'a negative Retry-After', body: { operationId: '*', fault: { kind: 'error', status: 429, retryAfter: -1 } }, code: 'INVALID_VALUE', target: 'fault.retryAfter' },
    { title: 'a delay over ten minutes', body: { operationId: '*', fault: { kind: 'delay', ms: 600_001 } }, code: 'OUT_OF_RANGE', target: 'fault.ms' },
    { title: 'a notFoundIfFresh without ms', body: { operationId: '*', fault: { kind: 'notFoundIfFresh' } }, code: 'REQUIRED_VALUE', target: 'fault.ms' },
    { title: 'a chaos rate above 1', body: { operationId: '*', fault: { kind: 'chaos', rate: 2, statuses: [503] } }, code: 'OUT_OF_RANGE', target: 'fault.rate' },
    { title: 'chaos without statuses', body: { operationId: '*', fault: { kind: 'chaos', rate: 0.5, statuses: [] } }, code: 'INVALID_VALUE', target: 'fault.statuses' },
    { title: 'a chaos status without a PingOne error', body: { operationId: '*', fault: { kind: 'chaos', rate: 0.5, statuses: [503, 200] } }, code: 'INVALID_VALUE', target: 'fault.statuses[1]' },
    { title: 'a chaos seed that is not an integer', body: { operationId: '*', fault: { kind: 'chaos', rate: 0.5, statuses: [503], seed: 'x' } }, code: 'INVALID_VALUE', target: 'fault.seed' },
  ];
  for (const { title, body, code, target } of cases)
    test(`refuses ${title} with 400 INVALID_DATA / ${code} on ${target}`, async () => {
      const response = await send(faultsUrl(), { method: 'POST', body });

      expectError(response, 400, 'INVALID_DATA', { code, target });
      expect(await listFaults()).toEqual([]);
    });

  test('refuses a body that is not JSON with 415 INVALID_REQUEST', async () => {
    expectError(await send(faultsUrl(), { method: 'POST', body: 'operationId=*', contentType: 'text/plain' }), 415, 'INVALID_REQUEST');
  });
});
