/**
 * Builds the matcher index: the compact, JSON-serialisable data the browser fetches and the CLI
 * builds in memory. It holds what matching and the result list need, plus the prefilter keys of each
 * record's pattern (see patterns.ts: analysing every pattern is the slow part of loading, so it
 * happens here, once); token statistics are computed by `createMatcher` when the index is loaded.
 * The file stays close to the size of the records' own id, signature, regex and aliases.
 *
 * Format (version 2). One row per record, because a record's signature, aliases and regex share
 * much of their wording and gzip only finds repeats within 32 KB (in columns, a record's signature
 * and its regex would be far apart); short per-record values stay in columns:
 *
 * ```json
 * {
 *   "format": "error-atlas-matcher", "v": 2, "n": 2,
 *   "rec": [                                               // sorted by id
 *     ["grpc/grpc-connection-reset-by-peer",               // id: <domain>/<slug>
 *      "UNAVAILABLE: grpc: connection error: ...",         // signature
 *      "UNAVAILABLE: grpc: connection error: ...",         // regex: JavaScript source, translated from Python; "" = none
 *      "unan r",                                           // prefilter keys: two trigrams per alternative, 6 characters (patterns.ts)
 *      ["other wording", "..."]],                          // aliases, then localized aliases (only when there are some)
 *     ["npm/eresolve", "npm ERR! code ERESOLVE", "", ""]
 *   ],
 *   "fl":  { "7": "is" },                                  // RegExp flags where not just "i" (sparse)
 *   "res": "t-",                                           // resolvable: t(rue) / p(artial) / f(alse) / - unknown
 *   "fix": [76, -1],                                       // fix_success_rate in percent, -1 unknown
 *   "ks":  { "9": ["ok", ""] },                            // keys of alternatives without a trigram (sparse)
 *   "rk":  [12],                                           // records whose pattern needs the linear-time engine
 *   "wr":  [3],                                            // records whose message only wraps another error (sparse; may be absent)
 *   "pv":  [0, 5],                                         // records whose pattern matches their signature and an alias (may be absent)
 *   "lt":  { "4": [9] }                                    // leads_to: record 4's error leads to record 9's (sparse; may be absent)
 * }
 * ```
 */
import type { ErrorRecord } from '../record/schema.ts';
import { compileRecordRegex } from '../regex/dialect.ts';
import { foldFullWidthPattern } from './full-width.ts';
import { re2Engine } from './engines.ts';
import { analyzePattern, prefilterKeys } from './patterns.ts';
import type { Re2Like } from './types.ts';

export const MATCHER_INDEX_FORMAT = 'error-atlas-matcher';
export const MATCHER_INDEX_VERSION = 2;

/** id, signature, regex source, prefilter keys, and the aliases when there are some. */
export type MatcherIndexRow = [id: string, signature: string, regex: string, keys: string, aliases?: string[]];

export interface MatcherIndex {
  format: typeof MATCHER_INDEX_FORMAT;
  v: typeof MATCHER_INDEX_VERSION;
  n: number;
  rec: MatcherIndexRow[];
  fl: Record<string, string>;
  res: string;
  fix: number[];
  ks: Record<string, string[]>;
  rk: number[];
  /** Records whose message only reports that something else failed (`wrapper: true`). */
  wr?: number[];
  /** Records whose pattern is proven on their own wordings: it matches the signature and an alias (provenPattern). */
  pv?: number[];
  /** The related-record graph's causes: record → the records its error leads to (`leads_to`, and others' `preceded_by`). */
  lt?: Record<string, number[]>;
}

/** The record fields the index reads; any validated record (or parsed record JSON) fits. */
export type MatcherRecordInput = Pick<ErrorRecord, 'id' | 'signature'> &
  Partial<Pick<ErrorRecord, 'regex' | 'aliases' | 'localized_aliases' | 'resolvable' | 'fix_success_rate' | 'wrapper' | 'transition_graph'>>;

export interface BuildReport {
  /** Records whose regex could not be used (they are matched by signature similarity only). */
  skippedRegex: { id: string; reason: string }[];
}

export interface BuildOptions {
  /** Collects what could not be used. */
  report?: BuildReport;
  /**
   * The linear-time engine (re2js's `RE2JS`), to try risky patterns on their record's own wordings
   * (provenPattern). Builds for the site and the CLI pass it (`matcherIndexOf`, src/node/matcher.ts);
   * without it a risky pattern is never counted as proven. Passed in, not imported, so that the
   * browser's worker, which imports this module for its warm-up, does not bundle the engine.
   */
  re2?: Re2Like;
}

function compiles(source: string, flags: string): boolean {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}

export function buildMatcherIndex(records: readonly MatcherRecordInput[], { report, re2 }: BuildOptions = {}): MatcherIndex {
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index: MatcherIndex = { format: MATCHER_INDEX_FORMAT, v: MATCHER_INDEX_VERSION, n: sorted.length, rec: [], fl: {}, res: '', fix: [], ks: {}, rk: [] };
  const sources = sorted.map((record, k) => {
    if (!record.regex || record.regex.trim() === '') return '';
    const compiled = compileRecordRegex(record.regex);
    if (!compiled.ok) {
      report?.skippedRegex.push({ id: record.id, reason: compiled.reason });
      return '';
    }
    if (compiled.flags !== 'i') index.fl[k] = compiled.flags;
    // Pastes are matched with their full-width punctuation folded (normalize.ts): so are patterns.
    const folded = foldFullWidthPattern(compiled.source);
    return folded === compiled.source || compiles(folded, compiled.flags) ? folded : compiled.source;
  });
  const signatures = sorted.map((record) => record.signature.trim());
  const patterns = sources.map(analyzePattern);
  const keys = prefilterKeys(signatures, patterns);
  sorted.forEach((record, k) => {
    const row: MatcherIndexRow = [record.id, signatures[k]!, sources[k]!, keys[k]!.tri];
    // Wordings under other locales are aliases like the English ones: the tokens make no difference.
    const wordings = [...(record.aliases ?? []), ...(record.localized_aliases ?? []).map((alias) => alias.text)];
    const aliases = wordings.map((a) => a.trim()).filter((a) => a !== '');
    if (aliases.length > 0) row.push(aliases);
    index.rec.push(row);
    if (keys[k]!.short.length > 0) index.ks[k] = keys[k]!.short;
    if (patterns[k]?.risky) index.rk.push(k);
    if (record.wrapper === true) (index.wr ??= []).push(k);
    if (provenPattern(sources[k]!, index.fl[k] ?? 'i', patterns[k]?.risky === true, signatures[k]!, aliases, re2)) (index.pv ??= []).push(k);
    index.res += record.resolvable === 'true' ? 't' : record.resolvable === 'partial' ? 'p' : record.resolvable === 'false' ? 'f' : '-';
    const fix = record.fix_success_rate;
    index.fix.push(typeof fix === 'number' && Number.isFinite(fix) ? Math.round(fix * 100) : -1);
  });
  const leadsTo = causes(sorted);
  if (leadsTo.size > 0) index.lt = Object.fromEntries([...leadsTo].map(([from, to]) => [from, [...to].sort((a, b) => a - b)]));
  return index;
}

/**
 * Whether a pattern has shown it accepts more than one wording of its error: it matches the record's
 * signature and at least one of its aliases. Such a pattern not matching a paste that holds the
 * record's words says something (scoring.ts, PATTERN_MISSED); a pattern never tried on another
 * wording does not (users' records often have none, and their patterns miss other versions' wordings).
 * A pattern that could backtrack catastrophically is tried on the linear-time engine, as the matcher
 * runs it, and only when that engine is given.
 */
function provenPattern(source: string, flags: string, risky: boolean, signature: string, aliases: readonly string[], re2: Re2Like | undefined): boolean {
  if (source === '' || aliases.length === 0 || (risky && !re2)) return false;
  let test: (text: string) => boolean;
  try {
    if (risky) {
      const engine = re2Engine(re2!, source, flags);
      test = (text) => engine.exec(text) !== null;
    } else {
      const re = new RegExp(source, flags);
      test = (text) => re.test(text);
    }
  } catch {
    return false;
  }
  return test(signature) && aliases.some(test);
}

/** Which record's error leads to which, by position, from both ends of the graph (`leads_to`, `preceded_by`). */
function causes(sorted: readonly MatcherRecordInput[]): Map<number, Set<number>> {
  const position = new Map(sorted.map((record, k) => [record.id, k]));
  const target = (edge: string | { error_id: string }) => position.get(typeof edge === 'string' ? edge : edge.error_id);
  const leadsTo = new Map<number, Set<number>>();
  const add = (from: number | undefined, to: number | undefined) => {
    if (from === undefined || to === undefined || from === to) return;
    let set = leadsTo.get(from);
    if (!set) leadsTo.set(from, (set = new Set()));
    set.add(to);
  };
  sorted.forEach((record, k) => {
    for (const edge of record.transition_graph?.leads_to ?? []) add(k, target(edge));
    for (const edge of record.transition_graph?.preceded_by ?? []) add(target(edge), k);
  });
  return leadsTo;
}

/** Checks that a fetched value is a matcher index this code understands. */
export function isMatcherIndex(value: unknown): value is MatcherIndex {
  const v = value as MatcherIndex | null;
  return (
    !!v &&
    v.format === MATCHER_INDEX_FORMAT &&
    v.v === MATCHER_INDEX_VERSION &&
    Array.isArray(v.rec) &&
    v.rec.length === v.n &&
    v.rec.every((row) => Array.isArray(row) && row.length >= 4) &&
    typeof v.res === 'string' &&
    Array.isArray(v.fix) &&
    typeof v.fl === 'object' &&
    typeof v.ks === 'object' &&
    Array.isArray(v.rk) &&
    (v.wr === undefined || Array.isArray(v.wr)) &&
    (v.pv === undefined || Array.isArray(v.pv)) &&
    (v.lt === undefined || typeof v.lt === 'object')
  );
}
