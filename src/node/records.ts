/**
 * The one walk over a records directory laid out as `<dir>/<domain>/<slug>.json`, for everything
 * that runs in Node: the content check, the matcher CLI, benchmarks and tests. Pages get the same
 * records through Astro's content collection, validated by the same schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ErrorRecord } from '../lib/record/schema.ts';
import { formatProblem, validateRecordFiles, type RecordFile } from '../lib/record/validate.ts';

/** The records directory: `ATLAS_ERRORS_DIR` if set, else the shipped `content/errors`. */
export function recordsDir(projectRoot: string = process.cwd()): string {
  const fromEnv = process.env.ATLAS_ERRORS_DIR;
  return resolve(projectRoot, fromEnv && fromEnv.trim() !== '' ? fromEnv : 'content/errors');
}

/** The path of every `*.json` file one level below a domain folder (`grpc/x.json`), sorted. Other files are ignored. */
export function listRecordPaths(dir: string): string[] {
  const paths: string[] = [];
  const domains = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  for (const domain of domains) {
    for (const name of readdirSync(join(dir, domain)).filter((file) => file.endsWith('.json')).sort()) paths.push(`${domain}/${name}`);
  }
  return paths;
}

/**
 * JSON files a records directory holds where no record can be (at its top, or deeper than
 * `<domain>/<slug>.json`): they are not read, so the check names them rather than lose them quietly.
 */
export function misplacedJsonFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string, depth: number) => {
    for (const entry of readdirSync(join(dir, folder), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path, depth + 1);
      else if (entry.name.endsWith('.json') && depth !== 1) found.push(path);
    }
  };
  walk('', 0);
  return found.sort();
}

/** Every record file of a directory (see listRecordPaths), read but not parsed. */
export function readRecordFiles(dir: string): RecordFile[] {
  return listRecordPaths(dir).map((path) => ({ path, idFromPath: path.slice(0, -'.json'.length), text: readFileSync(join(dir, path), 'utf8') }));
}

/**
 * The records of a directory as the site sees them: parsed and validated by the record schema.
 * Throws with the content check's report (file, field, what is wrong) when any record is invalid,
 * so a tool never works from records the site would refuse.
 */
export function loadRecords(dir: string): ErrorRecord[] {
  let files: RecordFile[];
  try {
    files = readRecordFiles(dir);
  } catch (error) {
    throw new Error(`cannot read the records directory ${dir}: ${(error as Error).message}`);
  }
  const result = validateRecordFiles(files);
  if (result.errorCount > 0) {
    const lines = result.problems.filter((problem) => problem.severity === 'error').map((problem) => formatProblem(problem, (file) => join(dir, file)));
    throw new Error(`${result.errorCount} invalid record${result.errorCount === 1 ? '' : 's'} in ${dir} (run npm run check:content):\n${lines.join('\n')}`);
  }
  return result.records;
}
