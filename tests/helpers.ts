/** Shared test helpers: the example record as the user gave it, and records derived from it. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const EXAMPLE_PATH = `${ROOT}content/errors/grpc/grpc-connection-reset-by-peer.json`;

/** A fresh, mutable copy of the example record. */
export function exampleRecord(): Record<string, any> {
  return JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8'));
}

/** A record file for the validator, from an object (or raw text) at a path like `grpc/x.json`. */
export function recordFile(path: string, data: unknown) {
  return { path, idFromPath: path.replace(/\.json$/, ''), text: typeof data === 'string' ? data : JSON.stringify(data, null, 2) };
}
