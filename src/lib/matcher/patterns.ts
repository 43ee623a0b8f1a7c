/**
 * What the matcher needs to know about a record's pattern before running it, and the prefilter keys
 * that decide when it is worth running at all.
 *
 * The full analysis (parsing, required literals, backtracking risk) is too slow to repeat for every
 * record each time a browser loads the index: in a fresh worker it took most of a second on 2,522
 * records. So the index build does it once and ships, per record, only its prefilter keys — for
 * each alternative of the pattern, two trigrams of its required literals: the rarest across all
 * records, and the rarest in another word (a build log holds many everyday words, and one rare
 * trigram of an everyday word is still common there; two from different words seldom are). The
 * matcher analyses a record's pattern the first time both keys of one of its alternatives occur in
 * a paste: on an 80-line CI log of the deadends set, about 110 of 2,522 patterns instead of 480
 * with one key per alternative.
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

/** Distinct trigram codes of an alternative's fragments, in first-seen order. */
export function altTrigrams(frags: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const f of frags) for (let i = 0; i + 3 <= f.length; i++) out.add(trigramCode(f, i));
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** Every trigram of an alternative with the word it starts in (words are numbered across fragments). */
function trigramsByWord(frags: readonly string[]): { code: number; text: string; word: number }[] {
  const out: { code: number; text: string; word: number }[] = [];
  let word = 0;
  for (const f of frags) {
    word++;
    for (let i = 0; i + 3 <= f.length; i++) {
      if (i > 0 && !WORD_CHAR.test(f[i - 1]!)) word++;
      out.push({ code: trigramCode(f, i), text: f.slice(i, i + 3), word });
    }
  }
  return out;
}

/**
 * A record's prefilter keys: `tri`, for each alternative with trigrams, its two key trigrams (the
 * same one twice when it has only one), 6 characters per alternative, each pair once; `short`, for
 * alternatives with no trigram, their longest fragment, or "" for an alternative without any (the
 * record is then a candidate for every paste).
 */
export interface PrefilterKeys {
  tri: string;
  short: string[];
}

/**
 * Prefilter keys for every record. Rarity counts the alternatives and signatures that contain a
 * trigram (signatures stand in for error text at large, where a key should be rare too); among
 * equally rare trigrams, the first in the pattern.
 */
export function prefilterKeys(signatures: readonly string[], patterns: readonly (PatternInfo | null)[]): PrefilterKeys[] {
  const df = new Map<number, number>();
  const trigrams = patterns.map((p) => (p ? p.alts.map(trigramsByWord) : []));
  for (const perAlt of trigrams) for (const list of perAlt) for (const code of new Set(list.map((t) => t.code))) df.set(code, (df.get(code) ?? 0) + 1);
  for (const sig of signatures) {
    const lower = sig.toLowerCase();
    const seen = new Set<number>();
    for (let i = 0; i + 3 <= lower.length; i++) seen.add(trigramCode(lower, i));
    for (const code of seen) df.set(code, (df.get(code) ?? 0) + 1);
  }
  const rarest = <T extends { code: number }>(list: readonly T[]): T | undefined =>
    list.reduce<T | undefined>((best, t) => (!best || (df.get(t.code) ?? 0) < (df.get(best.code) ?? 0) ? t : best), undefined);
  return patterns.map((pattern, r) => {
    const keys: PrefilterKeys = { tri: '', short: [] };
    if (!pattern) return keys;
    const pairs = new Set<string>();
    pattern.alts.forEach((frags, a) => {
      const list = trigrams[r]![a]!;
      const first = rarest(list);
      if (first) {
        const second = rarest(list.filter((t) => t.word !== first.word)) ?? rarest(list.filter((t) => t.code !== first.code)) ?? first;
        pairs.add(first.text + second.text);
      } else {
        const key = frags.reduce((x, y) => (y.length > x.length ? y : x), '');
        if (!keys.short.includes(key)) keys.short.push(key);
      }
    });
    keys.tri = [...pairs].join('');
    return keys;
  });
}
