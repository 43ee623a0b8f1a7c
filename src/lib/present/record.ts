/**
 * Record + language → everything a record page shows, in display order. Components only lay this out.
 *
 * Nothing in a record is dropped: fields the format defines get their place; keys it does not know
 * are listed under "Other fields" as text.
 */
import { localize, type LocalizedText } from '../i18n/fallback.ts';
import { formatRate, translate, type UiKey } from '../i18n/index.ts';
import { recordPath } from '../routing/paths.ts';
import type { RelatedGraph } from '../record/graph.ts';
import { edgeTarget, INVERSE_RELATION, RECORD_FIELDS, RELATION_KINDS, type ErrorRecord, type RelationKind, type TransitionEdge } from '../record/schema.ts';
import type { Locale } from '../site-config.ts';
import { asText, deadEndViews, extraFields, localizer, text, workaroundViews, type DeadEndView, type ExtraField, type WorkaroundView } from './entries.ts';
import { labelOf } from './labels.ts';
import { clipAtWord, shortTitle } from './titles.ts';
import { tableOfContents, type TocEntry } from './toc.ts';

export type { DeadEndView, ExtraField, WorkaroundView } from './entries.ts';

export interface VersionColumn {
  key: 'version' | 'introduced' | 'deprecated' | 'removed' | 'behavior_change' | 'status';
  label: string;
}

export interface VersionsView {
  /** Only the columns at least one row fills. */
  columns: VersionColumn[];
  rows: Record<VersionColumn['key'], string | null>[];
  /** Per row, the language of a cell whose text is not in the page's language (an untranslated change). */
  foreign: Partial<Record<VersionColumn['key'], Locale>>[];
  extra: ExtraField[][];
}

export interface RelatedItem {
  id: string;
  /** Link to the record's page in the same language; null when no such record exists. */
  href: string | null;
  title: LocalizedText | null;
  notes: { text: string; lang: Locale }[];
}

export interface RelatedGroup {
  kind: RelationKind;
  label: string;
  items: RelatedItem[];
}

export interface DetailRow {
  key: string;
  label: string;
  /** Plain text value; never markup. */
  value: string;
  /** When the value is a link (http(s) only, checked by the schema). */
  href?: string;
  /** Where the value is in another language than the page. */
  lang?: Locale;
}

/** A fact about the record said in words under its title ("Fixes usually work (est. 76%)"). */
export interface Badge {
  key: 'resolvable' | 'fix_success_rate' | 'verification_tier';
  text: string;
  tone?: 'good' | 'warn' | 'bad';
}

/** An entry the quick answer points at: a workaround to try first, a dead end to skip. */
export interface QuickPick {
  anchor: string;
  title: string;
  lang: Locale;
  rate: number | null;
}

export interface OtherLanguageView {
  label: string;
  lang: Locale;
  rows: { label: string; value: string }[];
}

export interface RecordView {
  id: string;
  locale: Locale;
  domain: string;
  signature: LocalizedText;
  /** The English signature as the tool prints it, for copying, when the page shows a translation. */
  originalSignature: string | null;
  regex: string | null;
  /** Other printed wordings of the error, English first, then under other locales; shown as they are, never translated. */
  aliases: PrintedAlias[];
  /** The kind of error in words ("Network error"); the finer kind is among the details. */
  category: string;
  rootCause: LocalizedText | null;
  /** How specific the root cause is, in words. */
  rootCauseType: string | null;
  versions: VersionsView;
  osSpecific: (ExtraField & { lang: Locale })[];
  workarounds: WorkaroundView[];
  deadEnds: DeadEndView[];
  related: RelatedGroup[];
  /** Facts in words under the title: can it be fixed, how well fixes work, who wrote or checked it. */
  badges: Badge[];
  /** The short answer under the title: the best-rated workaround and the worst trap. */
  quick: { tryFirst: QuickPick | null; avoid: QuickPick | null };
  /** "On this page": the sections and their entries, in page order. */
  toc: TocEntry[];
  /** The error code, shown with the signature. */
  errorCode: DetailRow | null;
  /** Everything else known about the record, in the Details section (without the error code). */
  details: DetailRow[];
  /** Keys the format does not define, kept and shown. */
  extra: ExtraField[];
  /** The record's text in the other language, as stored: neither page drops a field. */
  otherLanguage: OtherLanguageView;
  /** The language the record's untranslated text (dead ends, conditions) is written in. */
  sourceLang: Locale;
  /** For summaries and meta descriptions. */
  description: string;
  /** When the record was last edited (YYYY-MM-DD), shown near the top. */
  lastUpdated: string | null;
}


/** A wording of the error as printed: its text, its language (for `lang`), and the locale it was printed under. */
export interface PrintedAlias {
  text: string;
  lang: string;
  /** The locale as the record names it (`zh_CN`), for localized aliases; null for the English ones. */
  locale: string | null;
}

/** `zh_CN.UTF-8` → `zh-CN`: a POSIX locale name as a BCP 47 language tag. */
export function localeLangTag(locale: string): string {
  return locale.replace(/[.@].*$/, '').replace(/_/g, '-');
}

function printedAliases(record: ErrorRecord): PrintedAlias[] {
  const english = (record.aliases ?? []).filter((alias) => alias.trim() !== '').map((text) => ({ text, lang: 'en', locale: null }));
  const localized = (record.localized_aliases ?? []).map((alias) => ({ text: alias.text, lang: localeLangTag(alias.locale), locale: alias.locale }));
  return [...english, ...localized];
}

const VERSION_KEYS = ['version', 'introduced', 'deprecated', 'removed', 'behavior_change', 'status'] as const;
const VERSION_KNOWN_KEYS = [...VERSION_KEYS, 'behavior_change_zh'];
const EDGE_KEYS = ['error_id', 'probability', 'condition', 'typical_delay', 'distinction', 'condition_zh', 'distinction_zh'];

const VERSION_LABELS: Record<VersionColumn['key'], UiKey> = {
  version: 'record.version',
  introduced: 'record.introduced',
  deprecated: 'record.deprecated',
  removed: 'record.removed',
  behavior_change: 'record.behaviorChange',
  status: 'record.status',
};

function versionsView(record: ErrorRecord, locale: Locale, local: ReturnType<typeof localizer>): VersionsView {
  const versions = record.versions ?? [];
  const foreign: VersionsView['foreign'] = [];
  const rows = versions.map((entry) => {
    const row = {} as Record<VersionColumn['key'], string | null>;
    for (const key of VERSION_KEYS) row[key] = text(entry[key]);
    if (row.status) row.status = labelOf('versionStatus', row.status, locale).text;
    const change = local(entry.behavior_change, entry.behavior_change_zh);
    row.behavior_change = change?.text ?? null;
    foreign.push(change && change.lang !== locale ? { behavior_change: change.lang } : {});
    return row;
  });
  const columns = VERSION_KEYS.filter((key) => rows.some((row) => row[key] !== null)).map((key) => ({
    key,
    label: translate(locale, VERSION_LABELS[key]),
  }));
  return { columns, rows, foreign, extra: versions.map((entry) => extraFields(entry, VERSION_KNOWN_KEYS)) };
}

const RELATION_LABELS: Record<RelationKind, UiKey> = {
  leads_to: 'record.leadsTo',
  preceded_by: 'record.precededBy',
  frequently_confused_with: 'record.confusedWith',
};

function edgeNotes(edge: TransitionEdge, locale: Locale, local: ReturnType<typeof localizer>): RelatedItem['notes'] {
  if (typeof edge === 'string') return [];
  const notes: RelatedItem['notes'] = [];
  const say = (value: string) => notes.push({ text: value, lang: locale });
  if (typeof edge.probability === 'number') say(translate(locale, 'record.probability', { rate: formatRate(edge.probability) }));
  if (text(edge.typical_delay)) say(translate(locale, 'record.typicalDelay', { delay: edge.typical_delay as string }));
  for (const note of [local(edge.condition, edge.condition_zh), local(edge.distinction, edge.distinction_zh)]) {
    if (note) notes.push({ text: note.text, lang: note.lang });
  }
  for (const extra of extraFields(edge, EDGE_KEYS)) notes.push({ text: `${extra.key}: ${extra.value}`, lang: 'en' });
  return notes;
}

function relatedItem(id: string, graph: RelatedGraph, locale: Locale, notes: RelatedItem['notes']): RelatedItem {
  const summary = graph.summaries.get(id);
  return {
    id,
    href: summary ? recordPath(id, locale) : null,
    title: summary ? localize(summary.signature, summary.signature_zh, locale) : null,
    notes,
  };
}

function relatedGroups(record: ErrorRecord, graph: RelatedGraph, locale: Locale, local: ReturnType<typeof localizer>): RelatedGroup[] {
  const items = new Map<RelationKind, RelatedItem[]>(RELATION_KINDS.map((kind) => [kind, []]));
  const listed = new Set<string>();
  for (const kind of RELATION_KINDS) {
    for (const edge of record.transition_graph?.[kind] ?? []) {
      listed.add(edgeTarget(edge));
      items.get(kind)?.push(relatedItem(edgeTarget(edge), graph, locale, edgeNotes(edge, locale, local)));
    }
  }
  // Links other records make to this one, unless this record already lists them.
  for (const link of graph.incoming.get(record.id) ?? []) {
    if (listed.has(link.from)) continue;
    listed.add(link.from);
    items.get(INVERSE_RELATION[link.kind])?.push(relatedItem(link.from, graph, locale, []));
  }
  return RELATION_KINDS.filter((kind) => (items.get(kind) ?? []).length > 0).map((kind) => ({
    kind,
    label: translate(locale, RELATION_LABELS[kind]),
    items: items.get(kind) ?? [],
  }));
}

function detailRows(record: ErrorRecord, locale: Locale): DetailRow[] {
  const t = (key: UiKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
  const rows: DetailRow[] = [];
  const add = (key: string, label: UiKey, value: string | null | undefined, extra: Partial<DetailRow> = {}) => {
    if (value !== null && value !== undefined && value !== '') rows.push({ key, label: t(label), value, ...extra });
  };
  add('id', 'record.id', record.id);
  add('domain', 'record.domain', record.domain);
  add('category', 'record.category', labelOf('category', record.category, locale).text);
  add('subcategory', 'record.subcategory', text(record.subcategory) && labelOf('category', record.subcategory as string, locale).text);
  const docUrl = text(record.official_doc_url);
  add('official_doc_url', 'record.officialDoc', docUrl, docUrl ? { href: docUrl } : {});
  add('official_doc_section', 'record.officialDocSection', text(record.official_doc_section));
  add('error_code', 'record.errorCode', record.error_code === null || record.error_code === undefined ? null : String(record.error_code));
  add('verification_tier', 'record.verificationTier', text(record.verification_tier) && labelOf('verification', record.verification_tier as string, locale).text);
  add('reviews', 'record.reviews', reviewsText(record, locale));
  // The format has no place to say a figure was measured: every rate is shown as the estimate it is.
  const estimated = (rate: number | null | undefined) => (typeof rate === 'number' ? t('record.estimated', { rate: formatRate(rate) }) : null);
  add('confidence', 'record.confidence', estimated(record.confidence));
  add('fix_success_rate', 'record.fixSuccessRate', estimated(record.fix_success_rate));
  add('resolvable', 'record.resolvable', record.resolvable ? t(`record.resolvable.${record.resolvable}`) : null);
  add('first_seen', 'record.firstSeen', record.first_seen);
  add('last_confirmed', 'record.lastConfirmed', record.last_confirmed);
  add('last_updated', 'record.lastUpdated', record.last_updated);
  add('evidence_count', 'record.evidenceCount', typeof record.evidence_count === 'number' ? t(record.evidence_count === 1 ? 'record.evidenceReport' : 'record.evidenceReports', { n: record.evidence_count }) : null);
  add('tags', 'record.tags', (record.tags ?? []).filter((tag) => tag.trim() !== '').join(', ') || null);
  add('locale', 'record.locale', text(record.locale) && languageName(record.locale as string, locale));
  return rows;
}

/** The record's reviews, the latest first. */
const reviewsNewestFirst = (record: ErrorRecord) => [...(record.reviews ?? [])].sort((a, b) => b.on.localeCompare(a.on));

/** "Reviewed by Ana on 2026-12-01; …", newest first. */
function reviewsText(record: ErrorRecord, locale: Locale): string | null {
  const reviews = reviewsNewestFirst(record);
  if (reviews.length === 0) return null;
  return reviews
    .map((review) => translate(locale, 'record.reviewedBy', { by: review.by.trim(), on: review.on }) + (text(review.note) ? ` (${review.note?.trim()})` : ''))
    .join(locale === 'zh' ? '；' : '; ');
}

const RESOLVABLE_TONE = { true: 'good', partial: 'warn', false: 'bad' } as const;

/**
 * The section anchors of a record page, in page order: a public contract (runbooks link to them).
 * Workarounds and dead ends are numbered in the order the page shows them.
 */
export function recordAnchors(record: ErrorRecord): string[] {
  const numbered = (prefix: string, count: number) => Array.from({ length: count }, (_, k) => `${prefix}-${k + 1}`);
  return [
    'signature',
    'root-cause',
    'workarounds',
    ...numbered('workaround', (record.workarounds ?? []).length),
    'dead-ends',
    ...numbered('dead-end', (record.dead_ends ?? []).length),
    'versions',
    'related',
    'details',
  ];
}

/** Fields shown in their own sections rather than in the details list. */
const SECTION_FIELDS = new Set<string>(RECORD_FIELDS);

export function buildRecordView(record: ErrorRecord, locale: Locale, graph: RelatedGraph): RecordView {
  const signature = localize(record.signature, record.signature_zh, locale) ?? { text: record.signature, lang: 'en', untranslated: false };
  const rootCause = localize(record.root_cause, record.root_cause_zh, locale);
  const details = detailRows(record, locale);
  const row = (key: string) => details.find((detail) => detail.key === key) ?? null;
  const sourceLang: Locale = record.locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const local = localizer(locale, sourceLang);
  const osSpecific = Object.entries(record.os_specific ?? {})
    .filter(([, value]) => value !== null && value !== '')
    .map(([key, value]) => {
      const note = local(asText(value), record.os_specific_zh?.[key]);
      return { key: labelOf('operatingSystem', key, locale).text, value: note?.text ?? asText(value), lang: note?.lang ?? sourceLang };
    });
  const workarounds = workaroundViews(record, locale, sourceLang);
  const deadEnds = deadEndViews(record, locale, sourceLang);
  const versions = versionsView(record, locale, local);
  const related = relatedGroups(record, graph, locale, local);
  const rootCauseType = text(record.root_cause_type);
  const view: Omit<RecordView, 'toc'> = {
    id: record.id,
    locale,
    domain: record.domain,
    signature,
    originalSignature: signature.text === record.signature ? null : record.signature,
    regex: text(record.regex),
    aliases: printedAliases(record),
    category: labelOf('category', record.category, locale).text,
    rootCause,
    rootCauseType: rootCauseType && labelOf('rootCauseType', rootCauseType, locale).text,
    versions,
    osSpecific,
    workarounds,
    deadEnds,
    related,
    badges: badgesOf(record, locale),
    quick: {
      tryFirst: workarounds[0] ? pick(workarounds[0].anchor, workarounds[0].title, workarounds[0].successRate) : null,
      avoid: deadEnds[0] ? pick(deadEnds[0].anchor, deadEnds[0].title, deadEnds[0].failRate) : null,
    },
    errorCode: row('error_code'),
    details: details.filter((detail) => detail.key !== 'error_code'),
    extra: extraFields(record as Record<string, unknown>, [...SECTION_FIELDS]),
    otherLanguage: otherLanguageView(record, locale, workarounds, deadEnds),
    sourceLang,
    description: summarize(rootCause?.text ?? signature.text),
    lastUpdated: record.last_updated ?? null,
  };
  return { ...view, toc: tableOfContents(view, locale) };
}

function pick(anchor: string, title: { text: string; lang: Locale }, rate: number | null): QuickPick {
  return { anchor, title: shortTitle(title.text), lang: title.lang, rate };
}

/** A share as a level in words: the page says "usually", the number stays beside it. */
function level(rate: number): 'high' | 'medium' | 'low' {
  return rate >= 0.75 ? 'high' : rate >= 0.5 ? 'medium' : 'low';
}

function badgesOf(record: ErrorRecord, locale: Locale): Badge[] {
  const t = (key: UiKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
  const badges: Badge[] = [];
  if (record.resolvable) {
    badges.push({ key: 'resolvable', text: t(`record.badge.resolvable.${record.resolvable}`), tone: RESOLVABLE_TONE[record.resolvable] });
  }
  if (typeof record.fix_success_rate === 'number') {
    const rate = record.fix_success_rate;
    badges.push({ key: 'fix_success_rate', text: t(`record.badge.fixes.${level(rate)}`, { rate: formatRate(rate) }), tone: rate >= 0.5 ? 'good' : 'warn' });
  }
  const tier = text(record.verification_tier);
  const latest = reviewsNewestFirst(record)[0];
  // A review shows who and when; a tier alone claims nothing the record cannot back.
  if (latest) badges.push({ key: 'verification_tier', text: t('record.reviewedBy', { by: latest.by.trim(), on: latest.on }) });
  else if (tier) badges.push({ key: 'verification_tier', text: labelOf('verification', tier, locale).text, tone: 'warn' });
  return badges;
}

function otherLanguageView(record: ErrorRecord, locale: Locale, workarounds: readonly WorkaroundView[], deadEnds: readonly DeadEndView[]): OtherLanguageView {
  const t = (key: UiKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
  const rows: { label: string; value: string }[] = [];
  const add = (label: string, value: string | null | undefined) => {
    if (value && value.trim() !== '') rows.push({ label, value });
  };
  // Workarounds are numbered as the page shows them (best first), not as stored.
  const workaroundLabel = (storedIndex: number) => t('record.workaround', { n: workarounds.find((item) => item.storedIndex === storedIndex)?.n ?? storedIndex + 1 });
  const deadEndLabel = (storedIndex: number) => t('record.deadEnd', { n: deadEnds.find((item) => item.storedIndex === storedIndex)?.n ?? storedIndex + 1 });
  const joined = (...parts: (string | null | undefined)[]) => parts.filter((part) => part && part.trim() !== '').join(' — ');
  if (locale === 'en') {
    add(t('record.signature'), record.signature_zh);
    add(t('record.rootCause'), record.root_cause_zh);
    (record.workarounds_zh ?? []).forEach((value, index) => add(workaroundLabel(index), value));
    (record.dead_ends ?? []).forEach((deadEnd, index) => add(deadEndLabel(index), joined(deadEnd.action_zh, deadEnd.why_fails_zh)));
    return { label: t('record.otherLanguage'), lang: 'zh', rows };
  }
  add(t('record.signature'), record.signature);
  add(t('record.rootCause'), record.root_cause);
  (record.workarounds ?? []).forEach((workaround, index) => add(workaroundLabel(index), workaround.action));
  (record.dead_ends ?? []).forEach((deadEnd, index) => add(deadEndLabel(index), joined(deadEnd.action, deadEnd.why_fails)));
  return { label: t('record.otherLanguage'), lang: 'en', rows };
}

/** `zh_CN` → "Chinese (zh_CN)" in the page's language; unknown tags stay as written. */
function languageName(tag: string, locale: Locale): string {
  const base = tag.trim().toLowerCase().slice(0, 2);
  if (base === 'en' || base === 'zh') return `${translate(locale, base === 'en' ? 'lang.en' : 'lang.zh')} (${tag.trim()})`;
  return tag.trim();
}

/** A meta description: the first sentence or so, at most 160 characters. */
function summarize(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return clipAtWord(flat, 160);
}
