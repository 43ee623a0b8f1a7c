/**
 * The 404 page's guess at what the reader wanted: the words of the missing address, searched for.
 * `/zh/grpc/grpc-conection-reset/` → ["grpc", "conection", "reset"]; the page asks the site search
 * (Pagefind) for them and lists the records that share most of them.
 */
import { stripBase } from '../routing/base.ts';
import { LOCALES, DEFAULT_LOCALE, type Locale } from '../site-config.ts';

/** Words that say nothing about which error was meant. */
const NOISE = new Set(['index', 'html', 'htm', 'www', 'page', 'pages', 'error', 'errors', 'the', 'and', 'for', 'not', ...LOCALES]);

/** More words than this and the address is not a record's. */
const MAX_WORDS = 8;

export function wordsOfMissingPath(pathname: string, base?: string): string[] {
  let path: string;
  try {
    path = decodeURIComponent(stripBase(pathname, base));
  } catch {
    path = stripBase(pathname, base);
  }
  const words = path
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2 && !NOISE.has(word) && !/^\d+$/.test(word));
  return [...new Set(words)].slice(0, MAX_WORDS);
}

/** The language a missing address was in: `/zh/…` is Chinese. */
export function localeOfMissingPath(pathname: string, base?: string): Locale {
  const first = stripBase(pathname, base).split('/').filter(Boolean)[0];
  return LOCALES.find((locale) => locale !== DEFAULT_LOCALE && locale === first) ?? DEFAULT_LOCALE;
}

export interface Suggestion {
  url: string;
  title: string;
  /** How many of the address's words the page matched. */
  shared: number;
}

/**
 * Merge per-word search results into one list: pages sharing more words first, then the order the
 * search gave them. Each entry of `perWord` is one word's result URLs, best first.
 */
export function rankSuggestions(perWord: readonly (readonly { url: string; title: string }[])[], limit = 5): Suggestion[] {
  const seen = new Map<string, Suggestion & { first: number }>();
  perWord.forEach((results) => {
    results.forEach((result, rank) => {
      const entry = seen.get(result.url);
      if (entry) {
        entry.shared += 1;
        entry.first = Math.min(entry.first, rank);
      } else {
        seen.set(result.url, { url: result.url, title: result.title, shared: 1, first: rank });
      }
    });
  });
  return [...seen.values()]
    .sort((a, b) => b.shared - a.shared || a.first - b.first || a.url.localeCompare(b.url))
    .slice(0, limit)
    .map(({ url, title, shared }) => ({ url, title, shared }));
}
