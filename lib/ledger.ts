import { createHash, randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, type Settings } from './config.ts';
import type { ResourceEntry, ResourceKind } from './resources.ts';
import type { RunIdentity } from './run.ts';

/**
 * The on-disk record of what a run created, written line by line as it happens so that a run
 * killed at any point leaves enough behind for the next run (or `npm run sweep`) to delete it.
 *
 * Lines: a `run` header; an `intend` before each create (kind, name, parents), so that even a
 * create whose answer was lost can be found by name; a `created` with the id once PingOne answers;
 * a `deleted` when cleanup confirmed it gone.
 */
type LedgerLine =
  | { op: 'run'; runId: string; runnerPid: number; host: string; apiUrl: string; environmentId: string; startedAt: string }
  | { op: 'intend'; key: string; kind: ResourceKind; name: string; parents: Record<string, string> }
  | { op: 'created'; key: string; id: string }
  | { op: 'deleted'; key: string };

/** A ledger file of one run's worker, read back. */
export interface LedgerFile {
  file: string;
  runId: string;
  runnerPid: number;
  host: string;
  startedAt: string;
  entries: (ResourceEntry & { key: string })[];
}

/** Ledgers from another machine are taken for dead after this long. */
const FOREIGN_LEDGER_STALE_MS = 6 * 60 * 60 * 1000;

/** The folder holding ledgers for one target: an environment at one API origin. */
export function ledgerDir(settings: Pick<Settings, 'apiUrl' | 'environmentId'>, env: NodeJS.ProcessEnv = process.env): string {
  const root = path.resolve(PROJECT_ROOT, env.SUITE_LEDGER_DIR ?? '.ledger');
  const target = createHash('sha256').update(`${settings.apiUrl} ${settings.environmentId}`).digest('hex').slice(0, 16);
  return path.join(root, target);
}

/** Appends one worker's records to its own file of the run, so workers never interleave. */
export class Ledger {
  private readonly file: string;
  private started = false;

  constructor(
    private readonly settings: Pick<Settings, 'apiUrl' | 'environmentId'>,
    private readonly run: RunIdentity,
  ) {
    this.file = path.join(ledgerDir(settings), `${run.runId}.${process.pid}.jsonl`);
  }

  /** Records the intent to create before the request goes out; returns the entry's key. */
  intend(kind: ResourceKind, name: string, parents: Record<string, string> = {}): string {
    const key = randomUUID();
    this.write({ op: 'intend', key, kind, name, parents });
    return key;
  }

  created(key: string, id: string): void {
    this.write({ op: 'created', key, id });
  }

  deleted(key: string): void {
    this.write({ op: 'deleted', key });
  }

  private write(line: LedgerLine): void {
    if (!this.started) {
      mkdirSync(path.dirname(this.file), { recursive: true });
      this.started = true;
      this.write({
        op: 'run',
        runId: this.run.runId,
        runnerPid: this.run.runnerPid,
        host: hostname(),
        apiUrl: this.settings.apiUrl,
        environmentId: this.settings.environmentId,
        startedAt: new Date().toISOString(),
      });
    }
    appendFileSync(this.file, `${JSON.stringify(line)}\n`);
  }
}

/** Every ledger file for the target, parsed; entries already deleted are left out. */
export function readLedgers(dir: string): LedgerFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .map((name) => parseLedger(path.join(dir, name)))
    .filter((ledger): ledger is LedgerFile => ledger !== undefined);
}

function parseLedger(file: string): LedgerFile | undefined {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((text) => {
      try {
        return [JSON.parse(text) as LedgerLine];
      } catch {
        return []; // a line cut short by a kill
      }
    });
  const header = lines.find((line) => line.op === 'run');
  if (!header || header.op !== 'run') return undefined;
  const entries = new Map<string, ResourceEntry & { key: string }>();
  for (const line of lines) {
    if (line.op === 'intend') entries.set(line.key, { key: line.key, kind: line.kind, name: line.name, parents: line.parents });
    if (line.op === 'created') {
      const entry = entries.get(line.key);
      if (entry) entry.id = line.id;
    }
    if (line.op === 'deleted') entries.delete(line.key);
  }
  return { file, runId: header.runId, runnerPid: header.runnerPid, host: header.host, startedAt: header.startedAt, entries: [...entries.values()] };
}

/** True when the run that wrote the ledger can no longer be running. */
export function isAbandoned(ledger: LedgerFile, now = Date.now()): boolean {
  if (ledger.host !== hostname()) return now - Date.parse(ledger.startedAt) > FOREIGN_LEDGER_STALE_MS;
  try {
    process.kill(ledger.runnerPid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Removes a ledger file whose resources are all confirmed gone. */
export function retire(ledger: LedgerFile): void {
  rmSync(ledger.file, { force: true });
}
