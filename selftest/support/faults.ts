/**
 * The emulator's test-only fault API (`/__emulator/faults`), as the suite-level selftests use it:
 * make the next N calls of an operation misbehave, see how often a fault fired, clear them all.
 */

/** A fault as `POST /__emulator/faults` takes it; `operationId` is the emulator's (routes.ts). */
export interface FaultRequest {
  operationId: string;
  /** How many matching calls it applies to; 0 = every one. Default 1. */
  count?: number;
  fault: { kind: string; [field: string]: unknown };
}

/** A fault as `GET /__emulator/faults` lists it. */
export interface FaultRecord {
  id: string;
  operationId: string;
  count: number;
  remaining: number;
  hits: number;
  fault: FaultRequest['fault'];
}

async function send(url: string, init: RequestInit, expected: number): Promise<Response> {
  const response = await fetch(url, init);
  if (response.status !== expected)
    throw new Error(`${init.method ?? 'GET'} ${new URL(url).pathname} answered ${response.status}, not ${expected}: ${await response.text()}`);
  return response;
}

/** Arms one fault; returns it with its id. */
export async function injectFault(emulatorUrl: string, request: FaultRequest): Promise<FaultRecord> {
  const response = await send(
    `${emulatorUrl}/__emulator/faults`,
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ count: 1, ...request }) },
    201,
  );
  return (await response.json()) as FaultRecord;
}

/** Every armed fault, with how often each fired. */
export async function listFaults(emulatorUrl: string): Promise<FaultRecord[]> {
  const response = await send(`${emulatorUrl}/__emulator/faults`, { method: 'GET' }, 200);
  return ((await response.json()) as { faults: FaultRecord[] }).faults;
}

/** How often the fault `id` fired so far (0 once it is gone). */
export async function hitsOf(emulatorUrl: string, id: string): Promise<number> {
  return (await listFaults(emulatorUrl)).find((fault) => fault.id === id)?.hits ?? 0;
}

/** Disarms every fault. */
export async function clearFaults(emulatorUrl: string): Promise<void> {
  await send(`${emulatorUrl}/__emulator/faults`, { method: 'DELETE' }, 204);
}

/** Makes the seeded environment a `SANDBOX` or a `PRODUCTION` one. */
export async function setEnvironmentType(emulatorUrl: string, type: 'SANDBOX' | 'PRODUCTION'): Promise<void> {
  const response = await fetch(`${emulatorUrl}/__emulator/environment`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ type }),
  });
  if (!response.ok) throw new Error(`PUT /__emulator/environment answered ${response.status}: ${await response.text()}`);
}
