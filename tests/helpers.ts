/** Shared test helpers: the example record as the user gave it, and records derived from it. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
/**
 * The format's example record exactly as a user sent it (`../shared/record-format/example.json`): nulls,
 * empty strings, English copies as its Chinese. The site ships an improved copy under the same id.
 */
export const EXAMPLE_PATH = `${ROOT}tests/fixtures/as-received/grpc/grpc-connection-reset-by-peer.json`;

/** A fresh, mutable copy of the example record. */
export function exampleRecord(): Record<string, any> {
  return JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8'));
}

/** A record file for the validator, from an object (or raw text) at a path like `grpc/x.json`. */
export function recordFile(path: string, data: unknown) {
  return { path, idFromPath: path.replace(/\.json$/, ''), text: typeof data === 'string' ? data : JSON.stringify(data, null, 2) };
}

/** A new temporary folder holding `files` (path → content), e.g. a small built site. */
export function writeTree(prefix: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}
