import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * One example response, as data: `<operationId>.json` is the realistic example of an operation;
 * `<operationId>.<variant>.json` is another documented shape (an error, another flow status).
 */
export interface ContractExample {
  /** The file name without `.json`. */
  name: string;
  operationId: string;
  /** Where the example comes from (facts file section, PingOne docs page, RFC). */
  source: string;
  status: number;
  contentType: string | null;
  headers?: Record<string, string>;
  body: unknown;
}

const FOLDER = path.dirname(fileURLToPath(import.meta.url));

let cache: ContractExample[] | undefined;

/** Every example in schemas/examples/, sorted by name. */
export function examples(): ContractExample[] {
  cache ??= readdirSync(FOLDER)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      name: file.slice(0, -'.json'.length),
      ...(JSON.parse(readFileSync(path.join(FOLDER, file), 'utf8')) as Omit<ContractExample, 'name'>),
    }));
  return cache;
}

/** The realistic example of `operationId` (`<operationId>.json`). */
export function exampleOf(operationId: string): ContractExample {
  const found = examples().find((example) => example.name === operationId);
  if (!found) throw new Error(`schemas/examples/${operationId}.json does not exist.`);
  return found;
}
