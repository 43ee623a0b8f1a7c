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
import { edgeTarget, RECORD_FIELDS, RELATION_KINDS, type ErrorRecord, type RelationKind, type TransitionEdge } from '../record/schema.ts';
import type { Locale } from '../site-config.ts';

export interface ExtraField {
  key: string;
  /** The value as text: strings as they are, anything else as indented JSON. */
  value: string;
}

export interface WorkaroundView {
  /** 1-based position after sorting; the anchor is `workaround-<n>`. */
  n: number;
  anchor: string;
  action: LocalizedText | null;
  /** Shown preformatted; null when empty or identical to the action. */
  how: string | null;
  successRate: number | null;
  /** The best-rated of two or more rated workarounds: its bar stands out. */
  leading: boolean;
  condition: string | null;
  sources: string[];
  extra: ExtraField[];
}

export interface DeadEndView {
  n: number;
  anchor: string;
  action: string | null;
  whyFails: string | null;
  failRate: number | null;
  /** The worst trap: the highest fail rate of two or more rated dead ends. */
  leading: boolean;
  condition: string | null;
  sources: string[];
  extra: ExtraField[];
}

export interface VersionColumn {
  key: 'version' | 'introduced' | 'deprecated' | 'removed' | 'behavior_change' | 'status';
  label: string;
}

export interface VersionsView {
  /** Only the columns at least one row fills. */
  columns: VersionColumn[];
  rows: Record<VersionColumn['key'], string | null>[];
  extra: ExtraField[][];
}

export interface RelatedItem {
  id: string;
  /** Link to the record's page in the same language; null when no such record exists. */
  href: string | null;
  title: LocalizedText | null;
  notes: string[];
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

export interface Badge {
  label: string;
  value: string;
  tone?: 'good' | 'warn' | 'bad';
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
  category: string;
  subcategory: string | null;
  resolvable: ErrorRecord['resolvable'];
  rootCause: LocalizedText | null;
  rootCauseType: string | null;
  versions: VersionsView;
  osSpecific: ExtraField[];
  workarounds: WorkaroundView[];
  deadEnds: DeadEndView[];
  related: RelatedGroup[];
  /** The badges under the title: whether the error can be resolved, and the fix success rate. */
  badges: { resolvable: Badge | null; fixRate: Badge | null };
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

const text = (value: string | null | undefined): string | null => (value && value.trim() !== '' ? value : null);

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

function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** Keys of an object that a schema part does not define, with their values as text. */
function extraFields(object: Record<string, unknown>, known: readonly string[]): ExtraField[] {
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

const WORKAROUND_KEYS = ['action', 'success_rate', 'how', 'condition', 'sources'];
const DEAD_END_KEYS = ['action', 'why_fails', 'fail_rate', 'condition', 'sources'];
const VERSION_KEYS = ['version', 'introduced', 'deprecated', 'removed', 'behavior_change', 'status'] as const;
const EDGE_KEYS = ['error_id', 'probability', 'condition', 'typical_delay', 'distinction'];

/** Whether `rate` is the highest of `rates`, when at least two are known (one bar alone stands out from nothing). */
function leads(rate: number | null | undefined, rates: readonly (number | null | undefined)[]): boolean {
  const known = rates.filter((value): value is number => typeof value === 'number');
  return typeof rate === 'number' && known.length >= 2 && rate === Math.max(...known);
}

function workaroundViews(record: ErrorRecord, locale: Locale): WorkaroundView[] {
  const translations = record.workarounds_zh ?? [];
  // workarounds_zh[i] belongs to workarounds[i] as stored: pair them before sorting.
  const paired = (record.workarounds ?? []).map((workaround, index) => ({ workaround, zh: translations[index] ?? null }));
  return byRateDescending(paired, (pair) => pair.workaround.success_rate).map(({ workaround, zh }, index) => {
    const action = localize(workaround.action, zh, locale);
    const how = text(workaround.how);
    return {
      n: index + 1,
      anchor: `workaround-${index + 1}`,
      action,
      how: how !== null && how.trim() !== workaround.action?.trim() ? how : null,
      successRate: workaround.success_rate ?? null,
      leading: leads(workaround.success_rate, paired.map((pair) => pair.workaround.success_rate)),
      condition: text(workaround.condition),
      sources: workaround.sources ?? [],
      extra: extraFields(workaround, WORKAROUND_KEYS),
    };
  });
}

function deadEndViews(record: ErrorRecord): DeadEndView[] {
  return byRateDescending(record.dead_ends ?? [], (deadEnd) => deadEnd.fail_rate).map((deadEnd, index) => ({
    n: index + 1,
    anchor: `dead-end-${index + 1}`,
    action: text(deadEnd.action),
    whyFails: text(deadEnd.why_fails),
    failRate: deadEnd.fail_rate ?? null,
    leading: leads(deadEnd.fail_rate, (record.dead_ends ?? []).map((other) => other.fail_rate)),
    condition: text(deadEnd.condition),
    sources: deadEnd.sources ?? [],
    extra: extraFields(deadEnd, DEAD_END_KEYS),
  }));
}

const VERSION_LABELS: Record<VersionColumn['key'], UiKey> = {
  version: 'record.version',
  introduced: 'record.introduced',
  deprecated: 'record.deprecated',
  removed: 'record.removed',
  behavior_change: 'record.behaviorChange',
  status: 'record.status',
};

function versionsView(record: ErrorRecord, locale: Locale): VersionsView {
  const versions = record.versions ?? [];
  const rows = versions.map((entry) => {
    const row = {} as Record<VersionColumn['key'], string | null>;
    for (const key of VERSION_KEYS) row[key] = text(entry[key]);
    return row;
  });
  const columns = VERSION_KEYS.filter((key) => rows.some((row) => row[key] !== null)).map((key) => ({
    key,
    label: translate(locale, VERSION_LABELS[key]),
  }));
  return { columns, rows, extra: versions.map((entry) => extraFields(entry, VERSION_KEYS)) };
}

const RELATION_LABELS: Record<RelationKind, UiKey> = {
  leads_to: 'record.leadsTo',
  preceded_by: 'record.precededBy',
  frequently_confused_with: 'record.confusedWith',
};

function edgeNotes(edge: TransitionEdge, locale: Locale): string[] {
  if (typeof edge === 'string') return [];
  const notes: string[] = [];
  if (typeof edge.probability === 'number') notes.push(translate(locale, 'record.probability', { rate: formatRate(edge.probability) }));
  if (text(edge.typical_delay)) notes.push(translate(locale, 'record.typicalDelay', { delay: edge.typical_delay as string }));
  if (text(edge.condition)) notes.push(edge.condition as string);
  if (text(edge.distinction)) notes.push(edge.distinction as string);
  for (const extra of extraFields(edge, EDGE_KEYS)) notes.push(`${extra.key}: ${extra.value}`);
  return notes;
}

function relatedItem(id: string, graph: RelatedGraph, locale: Locale, notes: string[]): RelatedItem {
  const summary = graph.summaries.get(id);
  return {
    id,
    href: summary ? recordPath(id, locale) : null,
    title: summary ? localize(summary.signature, summary.signature_zh, locale) : null,
    notes,
  };
}

/** An edge seen from its target: A "leads to" B means B is "preceded by" A. */
const INVERSE: Record<RelationKind, RelationKind> = {
  leads_to: 'preceded_by',
  preceded_by: 'leads_to',
  frequently_confused_with: 'frequently_confused_with',
};

function relatedGroups(record: ErrorRecord, graph: RelatedGraph, locale: Locale): RelatedGroup[] {
  const items = new Map<RelationKind, RelatedItem[]>(RELATION_KINDS.map((kind) => [kind, []]));
  const listed = new Set<string>();
  for (const kind of RELATION_KINDS) {
    for (const edge of record.transition_graph?.[kind] ?? []) {
      listed.add(edgeTarget(edge));
      items.get(kind)?.push(relatedItem(edgeTarget(edge), graph, locale, edgeNotes(edge, locale)));
    }
  }
  // Links other records make to this one, unless this record already lists them.
  for (const link of graph.incoming.get(record.id) ?? []) {
    if (listed.has(link.from)) continue;
    listed.add(link.from);
    items.get(INVERSE[link.kind])?.push(relatedItem(link.from, graph, locale, []));
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
  add('category', 'record.category', record.category);
  add('subcategory', 'record.subcategory', text(record.subcategory));
  const docUrl = text(record.official_doc_url);
  add('official_doc_url', 'record.officialDoc', docUrl, docUrl ? { href: docUrl } : {});
  add('official_doc_section', 'record.officialDocSection', text(record.official_doc_section));
  add('error_code', 'record.errorCode', record.error_code === null || record.error_code === undefined ? null : String(record.error_code));
  add('verification_tier', 'record.verificationTier', text(record.verification_tier));
  add('confidence', 'record.confidence', typeof record.confidence === 'number' ? formatRate(record.confidence) : null);
  add('fix_success_rate', 'record.fixSuccessRate', typeof record.fix_success_rate === 'number' ? formatRate(record.fix_success_rate) : null);
  add('resolvable', 'record.resolvable', record.resolvable ? t(`record.resolvable.${record.resolvable}`) : null);
  add('first_seen', 'record.firstSeen', record.first_seen);
  add('last_confirmed', 'record.lastConfirmed', record.last_confirmed);
  add('last_updated', 'record.lastUpdated', record.last_updated);
  add('evidence_count', 'record.evidenceCount', typeof record.evidence_count === 'number' ? t(record.evidence_count === 1 ? 'record.evidenceReport' : 'record.evidenceReports', { n: record.evidence_count }) : null);
  add('tags', 'record.tags', (record.tags ?? []).filter((tag) => tag.trim() !== '').join(', ') || null);
  add('locale', 'record.locale', text(record.locale));
  return rows;
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
  const resolvable = row('resolvable');
  const fixRate = row('fix_success_rate');
  const osSpecific = Object.entries(record.os_specific ?? {})
    .filter(([, value]) => value !== null && value !== '')
    .map(([key, value]) => ({ key, value: asText(value) }));
  return {
    id: record.id,
    locale,
    domain: record.domain,
    signature,
    originalSignature: signature.text === record.signature ? null : record.signature,
    regex: text(record.regex),
    aliases: printedAliases(record),
    category: record.category,
    subcategory: text(record.subcategory),
    resolvable: record.resolvable,
    rootCause,
    rootCauseType: text(record.root_cause_type),
    versions: versionsView(record, locale),
    osSpecific,
    workarounds: workaroundViews(record, locale),
    deadEnds: deadEndViews(record),
    related: relatedGroups(record, graph, locale),
    badges: {
      resolvable: resolvable && { label: resolvable.label, value: resolvable.value, tone: RESOLVABLE_TONE[record.resolvable ?? 'partial'] },
      fixRate: fixRate && { label: fixRate.label, value: fixRate.value },
    },
    errorCode: row('error_code'),
    details: details.filter((detail) => detail.key !== 'error_code'),
    extra: extraFields(record as Record<string, unknown>, [...SECTION_FIELDS]),
    otherLanguage: otherLanguageView(record, locale),
    sourceLang: record.locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en',
    description: summarize(rootCause?.text ?? signature.text),
    lastUpdated: record.last_updated ?? null,
  };
}

function otherLanguageView(record: ErrorRecord, locale: Locale): OtherLanguageView {
  const t = (key: UiKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
  const rows: { label: string; value: string }[] = [];
  const add = (label: string, value: string | null | undefined) => {
    if (value && value.trim() !== '') rows.push({ label, value });
  };
  if (locale === 'en') {
    add(t('record.signature'), record.signature_zh);
    add(t('record.rootCause'), record.root_cause_zh);
    (record.workarounds_zh ?? []).forEach((value, index) => add(`workarounds_zh[${index}]`, value));
    return { label: t('record.otherLanguage'), lang: 'zh', rows };
  }
  add(t('record.signature'), record.signature);
  add(t('record.rootCause'), record.root_cause);
  (record.workarounds ?? []).forEach((workaround, index) => add(`workarounds[${index}]`, workaround.action));
  return { label: t('record.otherLanguage'), lang: 'en', rows };
}

/** A meta description: the first sentence or so, at most 160 characters. */
function summarize(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length <= 160 ? flat : `${flat.slice(0, 157).replace(/\s+\S*$/, '')}…`;
}
