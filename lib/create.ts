import type { Ledger } from './ledger.ts';
import type { CallOptions, CallResult, PingOneClient } from './pingone-client.ts';
import { adopt, type ResourceKind } from './resources.ts';

/** A create the ledger must know about. */
export interface CreateRequest extends CallOptions {
  kind: ResourceKind;
  /** The run-unique name (or what tells the resource apart, see ResourceEntry.name). */
  name: string;
  parents?: Record<string, string>;
}

/**
 * Creates a resource so that it cannot be forgotten: the intent is on disk before the request
 * leaves, the id the moment PingOne answers (even an answer out of contract), and an ambiguous
 * failure looks the resource up by name instead of creating it twice.
 */
export async function createRecorded<T = any>(client: PingOneClient, ledger: Ledger, operationId: string, request: CreateRequest): Promise<CallResult<T>> {
  const { kind, name, parents = {}, ...options } = request;
  const key = ledger.intend(kind, name, parents);
  const entry = { kind, name, parents };
  return client.call<T>(operationId, {
    params: parents,
    ...options,
    lookup: () => adopt(client, entry),
    onAnswer: (result) => {
      const id = (result.body as { id?: unknown } | undefined)?.id;
      if (result.status < 300 && typeof id === 'string') ledger.created(key, id);
    },
  });
}
