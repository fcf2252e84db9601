import { StepFailure } from './failure.ts';
import type { PingOneClient } from './pingone-client.ts';
import { KINDS, paramsOf, type ResourceEntry } from './resources.ts';

/** What cleanup did with each resource. */
export interface CleanupOutcome {
  deleted: ResourceEntry[];
  /** Already gone when cleanup came (deleted with a parent, or never created). */
  gone: ResourceEntry[];
  /** Still there, or not confirmed gone, with why. */
  remaining: { entry: ResourceEntry; reason: string }[];
}

/**
 * Deletes the given resources in PingOne's dependency order (devices, users, populations,
 * assignments, grants, applications, sign-on policies with their actions, device authentication
 * policies), then confirms each is gone with a read that must answer 404. Entries without an id
 * (the create's answer was lost) are first looked up by name. One failure does not stop the rest.
 */
export async function deleteAll(
  client: PingOneClient,
  entries: ResourceEntry[],
  onGone: (entry: ResourceEntry) => void = () => {},
): Promise<CleanupOutcome> {
  const outcome: CleanupOutcome = { deleted: [], gone: [], remaining: [] };
  const ordered = [...entries].sort((a, b) => KINDS[a.kind].rank - KINDS[b.kind].rank);

  for (const entry of ordered) {
    const kind = KINDS[entry.kind];
    if (kind.deletedWith) continue;
    try {
      const id = entry.id ?? (await kind.find(client, entry));
      if (!id) {
        outcome.gone.push(entry);
        onGone(entry);
        continue;
      }
      entry.id = id;
      const result = await client.call(kind.delete, { params: paramsOf({ ...entry, id }), expectStatus: undefined }).catch((error) => {
        if (error instanceof StepFailure && error.status === 404) return undefined;
        throw error;
      });
      (result ? outcome.deleted : outcome.gone).push(entry);
    } catch (error) {
      outcome.remaining.push({ entry, reason: firstLine(error) });
    }
  }

  for (const entry of ordered) {
    if (outcome.remaining.some((r) => r.entry === entry)) continue;
    if (!entry.id) continue;
    try {
      await client.call(KINDS[entry.kind].read, { params: paramsOf({ ...entry, id: entry.id }), expectStatus: 404 });
      if (KINDS[entry.kind].deletedWith) outcome.deleted.push(entry);
      onGone(entry);
    } catch (error) {
      outcome.remaining.push({ entry, reason: `not confirmed gone: ${firstLine(error)}` });
    }
  }
  return outcome;
}

/** One line per resource left behind, for an error a person can act on. */
export function describeRemaining(outcome: CleanupOutcome): string {
  return outcome.remaining
    .map(({ entry, reason }) => `  - ${entry.kind} ${entry.id ?? '(id unknown)'} "${entry.name}": ${reason}`)
    .join('\n');
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n').slice(0, 3).join(' | ');
}
