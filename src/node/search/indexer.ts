/**
 * Runs Pagefind over a built site directory and writes its two bundles (see `lib/search/bundles.ts`):
 * `<dir>/pagefind-sorted/` with the sort keys, for searches sorted by a key, and `<dir>/pagefind/`
 * without them, for every search in relevance order. Shared by the Astro integration and the
 * benchmarks, so all index the same way.
 *
 * The site is indexed once. The two bundles would differ only in their page lists (`.pf_meta`, one
 * per language), which in the sorted bundle also carry each sort key as an order of all pages: index
 * chunks, facet files, fragments and engine files are byte-identical. So Pagefind writes the sorted
 * bundle, and the default one is that bundle copied with each page list rewritten without its sorts
 * (`page-list.ts`): the same bytes, once decoded, and the same file name as a second Pagefind pass
 * over the pages without their sort keys would write (the integration test compares the two). This
 * halves the indexing time and memory of a build; before, two Pagefind services indexed the site at
 * the same time, one with `rootSelector: 'body'` to leave out the sort keys in `<head>`.
 *
 * The one pass over the site is split by language (`indexByLanguage`): a Pagefind service per
 * language, one after the other, each holding only its language's pages, writing the same files.
 */
import { createIndex, close } from 'pagefind';
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DEFAULT_BUNDLE, SORTED_BUNDLE } from '../../lib/search/bundles.ts';
import { languagePasses } from '../../lib/search/index-passes.ts';
import { DEFAULT_LOCALE, LOCALES } from '../../lib/site-config.ts';
import { SORT_KEYS } from '../../lib/search/record-data.ts';
import { pageListWithoutSorts } from './page-list.ts';

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
  /** Seconds this bundle took to write: to index and write for the sorted bundle, to copy for the default one. */
  seconds: number;
  /** Pagefind passes that wrote it: one per language (`indexByLanguage`), or 1. */
  passes: number;
}

export interface IndexStats {
  /** HTML files read, as Pagefind counts them (`addDirectory`'s `page_count`). */
  pages: number;
  languages: string[];
  /** Wall time for both bundles. */
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
  const files = await indexPass(dir, outputPath, rootSelector, { emptyFirst: true });
  const entry = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')) as EntryFile;
  return bundleStats(outputPath, entry, files, started, 1);
}

/**
 * One Pagefind pass with this thread's service: the HTML files under `dir` (those `glob` selects, if
 * given) into the bundle at `outputPath`, emptied first with `emptyFirst` (once the pages are read,
 * so a failed read leaves the old bundle). Returns the number of files read. Closes the service.
 */
async function indexPass(dir: string, outputPath: string, rootSelector: string, options: { glob?: string; emptyFirst?: boolean }): Promise<number> {
  const where = options.glob ? `${dir} (${options.glob})` : dir;
  try {
    const { index, errors } = await createIndex({ ...INDEX_OPTIONS, rootSelector });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory(options.glob ? { path: dir, glob: options.glob } : { path: dir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${where}: ${added.errors.join('; ')}`);
    if (options.emptyFirst) rmSync(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await close();
  }
}

interface EntryFile { version: string; languages: Record<string, { page_count: number }>; include_characters: unknown }

/**
 * As `indexDirectory`, in one Pagefind pass per language, one after the other, into the same
 * bundle (see `lib/search/index-passes.ts` for why the files are the same as one pass writes):
 * Pagefind holds one language's pages at a time instead of all of them. Each pass writes its own
 * `pagefind-entry.json`; the bundle's is their languages together, in the order Pagefind writes
 * them (by name). Falls back to one pass, and says so in `passes`, when the site's names cannot be
 * split by glob or a language turns up in two passes (a page whose `lang` does not match its folder).
 */
export async function indexByLanguage(dir: string, outputPath: string, rootSelector: string): Promise<BundleStats> {
  const started = performance.now();
  const entries = readdirSync(dir, { withFileTypes: true }).map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }));
  const passes = languagePasses(entries, LOCALES.filter((locale) => locale !== DEFAULT_LOCALE), [DEFAULT_BUNDLE, SORTED_BUNDLE]);
  if (!passes || passes.length < 2) return indexDirectory(dir, outputPath, rootSelector);
  rmSync(outputPath, { recursive: true, force: true });
  let files = 0;
  const written: EntryFile[] = [];
  for (const pass of passes) {
    files += await indexPass(dir, outputPath, rootSelector, { glob: pass.glob });
    written.push(JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')) as EntryFile);
  }
  const languages = written.flatMap((entry) => Object.keys(entry.languages));
  const alike = written.every((entry) => entry.version === written[0]!.version && JSON.stringify(entry.include_characters) === JSON.stringify(written[0]!.include_characters));
  if (new Set(languages).size !== languages.length || !alike) return indexDirectory(dir, outputPath, rootSelector);
  const merged = Object.assign({}, ...written.map((entry) => entry.languages)) as EntryFile['languages'];
  const entry: EntryFile = { ...written[0]!, languages: Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
  writeFileSync(join(outputPath, 'pagefind-entry.json'), JSON.stringify(entry));
  return bundleStats(outputPath, entry, files, started, passes.length);
}

/** What a written bundle holds, from its entry file and page lists. */
function bundleStats(outputPath: string, entry: EntryFile, files: number, started: number, passes: number): BundleStats {
  return {
    outputPath,
    files,
    pages: Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0),
    languages: Object.keys(pageLists(outputPath)),
    seconds: (performance.now() - started) / 1000,
    passes,
  };
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

/**
 * Pagefind's document root: the whole page, so that the sort keys in `<head>` are read. Nothing else
 * Pagefind reads is in `<head>`: record pages mark their content with `data-pagefind-body`.
 */
export const ROOT_SELECTOR = 'html';

/**
 * A second name for a file of the sorted bundle: the two bundles share all but their page lists,
 * tens of thousands of fragment and index files at 20,000 records, which a hard link makes free to
 * "copy" (no bytes written). Nothing edits a bundle's files in place (each build empties the bundle
 * folders first), so sharing them is safe; where the file system has no hard links, a copy.
 */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Writes `<bundle>` as a copy of the sorted bundle `sorted` whose page lists hold no sort orders
 * (see the top of this file). Returns the stats of the new bundle and the sort keys taken out, per
 * language.
 */
export function writeUnsortedBundle(sorted: BundleStats, outputPath: string): { stats: BundleStats; removed: Record<string, string[]> } {
  const started = performance.now();
  rmSync(outputPath, { recursive: true, force: true });
  const renamed = new Map<string, string>();
  const removed: Record<string, string[]> = {};
  const copy = (from: string, to: string) => {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const source = join(from, entry.name);
      if (entry.isDirectory()) {
        copy(source, join(to, entry.name));
        continue;
      }
      const language = from === sorted.outputPath ? /^pagefind\.([^_]+)_[0-9a-f]+\.pf_meta$/.exec(entry.name)?.[1] : undefined;
      if (language) {
        const list = pageListWithoutSorts(readFileSync(source), language);
        writeFileSync(join(to, list.name), list.stored);
        renamed.set(entry.name.slice('pagefind.'.length, -'.pf_meta'.length), list.name.slice('pagefind.'.length, -'.pf_meta'.length));
        removed[language] = list.removed;
      } else if (!(from === sorted.outputPath && entry.name === 'pagefind-entry.json')) {
        linkOrCopy(source, join(to, entry.name));
      }
    }
  };
  copy(sorted.outputPath, outputPath);
  // The entry file names each language's page list by its hash: the same JSON with the new names.
  let entry = readFileSync(join(sorted.outputPath, 'pagefind-entry.json'), 'utf8');
  for (const [from, to] of renamed) {
    const quoted = JSON.stringify(from);
    if (!entry.includes(quoted)) throw new Error(`${SORTED_BUNDLE}/pagefind-entry.json does not name the page list ${from}`);
    entry = entry.replaceAll(quoted, JSON.stringify(to));
  }
  writeFileSync(join(outputPath, 'pagefind-entry.json'), entry);
  return { stats: { ...sorted, outputPath, seconds: (performance.now() - started) / 1000 }, removed };
}

/** One log line for an index written by `indexSite`. */
export function describeIndex(stats: IndexStats): string {
  const { default: plain, sorted } = stats.bundles;
  return `indexed ${stats.pages} pages in ${stats.languages.join(', ')} in ${stats.seconds.toFixed(1)} s → ${sorted.outputPath} (${sorted.passes === 1 ? 'one pass' : `${sorted.passes} passes, one per language`}, ${sorted.seconds.toFixed(1)} s) and its copy without sort keys ${plain.outputPath} (${plain.seconds.toFixed(1)} s)`;
}

export async function indexSite(siteDir: string): Promise<IndexStats> {
  const started = performance.now();
  const defaultPath = join(siteDir, DEFAULT_BUNDLE);
  const sortedPath = join(siteDir, SORTED_BUNDLE);
  const sortedStats = await indexByLanguage(siteDir, sortedPath, ROOT_SELECTOR);
  const { stats: defaultStats } = writeUnsortedBundle(sortedStats, defaultPath);
  // The point of two bundles: sort data only where it is asked for. Checked on the files written.
  for (const [lang, keys] of Object.entries(sortKeysIn(defaultPath))) {
    if (keys.length > 0) throw new Error(`${DEFAULT_BUNDLE}/ holds sort data (${keys.join(', ')}) for ${lang}`);
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
