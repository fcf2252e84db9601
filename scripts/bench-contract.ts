/**
 * Prints how long one `checkResponse` takes once the contract is compiled: the median and p95 per
 * check for a few typical responses. Figures to read, not a test.
 *
 *   node --import tsx scripts/bench-contract.ts
 */
import { performance } from 'node:perf_hooks';
import { checkResponse } from '../lib/contract.ts';
import { exampleOf, examples } from '../schemas/examples/index.ts';

const ROUNDS = 5000;
const TYPICAL = ['readUser', 'readAllUsers', 'authorize', 'createDeviceAuthenticationPolicy', 'token'];

function responseOf(name: string) {
  const example = exampleOf(name);
  return { status: example.status, contentType: example.contentType ?? undefined, body: example.body };
}

const started = performance.now();
for (const example of examples())
  checkResponse(example.operationId, { ...responseOf(example.name), headers: example.headers }, { expectStatus: example.status });
console.log(`compile + first check of ${examples().length} examples: ${(performance.now() - started).toFixed(1)} ms`);

for (const name of TYPICAL) {
  const response = responseOf(name);
  for (let i = 0; i < 200; i++) checkResponse(name, response);
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    checkResponse(name, response);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const micro = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
  console.log(
    `${name.padEnd(34)} median ${micro(times[Math.floor(ROUNDS / 2)]!)}  p95 ${micro(times[Math.floor(ROUNDS * 0.95)]!)}`,
  );
}
