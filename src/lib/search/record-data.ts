/**
 * What Pagefind learns about a record page beyond its text: the result title, the facets it can be
 * filtered by and the keys it can be sorted by. Rendered as `data-pagefind-*` attributes by
 * `components/search/SearchData.astro` (title, facets: in `<body>`) and `SearchSortKeys.astro` (sort
 * keys: in `<head>`, which only the sorted search bundle reads); kept here so the rules are tested
 * without a build.
 */
import { translate } from '../i18n/index.ts';
import { localize } from '../i18n/fallback.ts';
import { labelOf } from '../present/labels.ts';

import type { ErrorRecord } from '../record/schema.ts';
import type { Locale } from '../site-config.ts';

/** Filter keys, the same in both languages; the search page labels them in the reader's language. */
export const FILTER_KEYS = ['domain', 'category', 'resolvable', 'tier'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Sort keys; records without a value sort last (`0000-00-00`, `-1`) instead of dropping out. */
export const SORT_KEYS = ['last_updated', 'fix_rate'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const MISSING_DATE = '0000-00-00';
export const MISSING_RATE = '-1';

export interface RecordSearchData {
  /** `data-pagefind-meta` key → value. `title` is the signature as the page shows it. */
  meta: Record<string, string>;
  filters: Partial<Record<FilterKey, string>>;
  sorts: Record<SortKey, string>;
}

/** Filter values are labels in the page's language (never stored values such as `network_error`); domains are names. */
export function resolvableLabel(value: 'true' | 'partial' | 'false', locale: Locale): string {
  return translate(locale, `record.resolvable.${value}`);
}

export function recordSearchData(record: ErrorRecord, locale: Locale): RecordSearchData {
  const title = localize(record.signature, record.signature_zh, locale)?.text ?? record.id;
  const filters: RecordSearchData['filters'] = { domain: record.domain, category: labelOf('category', record.category, locale).text };
  if (record.resolvable) filters.resolvable = resolvableLabel(record.resolvable, locale);
  const tier = record.verification_tier?.trim();
  if (tier) filters.tier = labelOf('verification', tier, locale).text;
  return {
    meta: { title, domain: record.domain },
    filters,
    sorts: {
      last_updated: record.last_updated ?? MISSING_DATE,
      fix_rate: typeof record.fix_success_rate === 'number' ? String(record.fix_success_rate) : MISSING_RATE,
    },
  };
}
