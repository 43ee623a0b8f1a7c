/**
 * Runs Pagefind over a built site directory and writes its two bundles (see `lib/search/bundles.ts`):
 * `<dir>/pagefind/` without sort keys, for every search in relevance order, and `<dir>/pagefind-sorted/`
 * with them, for searches sorted by a key. Shared by the Astro integration and the search benchmark,
 * so both index the same way.
 *
 * The two bundles are indexed at the same time, each by its own Pagefind service (one answers one
 * request at a time): the sorted one in a worker thread (`index-worker.ts`) straight from the site,
 * the default one here from a copy of the site's HTML with the sort keys removed. Pagefind reads sort
 * keys even inside excluded elements (only `data-pagefind-ignore="all"` drops them, and with them the
 * filters and meta), so the attribute has to go from the HTML it reads.
 */
import { createIndex, close } from 'pagefind';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DEFAULT_BUNDLE, SORTED_BUNDLE, withoutSortKeys } from './bundles.ts';

/**
 * Parts of a record page that are labels or chrome rather than content: field labels (`dt`: "Why it
 * fails", "Domain"), muted notes ("No dead end is recorded yet."), rate badges, breadcrumbs, the
 * matcher link and the "not yet translated" note. Record pages mark their content with
 * `data-pagefind-body`, so the header, footer and language switch are never indexed at all.
 */
export const EXCLUDE_SELECTORS = ['.untranslated-note', '.record dt', '.record .muted', '.record .badge', '.record .breadcrumbs', '.record .no-print'];

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
  /** Seconds this bundle took: reading the pages, indexing them and writing the files. */
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
  /** `data-pagefind-sort` attributes left out of the default bundle. */
  sortKeysRemoved: number;
}

/**
 * Indexes the HTML files under `dir` with this thread's Pagefind service and writes the bundle to
 * `outputPath` (emptied first: Pagefind adds to an existing directory, and a page list left from an
 * earlier run would still be served). Closes the service when done.
 */
export async function indexDirectory(dir: string, outputPath: string): Promise<BundleStats> {
  const started = performance.now();
  let files: number;
  try {
    const { index, errors } = await createIndex(INDEX_OPTIONS);
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
    languages: readdirSync(outputPath).map((name) => /^pagefind\.([^.]+)_[0-9a-f]+\.pf_meta$/.exec(name)?.[1]).filter((lang): lang is string => Boolean(lang)),
    seconds: (performance.now() - started) / 1000,
  };
}

/** `indexDirectory` in a worker thread, so that it gets a Pagefind service of its own. */
function indexDirectoryInWorker(dir: string, outputPath: string): Promise<BundleStats> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./index-worker.ts', import.meta.url), { workerData: { dir, outputPath } });
    let result: BundleStats | null = null;
    worker.once('message', (message: BundleStats) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`The Pagefind worker for ${outputPath} stopped (exit code ${code}) without a result`))));
  });
}

/**
 * Copies the HTML files under `siteDir` (the pages Pagefind's default glob finds, bundles aside) to
 * `copyDir` without their `data-pagefind-sort` attributes. Returns how many attributes were removed.
 */
function copyWithoutSortKeys(siteDir: string, copyDir: string): number {
  let removed = 0;
  for (const entry of readdirSync(siteDir, { recursive: true, withFileTypes: true }) as Dirent[]) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const path = relative(siteDir, join(entry.parentPath, entry.name));
    if ([DEFAULT_BUNDLE, SORTED_BUNDLE].some((bundle) => path.startsWith(`${bundle}/`))) continue;
    const page = withoutSortKeys(readFileSync(join(siteDir, path), 'utf8'));
    removed += page.removed;
    mkdirSync(dirname(join(copyDir, path)), { recursive: true });
    writeFileSync(join(copyDir, path), page.html);
  }
  return removed;
}

export async function indexSite(siteDir: string): Promise<IndexStats> {
  const started = performance.now();
  const defaultPath = join(siteDir, DEFAULT_BUNDLE);
  const sortedPath = join(siteDir, SORTED_BUNDLE);
  const sortedDone = indexDirectoryInWorker(siteDir, sortedPath);
  // Handled below; this keeps a failure here from leaving it unhandled.
  sortedDone.catch(() => {});
  const copyDir = mkdtempSync(join(tmpdir(), 'atlas-pagefind-'));
  try {
    const sortKeysRemoved = copyWithoutSortKeys(siteDir, copyDir);
    const defaultStats = await indexDirectory(copyDir, defaultPath);
    const sortedStats = await sortedDone;
    // Both bundles must hold the same pages: results, filters and links may not depend on the sort.
    if (defaultStats.pages !== sortedStats.pages) throw new Error(`Pagefind bundles differ: ${defaultStats.pages} pages in ${DEFAULT_BUNDLE}/, ${sortedStats.pages} in ${SORTED_BUNDLE}/`);
    return {
      pages: sortedStats.files,
      languages: defaultStats.languages,
      seconds: (performance.now() - started) / 1000,
      outputPath: defaultPath,
      bundles: { default: defaultStats, sorted: sortedStats },
      sortKeysRemoved,
    };
  } finally {
    rmSync(copyDir, { recursive: true, force: true });
  }
}
