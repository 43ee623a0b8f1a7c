/**
 * Step 1 of matching: which records could match a paste at all. Each record has prefilter keys (two
 * trigrams per alternative of its pattern, or short literal keys; see patterns.ts and build.ts). One
 * pass over the paste sets a bitmap of its trigrams and notes on which lines key trigrams occur; the
 * records both of whose keys (of one alternative) occur are the candidates.
 */
import type { MatcherIndex } from './build.ts';
import { trigramCode, TRIGRAM_SPACE } from './patterns.ts';
import { NON_ASCII } from './probe.ts';
import { KEY_HITS_SCANNED, WIDE_CHARS_COLLECTED } from './tuning.ts';
import type { MatcherStats } from './types.ts';

const NON_ASCII_ALL = /[^\x00-\x7f]/g;

/** What the prefilter learnt of one paste. */
export interface PasteScan {
  /** Candidate records, in the order found. */
  candidates: number[];
  /** Whether a trigram occurs in the paste. */
  has(code: number): boolean;
  /** Whether a trigram is a key of some record (its lines are then known: keyLinesOf). */
  isKey(code: number): boolean;
  /** The lines on which a key trigram occurs (ascending), or undefined when none. */
  keyLinesOf(code: number): number[] | undefined;
}

export interface Prefilter {
  /** Scan a paste: `hay` is its normalised lines, lower-cased, joined by `\n`. Valid until the next scan. */
  scan(hay: string): PasteScan;
}

export function buildPrefilter(index: MatcherIndex, stats: MatcherStats): Prefilter {
  const n = index.n;
  /** First key trigram -> [record, second key trigram, record, second key trigram, ...]. */
  const trigramPostings = new Map<number, number[]>();
  /** Codes that key some record: where they occur in a paste is recorded line by line. */
  const keyBits = new Uint8Array(TRIGRAM_SPACE >> 3);
  const shortKeys: { record: number; key: string; ascii: boolean }[] = [];
  const everyPaste: number[] = [];
  for (let r = 0; r < n; r++) {
    const keys = index.rec[r]![3];
    for (let i = 0; i + 6 <= keys.length; i += 6) {
      const code = trigramCode(keys, i);
      let list = trigramPostings.get(code);
      if (!list) trigramPostings.set(code, (list = []));
      list.push(r, trigramCode(keys, i + 3));
      keyBits[code >> 3]! |= 1 << (code & 7);
      stats.trigramKeys++;
    }
    for (const key of index.ks[r] ?? []) {
      if (key === '') {
        everyPaste.push(r);
        stats.unfilterable++;
      } else {
        shortKeys.push({ record: r, key, ascii: !NON_ASCII.test(key) });
        stats.shortKeys++;
      }
    }
  }

  // Scratch space reused across pastes: the paste's trigrams as a bitmap (cleared through setCodes),
  // and a stamp per record so that a candidate is listed once.
  const textBits = new Uint8Array(TRIGRAM_SPACE >> 3);
  const setCodes: number[] = [];
  const recordStamp = new Int32Array(n);
  let stamp = 0;

  const has = (code: number) => (textBits[code >> 3]! & (1 << (code & 7))) !== 0;
  const isKey = (code: number) => (keyBits[code >> 3]! & (1 << (code & 7))) !== 0;

  function scan(hay: string): PasteScan {
    if (++stamp > 2_000_000_000) {
      recordStamp.fill(0);
      stamp = 1;
    }
    for (const code of setCodes) textBits[code >> 3] = 0;
    setCodes.length = 0;
    const candidates: number[] = [];
    const addCandidate = (r: number) => {
      if (recordStamp[r] === stamp) return;
      recordStamp[r] = stamp;
      candidates.push(r);
    };
    // Where key trigrams occur, as (code, line) pairs in paste order; grouped by code only for the
    // codes asked for (keyLinesOf), a few dozen of the hundreds seen.
    const keyHits: number[] = [];
    const seenKeys: number[] = [];
    for (let i = 0, k = 0; i + 3 <= hay.length; i++) {
      if (hay.charCodeAt(i) === 10) {
        k++;
        continue;
      }
      const code = trigramCode(hay, i);
      const bit = 1 << (code & 7);
      if (keyBits[code >> 3]! & bit && hay.charCodeAt(i + 1) !== 10 && hay.charCodeAt(i + 2) !== 10) keyHits.push(code, k);
      if (textBits[code >> 3]! & bit) continue;
      textBits[code >> 3]! |= bit;
      setCodes.push(code);
      if (keyBits[code >> 3]! & bit) seenKeys.push(code);
    }
    const keyLineCache = new Map<number, number[] | undefined>();
    let groupedAll = false;
    const keyLinesOf = (code: number) => {
      if (keyLineCache.has(code) || groupedAll) return keyLineCache.get(code);
      if (keyHits.length > KEY_HITS_SCANNED) {
        // A long paste: one pass grouping every code beats a pass per code.
        groupedAll = true;
        for (let j = 0; j < keyHits.length; j += 2) {
          const k = keyHits[j + 1]!;
          const at = keyLineCache.get(keyHits[j]!);
          if (!at) keyLineCache.set(keyHits[j]!, [k]);
          else if (at[at.length - 1] !== k) at.push(k);
        }
        return keyLineCache.get(code);
      }
      let at: number[] | undefined;
      for (let j = 0; j < keyHits.length; j += 2) {
        if (keyHits[j] !== code) continue;
        const k = keyHits[j + 1]!;
        if (!at) at = [k];
        else if (at[at.length - 1] !== k) at.push(k);
      }
      keyLineCache.set(code, at);
      return at;
    };
    for (const code of seenKeys) {
      const list = trigramPostings.get(code)!;
      for (let j = 0; j < list.length; j += 2) if (has(list[j + 1]!)) addCandidate(list[j]!);
    }
    // Most short keys are CJK words: only those whose first character occurs in the paste are looked
    // for. (`wide`: the paste's non-ASCII characters; null when it has too many to collect cheaply.)
    let wide: Set<string> | null = new Set<string>();
    if (NON_ASCII.test(hay)) {
      let seen = 0;
      for (const m of hay.matchAll(NON_ASCII_ALL)) {
        wide.add(m[0]);
        if (++seen > WIDE_CHARS_COLLECTED) {
          wide = null;
          break;
        }
      }
    }
    for (const s of shortKeys) if ((s.ascii || !wide || wide.has(s.key[0]!)) && hay.includes(s.key)) addCandidate(s.record);
    for (const r of everyPaste) addCandidate(r);
    return { candidates, has, isKey, keyLinesOf };
  }

  return { scan };
}
