import { deleteAll, type CleanupOutcome } from './cleanup.ts';
import type { Settings } from './config.ts';
import { isAbandoned, ledgerDir, readLedgers, retire, type LedgerFile } from './ledger.ts';
import type { PingOneClient } from './pingone-client.ts';
import type { ResourceEntry } from './resources.ts';
import { TAGGED_NAME } from './run.ts';

export interface SweepOutcome extends CleanupOutcome {
  /** Ledgers of dead runs that were processed. */
  ledgers: string[];
  /** Runs still alive whose resources were left alone. */
  liveRuns: string[];
}

/**
 * Deletes what dead runs left: every resource in a ledger whose run is gone, and with `tagged`,
 * every resource whose name carries the suite's run tag but that no ledger knows. Resources of a
 * run that is still going, and resources without the tag, are never touched.
 */
export async function sweep(client: PingOneClient, settings: Settings, options: { tagged: boolean; exceptRun?: string }): Promise<SweepOutcome> {
  const ledgers = readLedgers(ledgerDir(settings));
  const live = new Set(ledgers.filter((ledger) => !isAbandoned(ledger) || ledger.runId === options.exceptRun).map((ledger) => ledger.runId));
  const dead = ledgers.filter((ledger) => !live.has(ledger.runId));

  const entries: ResourceEntry[] = dead.flatMap((ledger) => ledger.entries);
  if (options.tagged) entries.push(...(await taggedResources(client, live, entries)));

  const outcome = await deleteAll(client, entries);
  const leftIn = (ledger: LedgerFile) => outcome.remaining.some((r) => ledger.entries.includes(r.entry as never));
  for (const ledger of dead) if (!leftIn(ledger)) retire(ledger);
  return { ...outcome, ledgers: dead.map((ledger) => ledger.file), liveRuns: [...live] };
}

/** Tagged resources of runs that are not live, found by listing; children before parents. */
async function taggedResources(client: PingOneClient, live: Set<string>, known: ResourceEntry[]): Promise<ResourceEntry[]> {
  const knownIds = new Set(known.map((entry) => entry.id));
  const found: ResourceEntry[] = [];
  const take = (entry: ResourceEntry) => {
    const run = TAGGED_NAME.exec(entry.name)?.[1];
    if (run && !live.has(run) && !knownIds.has(entry.id)) found.push(entry);
  };
  const list = async (operationId: string, name: string, options = {}) =>
    ((await client.call(operationId, options)).body?._embedded?.[name] ?? []) as Record<string, any>[];

  for (const app of await list('readAllApplications', 'applications')) take({ kind: 'application', id: app.id, name: app.name, parents: {} });
  for (const policy of await list('readAllSignOnPolicies', 'signOnPolicies'))
    take({ kind: 'signOnPolicy', id: policy.id, name: policy.name, parents: {} });
  for (const policy of await list('readDeviceAuthenticationPolicies', 'deviceAuthenticationPolicies'))
    take({ kind: 'deviceAuthenticationPolicy', id: policy.id, name: policy.name, parents: {} });
  for (const population of await list('readAllPopulations', 'populations')) {
    if (!TAGGED_NAME.test(population.name)) continue;
    const users = await list('readAllUsers', 'users', { query: { filter: `population.id eq "${population.id}"` } });
    for (const user of users) take({ kind: 'user', id: user.id, name: user.username, parents: {} });
    take({ kind: 'population', id: population.id, name: population.name, parents: {} });
  }
  return found;
}
