/**
 * What a match result says about its record beyond the title: why the error happens (the first
 * sentence of the root cause) and what to try first (the best-rated workaround, as the record page
 * titles it). Computed in the browser from the record's JSON (`/_api/v1/records/<id>.json`), fetched
 * only for the results shown, so the matcher's index stays small.
 */
import { localize, type LocalizedText } from '../i18n/fallback.ts';
import type { ErrorRecord } from '../record/schema.ts';
import type { Locale } from '../site-config.ts';
import { clipAtWord, firstSentence, splitTitle } from './titles.ts';

export interface RecordSummary {
  title: LocalizedText;
  cause: LocalizedText | null;
  /** The workaround the record page lists first (`#workaround-1`). */
  tryFirst: { text: string; lang: Locale; anchor: string; rate: number | null } | null;
}

type SummarySource = Pick<ErrorRecord, 'signature' | 'signature_zh' | 'root_cause' | 'root_cause_zh' | 'workarounds' | 'workarounds_zh'>;

/** Longest root-cause excerpt shown under a result. */
const CAUSE_MAX_CHARS = 240;

export function summarizeRecord(record: SummarySource, locale: Locale): RecordSummary {
  const title = localize(record.signature, record.signature_zh, locale) ?? { text: record.signature, lang: 'en', untranslated: false };
  const rootCause = localize(record.root_cause, record.root_cause_zh, locale);
  let cause: LocalizedText | null = null;
  if (rootCause) {
    const sentence = firstSentence(rootCause.text.trim()).replace(/\s+/g, ' ');
    cause = { ...rootCause, text: clipAtWord(sentence, CAUSE_MAX_CHARS) };
  }
  // The page sorts workarounds by success rate (unknown last, ties in stored order): the first is the best.
  const workarounds = (record.workarounds ?? []).map((workaround, index) => ({ workaround, index }));
  workarounds.sort((a, b) => (b.workaround.success_rate ?? -1) - (a.workaround.success_rate ?? -1) || a.index - b.index);
  const best = workarounds[0];
  let tryFirst: RecordSummary['tryFirst'] = null;
  if (best) {
    const action = localize(best.workaround.action, record.workarounds_zh?.[best.index], locale) ?? localize(best.workaround.how, null, locale);
    if (action) tryFirst = { text: splitTitle(action.text).title, lang: action.lang, anchor: 'workaround-1', rate: best.workaround.success_rate ?? null };
  }
  return { title, cause, tryFirst };
}
