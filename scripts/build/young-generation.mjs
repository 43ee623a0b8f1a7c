// @ts-check
/**
 * The size of V8's young generation for Astro's process, chosen by the number of records, for
 * scripts/build/site.mjs (plain JavaScript, like it: see there why).
 *
 * Every page's short-lived objects are born in the young generation. A small one (4 MB semi-spaces,
 * from V8's 16) keeps about 40 MB less resident through rendering, and at 2,522 records Astro's
 * process is the build's memory peak, so that matters there. From some 10,000 records on, the peak
 * is Pagefind's, after Astro has exited, and the small young generation only costs time: at 20,000
 * records 11 % of rendering's CPU time for 13 MB that change nothing in the build's peak
 * (docs/benchmarks.md, "Build").
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Above this many records the full-size young generation is used (see above). */
export const LARGE_CORPUS_RECORDS = 10_000;

/**
 * The Node flag for Astro's process: `--max-semi-space-size=4` (MB) up to `LARGE_CORPUS_RECORDS`
 * records, V8's own 16 MB above (said explicitly, so the log of the command shows it).
 * @param {number} records
 * @returns {string}
 */
export function semiSpaceFlag(records) {
  return `--max-semi-space-size=${records > LARGE_CORPUS_RECORDS ? 16 : 4}`;
}

/**
 * The records directory as src/node/records.ts `recordsDir()` resolves it (`ATLAS_ERRORS_DIR`, else
 * the shipped `content/errors`), without loading TypeScript into this process.
 * @param {string} projectRoot
 * @param {string | undefined} fromEnv
 * @returns {string}
 */
export function recordsDirOf(projectRoot, fromEnv) {
  return resolve(projectRoot, fromEnv && fromEnv.trim() !== '' ? fromEnv : 'content/errors');
}

/**
 * How many record files (`<domain>/<slug>.json`) a records directory holds, as src/node/records.ts
 * `listRecordPaths` counts them; 0 if it cannot be read (the content check reports that).
 * @param {string} dir
 * @returns {number}
 */
export function countRecordFiles(dir) {
  let count = 0;
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      count += readdirSync(join(dir, entry.name)).filter((name) => name.endsWith('.json')).length;
    }
  } catch {
    return 0;
  }
  return count;
}
