/**
 * The search page's state in its URL, so runbooks can link to a search:
 * `/search/?q=econnreset&domain=grpc&resolvable=partial&sort=fix_rate`.
 *
 * URL values are stable codes in both languages (`resolvable=partial`); Pagefind filter values are
 * what the reader sees (`Partly`, `部分能`), so `resolvable` is mapped both ways with the page's labels.
 */
import { FILTER_KEYS, type FilterKey, type SortKey } from './record-data.ts';

export type Filters = Partial<Record<FilterKey, string[]>>;
/** `relevance` is Pagefind's own order; the others sort descending (newest, most successful first). */
export type SortOption = 'relevance' | SortKey;
export const SORT_OPTIONS: readonly SortOption[] = ['relevance', 'last_updated', 'fix_rate'];

/** Sort codes that were renamed: links that carry the old code keep their order. */
const RENAMED_SORTS: Record<string, SortOption> = { last_confirmed: 'last_updated' };

export interface SearchState {
  q: string;
  filters: Filters;
  sort: SortOption;
}

/** Resolvable code (`true`, `partial`, `false`) → the label Pagefind indexed on this language's pages. */
export type ResolvableLabels = Record<'true' | 'partial' | 'false', string>;

function toLabel(code: string, labels: ResolvableLabels): string {
  return (labels as Record<string, string>)[code] ?? code;
}

function toCode(label: string, labels: ResolvableLabels): string {
  return Object.entries(labels).find(([, value]) => value === label)?.[0] ?? label;
}

/** Reads `?q=…&domain=…&sort=…`; unknown keys, empty values and duplicates are ignored. */
export function parseSearchParams(params: URLSearchParams, labels: ResolvableLabels): SearchState {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const values = [...new Set(params.getAll(key).map((value) => value.trim()).filter(Boolean))];
    if (values.length > 0) filters[key] = key === 'resolvable' ? values.map((value) => toLabel(value, labels)) : values;
  }
  const sort = RENAMED_SORTS[params.get('sort') ?? ''] ?? params.get('sort') ?? '';
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    sort: (SORT_OPTIONS as readonly string[]).includes(sort) ? (sort as SortOption) : 'relevance',
  };
}

/** The query string for a state (`?q=…`, or `''` for an empty search), keys in a fixed order. */
export function toQueryString(state: SearchState, labels: ResolvableLabels): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const key of FILTER_KEYS) {
    for (const value of state.filters[key] ?? []) params.append(key, key === 'resolvable' ? toCode(value, labels) : value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Pagefind's `sort` search option for a choice, or `undefined` for relevance. */
export function pagefindSort(sort: SortOption): Record<string, 'asc' | 'desc'> | undefined {
  return sort === 'relevance' ? undefined : { [sort]: 'desc' };
}

/** Keeps only known filter keys with at least one value: what Pagefind reports back can hold empty arrays. */
export function cleanFilters(raw: Record<string, unknown> | null | undefined): Filters {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = raw?.[key];
    const values = Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : [];
    if (values.length > 0) filters[key] = values;
  }
  return filters;
}
