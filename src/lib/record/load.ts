/**
 * Reads record files from a records directory laid out as `<dir>/<domain>/<slug>.json`.
 * Node-only (uses the file system): for scripts, the CLI and benchmarks. Pages get records through
 * Astro's content collection, which reads the same directory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface RecordFile {
  /** Path relative to the records directory, e.g. `grpc/grpc-connection-reset-by-peer.json`. */
  path: string;
  /** The id the path implies: `grpc/grpc-connection-reset-by-peer`. */
  idFromPath: string;
  /** The file's text, unparsed. */
  text: string;
}

/** The records directory: `ATLAS_ERRORS_DIR` if set, else the shipped `content/errors`. */
export function recordsDir(projectRoot: string = process.cwd()): string {
  const fromEnv = process.env.ATLAS_ERRORS_DIR;
  return resolve(projectRoot, fromEnv && fromEnv.trim() !== '' ? fromEnv : 'content/errors');
}

/** Every `*.json` file one level below a domain folder, sorted by path. Other files are ignored. */
export function readRecordFiles(dir: string): RecordFile[] {
  const files: RecordFile[] = [];
  const domains = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  for (const domain of domains) {
    const names = readdirSync(join(dir, domain)).filter((name) => name.endsWith('.json')).sort();
    for (const name of names) {
      const path = `${domain}/${name}`;
      files.push({ path, idFromPath: path.slice(0, -'.json'.length), text: readFileSync(join(dir, path), 'utf8') });
    }
  }
  return files;
}

/** Parsed records, for tools that run after validation has passed (the CLI, benchmarks). */
export function loadRecords(dir: string): unknown[] {
  return readRecordFiles(dir).map((file) => JSON.parse(file.text));
}
