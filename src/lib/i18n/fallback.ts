/**
 * Honest fallback for record text: a Chinese page shows Chinese where the record has it, and the
 * English original — marked, with its real `lang` — where the Chinese is missing or merely a copy.
 */
import type { Locale } from '../site-config.ts';

export interface LocalizedText {
  text: string;
  /** The language the text is really in. */
  lang: Locale;
  /** True when the page's language was wanted but the English had to be shown instead. */
  untranslated: boolean;
}

function normalized(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/**
 * Pick the text to show on a page in `locale`. Returns `null` when the record has no text at all.
 * A translation identical to the English (whitespace aside) counts as missing: users' records often
 * carry untranslated copies.
 */
export function localize(english: string | null | undefined, chinese: string | null | undefined, locale: Locale): LocalizedText | null {
  const en = english?.trim() ? english : null;
  const zh = chinese?.trim() ? chinese : null;
  if (locale === 'zh') {
    if (zh !== null && (en === null || normalized(zh) !== normalized(en))) return { text: zh, lang: 'zh', untranslated: false };
    return en === null ? null : { text: en, lang: 'en', untranslated: true };
  }
  if (en !== null) return { text: en, lang: 'en', untranslated: false };
  // A record with only Chinese text still shows it on the English page rather than nothing.
  return zh === null ? null : { text: zh, lang: 'zh', untranslated: true };
}
