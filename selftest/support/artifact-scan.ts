import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** A value that must appear in no artifact, with what it is. */
export interface ScannedSecret {
  kind: string;
  value: string;
}

/** One place a secret (or a JWT-looking string) was found. Never carries the value itself. */
export interface Finding {
  /** The file, relative to the scanned folder; `index.html!report.json` for a zipped entry. */
  where: string;
  kind: string;
  offset: number;
}

/** One text to search: a file, an entry of an embedded zip, or captured console output. */
export interface ScannedText {
  where: string;
  text: string;
}

/** Three dot-separated base64url parts opening with `{"` encoded: a JWT, whoever issued it. */
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;
const REPORT_ZIP = /<template id="playwrightReportBase64">data:application\/zip;base64,([A-Za-z0-9+/=]+)/;

/**
 * Every text under `root`: each file as UTF-8, and each entry of the zips Playwright writes (the
 * HTML report's data is a zip embedded in index.html; traces are `.zip` files).
 */
export function artifactTexts(root: string): ScannedText[] {
  const texts: ScannedText[] = [];
  for (const file of filesUnder(root)) {
    const where = path.relative(root, file);
    const bytes = readFileSync(file);
    texts.push({ where, text: bytes.toString('utf8') });
    const embedded = file.endsWith('.html') ? REPORT_ZIP.exec(bytes.toString('utf8'))?.[1] : undefined;
    const zip = embedded ? Buffer.from(embedded, 'base64') : file.endsWith('.zip') ? bytes : undefined;
    if (zip) for (const entry of unzip(zip)) texts.push({ where: `${where}!${entry.name}`, text: entry.text });
  }
  return texts;
}

/**
 * Finds each secret in the texts (as sent, URL-encoded, and JSON-escaped; an all-digit value such
 * as a passcode only as a whole number) and every JWT-looking string. Findings name the file, the
 * kind and the offset, never the value.
 */
export function scanTexts(texts: ScannedText[], secrets: ScannedSecret[]): Finding[] {
  const findings: Finding[] = [];
  const patterns = secrets.flatMap(({ kind, value }) => spellings(value).map((spelling) => ({ kind, pattern: exact(spelling) })));
  for (const { where, text } of texts) {
    for (const { kind, pattern } of patterns) {
      const match = pattern.exec(text);
      if (match) findings.push({ where, kind, offset: match.index });
    }
    for (const match of text.matchAll(JWT)) findings.push({ where, kind: 'JWT-looking string', offset: match.index! });
  }
  return findings;
}

function spellings(value: string): string[] {
  return [...new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])];
}

function exact(value: string): RegExp {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(/^\d+$/.test(value) ? `(?<!\\d)${escaped}(?!\\d)` : escaped);
}

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(root, name))
    .filter((file) => statSync(file).isFile());
}

/** The entries of a zip archive (stored or deflated), read through its central directory. */
function unzip(zip: Buffer): { name: string; text: string }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: { name: string; text: string }[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressedSize);
    if (method !== 0 && method !== 8) throw new Error(`zip entry ${name} uses compression method ${method}`);
    entries.push({ name, text: (method === 8 ? inflateRawSync(data) : data).toString('utf8') });
  }
  return entries;
}
