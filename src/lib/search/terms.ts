/**
 * What the search box actually asks Pagefind for while someone types (used by
 * `browser/search/pagefind-ui.ts`; unit-tested in `tests/unit/search/terms.test.ts`).
 * Pagefind treats the words of a query as prefixes, so a last word of one letter (`autoscaler p`,
 * typed on the way to `autoscaler publisher`) matches every word starting with it: on a
 * 20,000-record index that one search took seconds, and it narrows nothing.
 */

/** The query without a last word of a single Latin letter or digit; kept whole if nothing else is left. */
export function withoutStrayLetter(term: string | null): string | null {
  if (!term) return term;
  const match = /^(.*\S)\s+[a-z0-9]$/i.exec(term.trimEnd());
  return match ? match[1]! : term;
}

/**
 * What is searched for a typed query: `withoutStrayLetter()`, and a query that is one Latin letter or
 * digit alone searched as that word (`"c"`, Pagefind's exact search) instead of as the prefix of
 * every word: on the 20,000-record index `r` matched 20,001 of 20,003 pages and took 0.5 s in the
 * engine, ranking nothing, and every query typed starts with one. Someone who stops at one letter
 * means the word itself (`C`, `R`).
 */
export function engineTerm(term: string | null): string | null {
  const kept = withoutStrayLetter(term);
  return kept && /^\s*[a-z0-9]\s*$/i.test(kept) ? `"${kept.trim()}"` : kept;
}

/**
 * The text to preload index chunks for on a keystroke: the words typed so far, without a last word
 * of fewer than three Latin letters or digits (it would fetch chunks for a large part of the index).
 * Chinese characters are words on their own and are kept.
 */
export function preloadText(term: string): string {
  const words = term.trim().split(/\s+/).filter(Boolean);
  const last = words.at(-1) ?? '';
  if (last.length < 3 && /^[a-z0-9]+$/i.test(last)) words.pop();
  return words.join(' ');
}
