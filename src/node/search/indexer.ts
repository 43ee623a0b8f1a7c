/**
 * Runs Pagefind over a built site directory and writes its two bundles (see `lib/search/bundles.ts`):
 * `<dir>/pagefind/` without sort keys, for every search in relevance order, and `<dir>/pagefind-sorted/`
 * with them, for searches sorted by a key. Shared by the Astro integration and the search benchmark,
 * so both index the same way.
 *
 * Both bundles are indexed from the same files, at the same time, each by its own Pagefind service
 * (a service answers one request at a time): the sorted one in a worker thread (`index-worker.ts`),
 * the default one here. They differ in one option, `rootSelector`: the record pages keep their sort
 * keys in `<head>`, which the default bundle's root, `body`, leaves out. (Pagefind reads sort keys
 * even inside excluded elements, so `excludeSelectors` cannot drop them.) After writing, both page
 * lists are checked: no sort key in the default bundle, every one in the sorted bundle.
 */
import { createIndex, close } from 'pagefind';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { DEFAULT_BUNDLE, ROOT_SELECTORS, SORTED_BUNDLE } from '../../lib/search/bundles.ts';
import { SORT_KEYS } from '../../lib/search/record-data.ts';

/**
 * Parts of a record page that are labels or chrome rather than content: field labels (`dt`: "Why it
 * fails", "Domain"), section names ("Root cause"), muted notes ("No dead end is recorded yet."),
 * badges, the short answer (it repeats entry titles), breadcrumbs, category and date, section links
 * and copy buttons, the matcher link and the "not yet translated" note. Said here once rather than
 * as `data-pagefind-ignore` on every element, which would weigh on every page. Record pages mark
 * their content with `data-pagefind-body`, so the header, footer and language switch are never
 * indexed at all.
 */
export const EXCLUDE_SELECTORS = [
  '.untranslated-note', '.record dt', '.record .muted', '.record .badge', '.record .breadcrumbs', '.record .no-print',
  '.record .heading-wrapper.level-2 > h2', '.record .anchor-link', '.record copy-section-link', '.record copy-button',
  '.record .record-kicker', '.record .quick', '.record .record-meta',
];

/** Options for `pagefind.createIndex`: the build and the tokenizer test share them. */
export const INDEX_OPTIONS = { excludeSelectors: EXCLUDE_SELECTORS };

export interface BundleStats {
  /** Where the bundle was written. */
  outputPath: string;
  /** HTML files Pagefind read (pages without `data-pagefind-body` are read, then left out). */
  files: number;
  /** Pages in the bundle, all languages (from its `pagefind-entry.json`). */
  pages: number;
  /** Languages with a page list (`pagefind.<lang>_<hash>.pf_meta`). */
  languages: string[];
  /** Seconds this bundle took to index and write. */
  seconds: number;
}

export interface IndexStats {
  /** HTML files read, as Pagefind counts them (`addDirectory`'s `page_count`). */
  pages: number;
  languages: string[];
  /** Wall time for both bundles (indexed at the same time). */
  seconds: number;
  /** The default bundle's directory (`<dir>/pagefind`). */
  outputPath: string;
  bundles: { default: BundleStats; sorted: BundleStats };
}

/**
 * Indexes the HTML files under `dir` with this thread's Pagefind service, `rootSelector` as the
 * document root, and writes the bundle to `outputPath` (emptied first: Pagefind adds to an existing
 * directory, and a page list left from an earlier run would still be served). Closes the service.
 */
export async function indexDirectory(dir: string, outputPath: string, rootSelector: string): Promise<BundleStats> {
  const started = performance.now();
  let files: number;
  try {
    const { index, errors } = await createIndex({ ...INDEX_OPTIONS, rootSelector });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${dir}: ${added.errors.join('; ')}`);
    files = added.page_count;
    rmSync(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
  } finally {
    await close();
  }
  const entry = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return {
    outputPath,
    files,
    pages: Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0),
    languages: Object.keys(pageLists(outputPath)),
    seconds: (performance.now() - started) / 1000,
  };
}

/** `indexDirectory` in a worker thread, so that it gets a Pagefind service of its own. */
function indexDirectoryInWorker(dir: string, outputPath: string, rootSelector: string): Promise<BundleStats> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./index-worker.ts', import.meta.url), { workerData: { dir, outputPath, rootSelector } });
    let result: BundleStats | null = null;
    worker.once('message', (message: BundleStats) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`The Pagefind worker for ${outputPath} stopped (exit code ${code}) without a result`))));
  });
}

/** A bundle's page list file (`pagefind.<lang>_<hash>.pf_meta`) per language. */
function pageLists(bundle: string): Record<string, string> {
  const lists: Record<string, string> = {};
  for (const name of readdirSync(bundle)) {
    const lang = /^pagefind\.([^.]+)_[0-9a-f]+\.pf_meta$/.exec(name)?.[1];
    if (lang) lists[lang] = join(bundle, name);
  }
  return lists;
}

/** The sort keys named in each language's page list of a bundle (Pagefind gzips the file). */
export function sortKeysIn(bundle: string, keys: readonly string[] = SORT_KEYS): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const [lang, path] of Object.entries(pageLists(bundle))) {
    const stored = readFileSync(path);
    const decoded = stored[0] === 0x1f && stored[1] === 0x8b ? gunzipSync(stored) : stored;
    found[lang] = keys.filter((key) => decoded.includes(key));
  }
  return found;
}

export async function indexSite(siteDir: string): Promise<IndexStats> {
  const started = performance.now();
  const defaultPath = join(siteDir, DEFAULT_BUNDLE);
  const sortedPath = join(siteDir, SORTED_BUNDLE);
  const sortedDone = indexDirectoryInWorker(siteDir, sortedPath, ROOT_SELECTORS[SORTED_BUNDLE]);
  // Handled below; this keeps a failure of the default bundle from leaving it unhandled.
  sortedDone.catch(() => {});
  const defaultStats = await indexDirectory(siteDir, defaultPath, ROOT_SELECTORS[DEFAULT_BUNDLE]);
  const sortedStats = await sortedDone;
  // Both bundles must hold the same pages: results, filters and links may not depend on the order.
  if (defaultStats.pages !== sortedStats.pages) throw new Error(`Pagefind bundles differ: ${defaultStats.pages} pages in ${DEFAULT_BUNDLE}/, ${sortedStats.pages} in ${SORTED_BUNDLE}/`);
  // The point of two bundles: sort data only where it is asked for. A sort key rendered inside
  // <body> would put it back in every first query; one missing from <head> would break sorting.
  for (const [lang, keys] of Object.entries(sortKeysIn(defaultPath))) {
    if (keys.length > 0) throw new Error(`${DEFAULT_BUNDLE}/ holds sort data (${keys.join(', ')}) for ${lang}: sort keys must be in <head> only (components/search/SearchSortKeys.astro)`);
  }
  if (sortedStats.pages > 0) {
    for (const [lang, keys] of Object.entries(sortKeysIn(sortedPath))) {
      const missing = SORT_KEYS.filter((key) => !keys.includes(key));
      if (missing.length > 0) throw new Error(`${SORTED_BUNDLE}/ lacks the sort keys ${missing.join(', ')} for ${lang}`);
    }
  }
  return {
    pages: sortedStats.files,
    languages: defaultStats.languages,
    seconds: (performance.now() - started) / 1000,
    outputPath: defaultPath,
    bundles: { default: defaultStats, sorted: sortedStats },
  };
}
