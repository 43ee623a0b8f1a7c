/**
 * The site ships two Pagefind bundles built from the same pages (`lib/search/indexer.ts`):
 *
 * - `/pagefind/`: everything but the sort keys. Every search in relevance order (the header dialog,
 *   the search page's default "best match") uses it, so a first query never downloads sort data.
 * - `/pagefind-sorted/`: the same index with the `data-pagefind-sort` keys. Only a search sorted by
 *   a key (`last_confirmed`, `fix_rate`) uses it.
 *
 * Why: Pagefind keeps each sort key in the language's page list (`pf_meta`, fetched before any
 * search) as an order of all pages, and a permutation does not compress: on a 20,000-record site the
 * two sorts were about 91 KB of its 203 KB, as transferred. Pure functions, so they are unit-tested
 * (`tests/unit/search/bundles.test.ts`) and shared by the indexer, the browser and the benchmark.
 */

/** Bundle directory names under the site root. */
export const DEFAULT_BUNDLE = 'pagefind';
export const SORTED_BUNDLE = 'pagefind-sorted';

/** URL paths of the bundles, as the browser loads them. */
export const DEFAULT_BUNDLE_PATH = `/${DEFAULT_BUNDLE}/`;
export const SORTED_BUNDLE_PATH = `/${SORTED_BUNDLE}/`;

/** Pagefind's `sort` search option: at most one key and its direction. */
export type PagefindSortOption = Record<string, 'asc' | 'desc'> | undefined | null;

/** True when a search with this `sort` option needs the sorted bundle (any key at all; relevance is none). */
export function needsSortedBundle(sort: PagefindSortOption): boolean {
  return Boolean(sort) && Object.keys(sort!).length > 0;
}

/** The bundle path a search with this `sort` option runs against. */
export function bundlePathFor(sort: PagefindSortOption): string {
  return needsSortedBundle(sort) ? SORTED_BUNDLE_PATH : DEFAULT_BUNDLE_PATH;
}

/** A start tag: its name, then its attributes, whose quoted values may hold `>`. */
const START_TAG = /<[a-zA-Z][^\s/>]*((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
/** One attribute in a start tag, with its leading space and value (double-, single- or unquoted). */
const ATTRIBUTE = /\s*([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

/**
 * A page's HTML without its sort keys, for the default bundle: every `data-pagefind-sort` attribute
 * is removed from the start tags, and nothing else changes (the elements stay, so the text, anchors
 * and weights Pagefind reads are the same). Text cannot match: there `<` is always escaped, and an
 * attribute's quoted value is read as part of that attribute.
 */
export function withoutSortKeys(html: string): { html: string; removed: number } {
  let removed = 0;
  const result = html.replace(START_TAG, (tag: string, attributes: string) => {
    if (!attributes.toLowerCase().includes('data-pagefind-sort')) return tag;
    const kept = attributes.replace(ATTRIBUTE, (attribute: string, name: string) => {
      if (name.toLowerCase() !== 'data-pagefind-sort') return attribute;
      removed += 1;
      return '';
    });
    return tag.slice(0, tag.length - attributes.length - 1) + kept + '>';
  });
  return { html: result, removed };
}
