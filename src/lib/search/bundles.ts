/**
 * The site ships two Pagefind bundles built from the same pages (`node/search/indexer.ts`):
 *
 * - `/pagefind/`: everything but the sort keys. Every search in relevance order (the header dialog,
 *   the search page's default "best match") uses it, so a first query never downloads sort data.
 * - `/pagefind-sorted/`: the same index with the sort keys. Only a search sorted by a key
 *   (`last_updated`, `fix_rate`) uses it.
 *
 * Why: Pagefind keeps each sort key in the language's page list (`pf_meta`, fetched before any
 * search) as an order of all pages, and a permutation does not compress: on a 20,000-record site the
 * two sorts were about 91 KB of its 203 KB, as transferred.
 *
 * How: the site is indexed once, into the sorted bundle; the default bundle is a copy of it whose page
 * lists have no sort orders (`node/search/indexer.ts`, `page-list.ts`). Everything else (index chunks,
 * facet files, fragments) is byte-identical, so results differ only in order.
 *
 * Pure values and functions, shared by the indexer, the browser code and the benchmark.
 */
import { withBase } from '../routing/base.ts';

/** Bundle directory names under the site root. */
export const DEFAULT_BUNDLE = 'pagefind';
export const SORTED_BUNDLE = 'pagefind-sorted';

/** URL paths of the bundles, as the browser loads them (under the site's base path). */
export const DEFAULT_BUNDLE_PATH = withBase(`/${DEFAULT_BUNDLE}/`);
export const SORTED_BUNDLE_PATH = withBase(`/${SORTED_BUNDLE}/`);

/** Pagefind's `sort` search option: at most one key and its direction. */
export type PagefindSortOption = Record<string, 'asc' | 'desc'> | undefined | null;

/** True when a search with this `sort` option needs the sorted bundle (any key at all; relevance is none). */
export function needsSortedBundle(sort: PagefindSortOption): boolean {
  return Boolean(sort) && Object.keys(sort!).length > 0;
}

/** Files of a bundle that are byte-identical in both (everything but `pagefind-entry.json` and the page lists). */
const SHARED_FILE = /^(?:(?:index|filter|fragment)\/[^/]+|wasm\.[^/]+\.pagefind)$/;

/**
 * Where a file both bundles hold is fetched from, so that one download serves both engines: a
 * sorted-bundle or default-bundle URL of an index chunk, facet file, fragment or wasm gives the
 * default bundle's URL; anything else (the entry file, page lists, scripts) gives null, to be
 * fetched as asked.
 */
export function sharedBundleUrl(pathname: string, sortedBundlePath: string, defaultBundlePath: string): string | null {
  for (const bundle of [sortedBundlePath, defaultBundlePath]) {
    if (!pathname.startsWith(bundle)) continue;
    const file = pathname.slice(bundle.length);
    return SHARED_FILE.test(file) ? `${defaultBundlePath}${file}` : null;
  }
  return null;
}
