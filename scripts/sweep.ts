/**
 * `npm run sweep`: deletes what earlier runs left in the target environment — every resource in
 * the ledger of a run that is no longer going, and every resource whose name carries the suite's
 * run tag (`mfact-<runId>`) that no live run owns. It never touches a resource without the tag.
 */
import { request } from '@playwright/test';
import { ConfigError, loadSettings } from '../lib/config.ts';
import { describeRemaining } from '../lib/cleanup.ts';
import { PingOneClient, type ClientCore } from '../lib/pingone-client.ts';
import { sweep } from '../lib/sweep.ts';
import { WorkerToken } from '../lib/worker-token.ts';

let settings;
try {
  settings = loadSettings();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}

const context = await request.newContext();
const core: ClientCore = { settings, request: context, created: new Map(), timeoutMs: 15_000 };
core.token = new WorkerToken(() => new PingOneClient(core));
try {
  const outcome = await sweep(new PingOneClient(core), settings, { tagged: true });
  const list = (entries: { kind: string; id?: string; name: string }[]) => entries.map((e) => `  ${e.kind} ${e.id ?? '?'} "${e.name}"`).join('\n');
  console.log(`Swept environment ${settings.environmentId} at ${settings.apiUrl}`);
  console.log(`  dead runs' ledgers: ${outcome.ledgers.length}; live runs left alone: ${outcome.liveRuns.join(', ') || 'none'}`);
  console.log(`  deleted: ${outcome.deleted.length}${outcome.deleted.length ? `\n${list(outcome.deleted)}` : ''}`);
  console.log(`  already gone: ${outcome.gone.length}`);
  if (outcome.remaining.length > 0) {
    console.error(`  could not delete ${outcome.remaining.length}:\n${describeRemaining(outcome)}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await context.dispose();
}
