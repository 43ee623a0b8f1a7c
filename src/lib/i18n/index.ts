/**
 * Interface strings per language, with English as the fallback.
 * Both files must carry exactly the same keys: a missing or extra key fails at import, so the build fails.
 */
import en from './translations/en.json' with { type: 'json' };
import zh from './translations/zh.json' with { type: 'json' };
import type { Locale } from '../site-config.ts';
import { interpolate } from './interpolate.ts';


export type UiKey = keyof typeof en;
type Strings = Record<UiKey, string>;

const dictionaries: Record<Locale, Strings> = { en, zh: zh as Strings };

/** Keys present in one dictionary and not the other; empty when they agree. */
export function dictionaryMismatches(base: Record<string, string>, other: Record<string, string>): string[] {
  const missing = Object.keys(base).filter((key) => !(key in other)).map((key) => `missing "${key}"`);
  const extra = Object.keys(other).filter((key) => !(key in base)).map((key) => `unknown "${key}"`);
  return [...missing, ...extra];
}

const zhProblems = dictionaryMismatches(en, zh);
if (zhProblems.length > 0) {
  throw new Error(`src/lib/i18n/translations/zh.json: ${zhProblems.join(', ')}`);
}


/** `t('record.workaround', { n: 2 })` → "Workaround 2". */
export function translate(locale: Locale, key: UiKey, vars: Record<string, string | number> = {}): string {
  const template = dictionaries[locale][key] ?? dictionaries.en[key];
  // Most strings have no placeholder, and a build asks for tens of them per page, thousands of
  // pages: skip the regular expression for those. (Here rather than in `interpolate`, which the
  // matcher page's script bundles too.)
  return template.includes('{') ? interpolate(template, vars) : template;
}

export type Translate = (key: UiKey, vars?: Record<string, string | number>) => string;

export function useTranslations(locale: Locale): Translate {
  return (key, vars) => translate(locale, key, vars);
}

/** A share in [0, 1] as a whole percentage: 0.755 → "76%". */
export function formatRate(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}
