/**
 * Builds the matcher index: the compact, JSON-serialisable data the browser fetches and the CLI
 * builds in memory. It holds only what matching and the result list need; everything derived
 * (prefilter, token statistics) is computed by `createMatcher` when the index is loaded, so the file
 * stays close to the size of the records' own id, signature, regex and aliases.
 *
 * Format (version 1), columnar so field names are not repeated per record:
 *
 * ```json
 * {
 *   "format": "error-atlas-matcher", "v": 1, "n": 2,
 *   "id":  ["grpc/grpc-connection-reset-by-peer", "..."],     // <domain>/<slug>; domain is the part before "/"
 *   "sig": ["UNAVAILABLE: grpc: connection error: ...", "..."],
 *   "re":  ["UNAVAILABLE: grpc: connection error: ...", ""], // JavaScript source, translated from Python; "" = none
 *   "fl":  { "7": "is" },                                     // RegExp flags where not just "i" (sparse)
 *   "al":  { "1": ["other wording", "..."] },                 // aliases (sparse)
 *   "res": "t-",                                              // resolvable: t(rue) / p(artial) / f(alse) / - unknown
 *   "fix": [76, -1]                                           // fix_success_rate in percent, -1 unknown
 * }
 * ```
 */
import type { ErrorRecord } from '../record/schema.ts';
import { compileRecordRegex } from '../regex/dialect.ts';

export const MATCHER_INDEX_FORMAT = 'error-atlas-matcher';
export const MATCHER_INDEX_VERSION = 1;

export interface MatcherIndex {
  format: typeof MATCHER_INDEX_FORMAT;
  v: typeof MATCHER_INDEX_VERSION;
  n: number;
  id: string[];
  sig: string[];
  re: string[];
  fl: Record<string, string>;
  al: Record<string, string[]>;
  res: string;
  fix: number[];
}

/** The record fields the index reads; any validated record (or parsed record JSON) fits. */
export type MatcherRecordInput = Pick<ErrorRecord, 'id' | 'signature'> &
  Partial<Pick<ErrorRecord, 'regex' | 'aliases' | 'resolvable' | 'fix_success_rate'>>;

export interface BuildReport {
  /** Records whose regex could not be used (they are matched by signature similarity only). */
  skippedRegex: { id: string; reason: string }[];
}

export function buildMatcherIndex(records: readonly MatcherRecordInput[], report?: BuildReport): MatcherIndex {
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index: MatcherIndex = {
    format: MATCHER_INDEX_FORMAT,
    v: MATCHER_INDEX_VERSION,
    n: sorted.length,
    id: [],
    sig: [],
    re: [],
    fl: {},
    al: {},
    res: '',
    fix: [],
  };
  sorted.forEach((record, k) => {
    index.id.push(record.id);
    index.sig.push(record.signature.trim());
    let source = '';
    if (record.regex && record.regex.trim() !== '') {
      const compiled = compileRecordRegex(record.regex);
      if (compiled.ok) {
        source = compiled.source;
        if (compiled.flags !== 'i') index.fl[k] = compiled.flags;
      } else report?.skippedRegex.push({ id: record.id, reason: compiled.reason });
    }
    index.re.push(source);
    const aliases = (record.aliases ?? []).map((a) => a.trim()).filter((a) => a !== '');
    if (aliases.length > 0) index.al[k] = aliases;
    index.res += record.resolvable === 'true' ? 't' : record.resolvable === 'partial' ? 'p' : record.resolvable === 'false' ? 'f' : '-';
    const fix = record.fix_success_rate;
    index.fix.push(typeof fix === 'number' && Number.isFinite(fix) ? Math.round(fix * 100) : -1);
  });
  return index;
}

/** Checks that a fetched value is a matcher index this code understands. */
export function isMatcherIndex(value: unknown): value is MatcherIndex {
  const v = value as MatcherIndex | null;
  return (
    !!v &&
    v.format === MATCHER_INDEX_FORMAT &&
    v.v === MATCHER_INDEX_VERSION &&
    Array.isArray(v.id) &&
    v.id.length === v.n &&
    Array.isArray(v.sig) &&
    v.sig.length === v.n &&
    Array.isArray(v.re) &&
    v.re.length === v.n &&
    typeof v.res === 'string' &&
    Array.isArray(v.fix)
  );
}
