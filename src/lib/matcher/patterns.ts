/**
 * What the matcher needs to know about a record's pattern before running it, and the prefilter keys
 * that decide when it is worth running at all.
 *
 * The full analysis (parsing, required literals, backtracking risk) is too slow to repeat for every
 * record each time a browser loads the index: in a fresh worker it took most of a second on 2,522
 * records. So the index build does it once and ships, per record, only its prefilter keys — for
 * each alternative of the pattern, the trigram of its required literals that is rarest across all
 * records. The matcher analyses a record's pattern when one of its keys first occurs in a paste.
 */
import { parseRegex } from '../regex/parse.ts';
import { backtrackRisk, requiredLiterals, usesStartAnchor } from '../regex/analyze.ts';

/**
 * A trigram as an integer below 2^21: exact for ASCII, hashed into the same range otherwise.
 * Collisions only let extra candidates through; fragments are checked exactly afterwards.
 */
export const TRIGRAM_SPACE = 1 << 21;
export function trigramCode(s: string, i: number): number {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  const c = s.charCodeAt(i + 2);
  if ((a | b | c) < 128) return (a << 14) | (b << 7) | c;
  return (Math.imul(Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ c, 0xc2b2ae35) >>> 11) & (TRIGRAM_SPACE - 1);
}

export interface PatternInfo {
  /** Could backtrack catastrophically: must run on a linear-time engine. */
  risky: boolean;
  /** Uses `^`: may need the line without its log prefix. */
  anchored: boolean;
  /**
   * The pattern as alternatives of lower-cased literal fragments that a match must all contain
   * (an alternative without fragments can match any line).
   */
  alts: string[][];
}

/** The analysis of one translated (JavaScript) pattern, or null when it cannot be parsed. */
export function analyzePattern(source: string): PatternInfo | null {
  if (!source) return null;
  try {
    const ast = parseRegex(source);
    return { risky: backtrackRisk(ast).risky, anchored: usesStartAnchor(ast), alts: requiredLiterals(ast) };
  } catch {
    return null;
  }
}

/** Distinct trigrams of an alternative's fragments, in first-seen order, as [code, text] pairs. */
export function altTrigrams(frags: readonly string[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const f of frags) for (let i = 0; i + 3 <= f.length; i++) {
    const code = trigramCode(f, i);
    if (!out.has(code)) out.set(code, f.slice(i, i + 3));
  }
  return out;
}

/**
 * A record's prefilter keys: `tri`, the 3-character key trigrams of its alternatives, concatenated
 * (each once); `short`, for alternatives with no trigram, their longest fragment, or "" for an
 * alternative without any (the record is then a candidate for every paste).
 */
export interface PrefilterKeys {
  tri: string;
  short: string[];
}

/**
 * Prefilter keys for every record: each alternative is keyed by its rarest trigram, counting how many
 * alternatives and signatures contain it (signatures stand in for error text at large, where a key
 * should be rare too); among equally rare ones, the first in the pattern.
 */
export function prefilterKeys(signatures: readonly string[], patterns: readonly (PatternInfo | null)[]): PrefilterKeys[] {
  const df = new Map<number, number>();
  const trigrams = patterns.map((p) => (p ? p.alts.map(altTrigrams) : []));
  for (const perAlt of trigrams) for (const tris of perAlt) for (const code of tris.keys()) df.set(code, (df.get(code) ?? 0) + 1);
  for (const sig of signatures) {
    const lower = sig.toLowerCase();
    const seen = new Set<number>();
    for (let i = 0; i + 3 <= lower.length; i++) seen.add(trigramCode(lower, i));
    for (const code of seen) df.set(code, (df.get(code) ?? 0) + 1);
  }
  return patterns.map((pattern, r) => {
    const keys: PrefilterKeys = { tri: '', short: [] };
    if (!pattern) return keys;
    const seenTri = new Set<number>();
    pattern.alts.forEach((frags, a) => {
      let best = -1;
      let bestText = '';
      for (const [code, text] of trigrams[r]![a]!) {
        if (best < 0 || (df.get(code) ?? 0) < (df.get(best) ?? 0)) {
          best = code;
          bestText = text;
        }
      }
      if (best >= 0) {
        if (!seenTri.has(best)) keys.tri += bestText;
        seenTri.add(best);
      } else {
        const key = frags.reduce((x, y) => (y.length > x.length ? y : x), '');
        if (!keys.short.includes(key)) keys.short.push(key);
      }
    });
    return keys;
  });
}
