/**
 * Each record's pattern at run time: analysed on first use (patterns.ts: anchoring, alternatives and
 * their literal fragments), compiled on first use on the engine that suits it (engines.ts), and the
 * specificity of each alternative, weighed by the vocabulary.
 */
import type { MatcherIndex } from './build.ts';
import { re2Engine, v8Engine, type Engine } from './engines.ts';
import { altTrigrams, analyzePattern, trigramCode } from './patterns.ts';
import { tokenize } from './tokens.ts';
import { OTHER_WORDS } from './tuning.ts';
import type { MatcherStats, Re2Like } from './types.ts';
import type { Vocabulary } from './vocabulary.ts';

/** One alternative of a record's pattern: its literal fragments, all of which a matching line holds. */
export interface Alt {
  record: number;
  frags: string[];
  /** Distinct trigram codes of all fragments (all must occur in the paste); the record's key trigrams first. */
  tris: Int32Array;
  /** The longest fragment, used to locate candidate lines. */
  locator: string;
  /** Specificity, computed on first use (-1 until then); see specOf. */
  spec: number;
}

export interface RecordRuntime {
  /** Compiled on first use (undefined until then; null when the pattern cannot run). */
  regex: Engine | null | undefined;
  /** The same pattern with `.` matching line breaks, for blocks of lines (compiled on first use). */
  blockRegex: Engine | null | undefined;
  source: string;
  flags: string;
  /** Could backtrack catastrophically: runs on the linear-time engine, or by literal fragments until one is given. */
  risky: boolean;
  literalOnly: boolean;
  anchored: boolean;
  /** Indexes into the alternatives, once the pattern is analysed (null until then). */
  alts: number[] | null;
}

export interface RecordPatterns {
  readonly records: readonly RecordRuntime[];
  readonly alts: readonly Alt[];
  /** The record's alternatives, analysing its pattern on first use. */
  analysed(record: number): number[];
  /** Specificity of an alternative (see specOf). */
  specOf(alt: number): number;
  /** The engine for single lines, compiled on first use; null when the pattern cannot run. */
  engineOf(rt: RecordRuntime): Engine | null;
  /** The engine for blocks of lines (the `s` flag), compiled on first use; null when not available. */
  blockEngineOf(rt: RecordRuntime): Engine | null;
  /** Hand over the linear-time engine: risky patterns are compiled on it from now on. */
  useLinearEngine(re2: Re2Like): void;
}

export function buildRecordPatterns(index: MatcherIndex, vocabulary: Vocabulary, stats: MatcherStats, initialRe2: Re2Like | undefined): RecordPatterns {
  let re2 = initialRe2;
  const alts: Alt[] = [];
  const records: RecordRuntime[] = [];
  const risky = new Set(index.rk);
  for (let r = 0; r < index.n; r++) {
    const source = index.rec[r]![2];
    records.push({ regex: source ? undefined : null, blockRegex: source ? undefined : null, source, flags: index.fl[r] ?? 'i', risky: risky.has(r), literalOnly: risky.has(r) && !re2, anchored: false, alts: null });
    if (source) stats.withRegex++;
  }
  stats.linearEngine = risky.size;
  stats.literalOnly = re2 ? 0 : risky.size;

  function analysed(r: number): number[] {
    const rt = records[r]!;
    if (rt.alts) return rt.alts;
    rt.alts = [];
    const info = analyzePattern(rt.source);
    if (!info) {
      rt.regex = null;
      rt.blockRegex = null;
      return rt.alts;
    }
    stats.analysed++;
    rt.anchored = info.anchored;
    // The record's key trigrams are the rarest of its alternatives: checked first, a candidate that
    // does not match usually fails on the first lookup.
    const keys = index.rec[r]![3];
    const keyCodes = new Set<number>();
    for (let i = 0; i + 3 <= keys.length; i += 3) keyCodes.add(trigramCode(keys, i));
    for (const frags of info.alts) {
      rt.alts.push(alts.length);
      const locator = frags.reduce((x, y) => (y.length > x.length ? y : x), '');
      const codes = [...altTrigrams(frags)];
      const tris = Int32Array.from([...codes.filter((c) => keyCodes.has(c)), ...codes.filter((c) => !keyCodes.has(c))]);
      alts.push({ record: r, frags, tris, locator, spec: -1 });
    }
    return rt.alts;
  }

  /**
   * Specificity of an alternative (computed on first use: most alternatives never meet a paste): the
   * most informative literal word counts fully, the others at OTHER_WORDS, so a rare code (`DHCPNAK`)
   * outweighs a phrase of common words (`permission denied`).
   */
  function specOf(a: number): number {
    const alt = alts[a]!;
    if (alt.spec >= 0) return alt.spec;
    let sum = 0;
    let most = 0;
    for (const f of alt.frags) {
      for (const t of tokenize(f)) {
        const info = vocabulary.wordInfo(t);
        sum += info;
        if (info > most) most = info;
      }
    }
    alt.spec = most + OTHER_WORDS * (sum - most);
    return alt.spec;
  }

  function engineOf(rt: RecordRuntime): Engine | null {
    if (rt.regex !== undefined) return rt.regex;
    rt.regex = null;
    if (!rt.risky) {
      try {
        rt.regex = v8Engine(rt.source, rt.flags);
      } catch {
        /* validated at build time; an engine difference leaves the record to similarity */
      }
    } else if (re2) {
      try {
        rt.regex = re2Engine(re2, rt.source, rt.flags);
        rt.literalOnly = false;
      } catch {
        rt.literalOnly = true; // back-references or lookaround: RE2 cannot run it
      }
    } else rt.literalOnly = true;
    return rt.regex;
  }

  /**
   * The pattern with the `s` flag, so that its wildcards may skip a line break (a message split over
   * lines). Classes that exclude `\n` still do. Risky patterns only on the linear-time engine; never
   * literal-only.
   */
  function blockEngineOf(rt: RecordRuntime): Engine | null {
    if (rt.blockRegex !== undefined) return rt.blockRegex;
    rt.blockRegex = null;
    const flags = rt.flags.includes('s') ? rt.flags : rt.flags + 's';
    try {
      if (!rt.risky) rt.blockRegex = v8Engine(rt.source, flags);
      else if (re2) rt.blockRegex = re2Engine(re2, rt.source, flags);
    } catch {
      /* left to single lines */
    }
    return rt.blockRegex;
  }

  function useLinearEngine(engine: Re2Like): void {
    re2 = engine;
    stats.literalOnly = 0;
    for (const rt of records) {
      if (!rt.risky || rt.regex === null) continue;
      rt.regex = undefined;
      rt.blockRegex = undefined;
      rt.literalOnly = false;
    }
  }

  return { records, alts, analysed, specOf, engineOf, blockEngineOf, useLinearEngine };
}
