/**
 * What the match page shows for a result or an abstention, computed without the DOM: the matched
 * line split around the hit (so the page can wrap the hit in `<mark>` as text, never as HTML), the
 * links, and the line to offer for a site search when nothing matched.
 */
import { normalizePaste } from '../matcher/normalize.ts';
import type { MatchedLine, MatchResult } from '../matcher/types.ts';
import { pagePath, recordPath } from '../routing/paths.ts';
import { LANG_TAG, LOCALES, type Locale } from '../site-config.ts';

/** Where the home page's paste box leaves a paste for the match page (sessionStorage). */
export const PASTE_STORAGE_KEY = 'atlas-paste';

/** Pastes up to this length are kept in the match page's address (`?q=`), so the link can be shared. */
export const MAX_QUERY_IN_URL = 2000;

export interface HighlightedLine {
  before: string;
  hit: string;
  after: string;
}

/** Longest stretch of a matched line worth showing; a 10,000-character minified line is cut around the hit. */
const MAX_SHOWN = 240;

export function highlightLine(line: MatchedLine): HighlightedLine {
  const { text } = line;
  if (line.start < 0 || line.end <= line.start || line.end > text.length) {
    return { before: '', hit: '', after: clip(text, 0, MAX_SHOWN) };
  }
  const room = Math.max(0, MAX_SHOWN - (line.end - line.start));
  const from = Math.max(0, line.start - Math.floor(room / 3));
  const to = Math.min(text.length, line.end + room - (line.start - from));
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, line.start),
    hit: text.slice(line.start, line.end),
    after: text.slice(line.end, to) + (to < text.length ? '…' : ''),
  };
}

function clip(text: string, from: number, length: number): string {
  return text.length - from > length ? `${text.slice(from, from + length)}…` : text.slice(from);
}

export interface ResultLinks {
  /** The record's page in the match page's language. */
  page: string;
  workarounds: string;
  /** The same page in each other language. */
  others: { locale: Locale; href: string; lang: string }[];
}

export function resultLinks(result: Pick<MatchResult, 'id'>, locale: Locale): ResultLinks {
  const page = recordPath(result.id, locale);
  const others = LOCALES.filter((other) => other !== locale).map((other) => ({ locale: other, href: recordPath(result.id, other), lang: LANG_TAG[other] }));
  return { page, workarounds: `${page}#workarounds`, others };
}

/**
 * The line of a paste most likely to be the error itself: offered as a site search when the matcher
 * abstains. Null for a paste with no usable line.
 */
export function keyErrorLine(text: string): string | null {
  const lines = normalizePaste(text).filter((line) => !line.frame && line.core.trim() !== '');
  if (lines.length === 0) return null;
  const best = lines.reduce((top, line) => (line.err > top.err ? line : top));
  const core = best.core.trim();
  return core.length > 200 ? core.slice(0, 200) : core;
}

export function searchLink(query: string, locale: Locale): string {
  return `${pagePath('search', locale)}?q=${encodeURIComponent(query)}`;
}
