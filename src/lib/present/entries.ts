/**
 * Workarounds and dead ends as a record page shows them: best first, each titled by what it does
 * (the first sentence of its action), with the rest of its text in the body.
 */
import { localize, type LocalizedText } from '../i18n/fallback.ts';
import { translate } from '../i18n/index.ts';
import type { ErrorRecord } from '../record/schema.ts';
import type { Locale } from '../site-config.ts';
import { gistOf, splitTitle } from './titles.ts';

export interface ExtraField {
  key: string;
  /** The value as text: strings as they are, anything else as indented JSON. */
  value: string;
}

/** A heading for a workaround or a dead end. */
export interface EntryTitle {
  text: string;
  /** The language the title is in. */
  lang: Locale;
  /** True when the record names no action and the title was derived from its other text. */
  derived: boolean;
}

export interface WorkaroundView {
  /** 1-based position after sorting; the anchor is `workaround-<n>`. */
  n: number;
  anchor: string;
  /** Its position in the record's `workarounds` (and `workarounds_zh`) as stored. */
  storedIndex: number;
  title: EntryTitle;
  /** The whole action in the page's language (or the marked original), for structured data. */
  action: LocalizedText | null;
  /** What the action says beyond its title. */
  body: LocalizedText | null;
  /** Shown preformatted, in the page's language where the record has it; null when empty or identical to the action. */
  how: { text: string; lang: Locale } | null;
  successRate: number | null;
  /** The best-rated of two or more rated workarounds: its bar stands out. */
  leading: boolean;
  condition: LocalizedText | null;
  sources: string[];
  extra: ExtraField[];
}

export interface DeadEndView {
  n: number;
  anchor: string;
  /** Its position in the record's `dead_ends` as stored. */
  storedIndex: number;
  title: EntryTitle;
  /** What the action says beyond its title. */
  body: LocalizedText | null;
  action: LocalizedText | null;
  whyFails: LocalizedText | null;
  failRate: number | null;
  /** The worst trap: the highest fail rate of two or more rated dead ends. */
  leading: boolean;
  condition: LocalizedText | null;
  sources: string[];
  extra: ExtraField[];
}

export const text = (value: string | null | undefined): string | null => (value && value.trim() !== '' ? value : null);

export function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** Keys of an object that a schema part does not define, with their values as text. */
export function extraFields(object: Record<string, unknown>, known: readonly string[]): ExtraField[] {
  return Object.entries(object)
    .filter(([key, value]) => !known.includes(key) && value !== null && value !== undefined && value !== '')
    .map(([key, value]) => ({ key, value: asText(value) }));
}

/** Sort by a rate, highest first; unknown rates last; ties keep the record's order. */
function byRateDescending<T>(items: readonly T[], rateOf: (item: T) => number | null | undefined): T[] {
  return items
    .map((item, index) => ({ item, index, rate: rateOf(item) ?? -1 }))
    .sort((a, b) => b.rate - a.rate || a.index - b.index)
    .map(({ item }) => item);
}

/** Whether `rate` is the highest of `rates`, when at least two are known (one bar alone stands out from nothing). */
function leads(rate: number | null | undefined, rates: readonly (number | null | undefined)[]): boolean {
  const known = rates.filter((value): value is number => typeof value === 'number');
  return typeof rate === 'number' && known.length >= 2 && rate === Math.max(...known);
}

const WORKAROUND_KEYS = ['action', 'success_rate', 'how', 'condition', 'sources', 'condition_zh', 'how_zh'];
const DEAD_END_KEYS = ['action', 'why_fails', 'fail_rate', 'condition', 'sources', 'action_zh', 'why_fails_zh', 'condition_zh'];

/**
 * `localize` for a record whose main text may not be English (`locale: "zh"` records keep Chinese in the
 * unsuffixed fields): the text's real language, marked untranslated only where it differs from the page's.
 */
export function localizer(locale: Locale, sourceLang: Locale) {
  return (original: string | null | undefined, chinese: string | null | undefined): LocalizedText | null => {
    const value = localize(original, chinese, locale);
    if (value === null || sourceLang === 'en' || value.lang !== 'en') return value;
    return { text: value.text, lang: sourceLang, untranslated: sourceLang !== locale };
  };
}

export function workaroundViews(record: ErrorRecord, locale: Locale, sourceLang: Locale): WorkaroundView[] {
  const local = localizer(locale, sourceLang);
  const translations = record.workarounds_zh ?? [];
  // workarounds_zh[i] belongs to workarounds[i] as stored: pair them before sorting.
  const paired = (record.workarounds ?? []).map((workaround, storedIndex) => ({ workaround, storedIndex, zh: translations[storedIndex] ?? null }));
  return byRateDescending(paired, (pair) => pair.workaround.success_rate).map(({ workaround, storedIndex, zh }, index) => {
    const n = index + 1;
    const action = localize(workaround.action, zh, locale);
    const how = text(workaround.how);
    const howShown = how !== null && how.trim() !== workaround.action?.trim() ? how : null;
    // Commands read the same in both languages: the original stands without an "untranslated" mark.
    const howLocal = howShown === null ? null : local(howShown, workaround.how_zh);
    let title: EntryTitle;
    let body: LocalizedText | null = null;
    if (action) {
      const split = splitTitle(action.text);
      title = { text: split.title, lang: action.lang, derived: false };
      body = split.rest === null ? null : { ...action, text: split.rest };
    } else if (howShown) {
      title = { text: splitTitle(howShown).title, lang: sourceLang, derived: true };
    } else {
      title = { text: translate(locale, 'record.workaround', { n }), lang: locale, derived: true };
    }
    return {
      n,
      anchor: `workaround-${n}`,
      storedIndex,
      title,
      action,
      body,
      how: howLocal && { text: howLocal.text, lang: howLocal.lang },
      successRate: workaround.success_rate ?? null,
      leading: leads(workaround.success_rate, paired.map((pair) => pair.workaround.success_rate)),
      condition: local(workaround.condition, workaround.condition_zh),
      sources: workaround.sources ?? [],
      extra: extraFields(workaround, WORKAROUND_KEYS),
    };
  });
}

export function deadEndViews(record: ErrorRecord, locale: Locale, sourceLang: Locale): DeadEndView[] {
  const local = localizer(locale, sourceLang);
  const stored = (record.dead_ends ?? []).map((deadEnd, storedIndex) => ({ deadEnd, storedIndex }));
  return byRateDescending(stored, (pair) => pair.deadEnd.fail_rate).map(({ deadEnd, storedIndex }, index) => {
    const n = index + 1;
    const action = local(deadEnd.action, deadEnd.action_zh);
    const whyFails = local(deadEnd.why_fails, deadEnd.why_fails_zh);
    let title: EntryTitle;
    let body: LocalizedText | null = null;
    if (action) {
      const split = splitTitle(action.text);
      title = { text: split.title, lang: action.lang, derived: false };
      body = split.rest === null ? null : { ...action, text: split.rest };
    } else if (whyFails) {
      // No action: the gist of why it fails names the mistaken belief ("TLS is not the cause").
      title = { text: gistOf(whyFails.text), lang: whyFails.lang, derived: true };
    } else {
      title = { text: translate(locale, 'record.deadEnd', { n }), lang: locale, derived: true };
    }
    return {
      n,
      anchor: `dead-end-${n}`,
      storedIndex,
      title,
      body,
      action,
      whyFails,
      failRate: deadEnd.fail_rate ?? null,
      leading: leads(deadEnd.fail_rate, (record.dead_ends ?? []).map((other) => other.fail_rate)),
      condition: local(deadEnd.condition, deadEnd.condition_zh),
      sources: deadEnd.sources ?? [],
      extra: extraFields(deadEnd, DEAD_END_KEYS),
    };
  });
}
