// @ts-check
/**
 * `npm run build`: the production build, in two processes one after the other. Arguments go to
 * `astro build` (`--outDir`, `--config`, …).
 *
 * 1. `astro build` with the build's environment (scripts/build/build.env, set when the process
 *    starts, as some of it must be) and Node flags (below): the pages, the sitemap,
 *    `_redirects`' sitemap clean-up and `_headers` (its integrations). The Pagefind integration
 *    only hands the output directory over, through the file named by `ATLAS_INDEX_HANDOFF`.
 * 2. Once that process has exited, this one indexes the output with Pagefind
 *    (`src/node/search/indexer.ts`). Run inside Astro's process, Pagefind's memory added to the
 *    hundreds of megabytes Astro still holds at the end of a build; here the build's peak is the
 *    larger of the two (docs/benchmarks.md, "Build"). The output is the same either way.
 *
 * Beside step 1, from its start, the records' content check runs in a process of its own
 * (scripts/build/check-records.ts): it takes about a second, which now overlaps Astro's own
 * start-up, and Astro's content-check integration waits for its verdict, in the file named by
 * `ATLAS_RECORDS_VERDICT`, before anything is bundled or rendered.
 *
 * The records' API files (`_api/v1/records/<domain>/<slug>.json`, one per record) are not Astro
 * pages in this build: the content check writes them, with the bytes the route would render, to a
 * scratch folder once its verdict is out (`ATLAS_RECORD_API_FILES`, src/lib/api/files.ts), the route
 * then yields no pages, and the folder is moved into the site once both processes have exited. As
 * pages they were about a sixth of Astro's rendering time (docs/benchmarks.md, "Build").
 *
 * Plain JavaScript, unlike the other scripts: this process waits through the whole Astro build, and
 * without a TypeScript file to load Node does not load its type stripper either (about 15 MB less
 * held for the build's whole length). The indexer, TypeScript, is loaded once Astro has exited.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { countRecordFiles, recordsDirOf, semiSpaceFlag } from './young-generation.mjs';

/** The variable src/integrations/pagefind.ts reads (its `INDEX_HANDOFF_ENV`). */
const INDEX_HANDOFF_ENV = 'ATLAS_INDEX_HANDOFF';
/** The variable src/integrations/content-check.ts reads (its `RECORDS_VERDICT_ENV`). */
const RECORDS_VERDICT_ENV = 'ATLAS_RECORDS_VERDICT';
/** The variable the record route and scripts/build/check-records.ts read (src/lib/api/files.ts). */
const RECORD_API_FILES_ENV = 'ATLAS_RECORD_API_FILES';
/** Where those files go in the site, as src/lib/api/v1.ts's `recordApiFile` names them. */
const RECORD_API_FOLDER = join('_api', 'v1', 'records');

const root = resolve(import.meta.dirname, '../..');

/**
 * Node flags for Astro's process: the size of V8's young generation, where every page's
 * short-lived objects are born, small where Astro's process is the build's memory peak and full
 * size where it is not (young-generation.mjs). A flag V8 reads when the heap is set up, so it cannot
 * go in astro.config.mjs with the heap's other setting. Astro resolves the records directory from
 * its working directory, which is this process's.
 */
const NODE_FLAGS = [semiSpaceFlag(countRecordFiles(recordsDirOf(process.cwd(), process.env.ATLAS_ERRORS_DIR)))];
const scratch = mkdtempSync(join(tmpdir(), 'atlas-build-'));
const handoff = join(scratch, 'site-dir');
const verdict = join(scratch, 'records-verdict.json');
const apiFiles = join(scratch, 'api');

/**
 * Starts a Node process; resolves with its exit status once it has exited (1 if a signal ended it).
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<number>}
 */
function run(args, env) {
  const child = spawn(process.execPath, args, { stdio: 'inherit', env });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done(code ?? 1));
  });
}

/**
 * Moves the records' API files written by the content check into the built site: a rename, or a
 * copy where the scratch folder is on another file system. The site must not have them already:
 * two writers of one file would be a mistake somewhere.
 * @param {string} siteDir
 */
function moveRecordApiFiles(siteDir) {
  const from = join(apiFiles, RECORD_API_FOLDER);
  const to = join(siteDir, RECORD_API_FOLDER);
  if (!existsSync(from)) return; // No records: no files, as the route would make none.
  if (existsSync(to)) throw new Error(`${to} exists: Astro rendered the records' API files although ${RECORD_API_FILES_ENV} was set`);
  mkdirSync(join(siteDir, '_api', 'v1'), { recursive: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
  }
}

/**
 * A log line as Astro's logger writes it, so that the log reads the same (bench:build times its
 * phases from these lines).
 * @param {string} message
 */
const log = (message) => console.log(`${new Date().toTimeString().slice(0, 8)} [error-atlas:pagefind] ${message}`);

// The site's address is ATLAS_SITE_URL (README): Astro's config derives the base from it, and the
// records' API files are written with it outside Astro's process, which an `astro build --site`
// would not reach. Refused rather than half applied.
const addressFlag = process.argv.slice(2).find((arg) => /^--(?:site|base)(?:=|$)/.test(arg));
if (addressFlag) {
  console.error(`npm run build: ${addressFlag.split('=')[0]} is not supported; set ATLAS_SITE_URL to the public address instead (e.g. ATLAS_SITE_URL=https://example.org/errors/ npm run build)`);
  process.exit(2);
}

try {
  const buildEnv = parseEnv(readFileSync(join(root, 'scripts', 'build', 'build.env'), 'utf8'));
  const checked = run([join(root, 'scripts', 'build', 'check-records.ts'), verdict], { ...process.env, [RECORD_API_FILES_ENV]: apiFiles }).then((status) => {
    // A check that ended without a verdict (it crashed) must not leave Astro waiting for one, nor pass.
    if (!existsSync(verdict)) writeFileSync(verdict, JSON.stringify({ errorCount: 1, summary: `the content check exited with status ${status} before its verdict` }));
    return status;
  });
  const astro = await run([...NODE_FLAGS, join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...process.argv.slice(2)], {
    ...buildEnv,
    ...process.env,
    [INDEX_HANDOFF_ENV]: handoff,
    [RECORDS_VERDICT_ENV]: verdict,
    [RECORD_API_FILES_ENV]: apiFiles,
  });
  const check = await checked;
  if (astro !== 0 || check !== 0) {
    process.exitCode = astro || check;
  } else if (!existsSync(handoff)) {
    // The integration did not run: a site without its search index (or its records' API files) must
    // not pass for a good build.
    console.error(`astro build exited without handing over its output directory (${INDEX_HANDOFF_ENV}): is the error-atlas:pagefind integration in astro.config.mjs?`);
    process.exitCode = 1;
  } else if (process.env.ATLAS_SKIP_PAGEFIND === '1') {
    // Astro's log has said so.
    moveRecordApiFiles(readFileSync(handoff, 'utf8'));
  } else {
    const siteDir = readFileSync(handoff, 'utf8');
    moveRecordApiFiles(siteDir);
    log(`astro build has exited; indexing ${siteDir}`);
    const { describeIndex, indexSite } = await import('../../src/node/search/indexer.ts');
    log(describeIndex(await indexSite(siteDir)));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
