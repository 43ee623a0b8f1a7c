/**
 * The matcher proper: loads a `MatcherIndex`, prepares the prefilter and token statistics once, and
 * ranks records for a paste. A record's pattern is analysed (patterns.ts) the first time one of its
 * prefilter keys occurs in a paste, so loading does not parse thousands of patterns. See index.ts for the public API and docs/matcher.md for the design.
 */
import { isMatcherIndex, type MatcherIndex } from './build.ts';
import { analyzePattern, altTrigrams, trigramCode, TRIGRAM_SPACE } from './patterns.ts';
import { normalizePaste, type PreparedLine } from './normalize.ts';
import { tokenize, tokenizeLine } from './tokens.ts';

/** The parts of the re2js API the matcher uses (injected, so the module stays small when not needed). */
export interface Re2Like {
  compile(pattern: string, flags?: number): { matcher(input: string): { find(): boolean; start(): number; end(): number } };
  translateRegExp(expr: string): string;
  CASE_INSENSITIVE: number;
  DOTALL: number;
  MULTILINE: number;
}

export interface MatcherOptions {
  /** The re2js `RE2JS` class: patterns judged able to backtrack catastrophically run on it. */
  re2?: Re2Like;
}

export interface MatchOptions {
  /** At most this many results (default 10, capped at 10). */
  top?: number;
  /**
   * Debugging and calibration only: return up to 30 candidates without abstaining, each with `why`
   * (the features its score was computed from).
   */
  explain?: boolean;
}

export interface MatchedLine {
  /** Index among the normalised lines of the paste. */
  index: number;
  /** The normalised line (safe to show as text, never as HTML). */
  text: string;
  /** The regex match within `text`, or -1/-1 when the line was chosen by similarity. */
  start: number;
  end: number;
}

export interface MatchResult {
  id: string;
  domain: string;
  signature: string;
  resolvable: 'true' | 'partial' | 'false' | null;
  /** In [0, 1], or null when unknown. */
  fixSuccessRate: number | null;
  /** In [0, 1]; higher is more convincing. */
  score: number;
  /** `regex` when the record's pattern matched a line, `similarity` when its wording did. */
  evidence: 'regex' | 'similarity';
  /** The line(s) that matched, best first (at most 3). */
  lines: MatchedLine[];
  /** Only with `explain`: the features behind the score. */
  why?: Record<string, number>;
}

export interface Matcher {
  /** Ranked records, best first; `[]` when nothing is convincingly related (abstention). */
  match(text: string, options?: MatchOptions): MatchResult[];
  /** Hand over re2js's `RE2JS` later (e.g. after an async import): risky patterns then run on it. */
  useLinearEngine(re2: Re2Like): void;
  /** Number of records in the index. */
  readonly size: number;
  /** Statistics about how the index was prepared (for benchmarks and docs). */
  readonly stats: MatcherStats;
}

export interface MatcherStats {
  records: number;
  withRegex: number;
  /** Patterns judged able to backtrack catastrophically: they run on the linear-time engine. */
  linearEngine: number;
  /** Of those, how many are matched by literal fragments only because no linear-time engine was given yet. */
  literalOnly: number;
  /** Prefilter keys: trigrams, short literals, and records that are candidates for every paste. */
  trigramKeys: number;
  shortKeys: number;
  unfilterable: number;
  /** Patterns analysed so far (on first use). */
  analysed: number;
  /** Milliseconds spent preparing: word statistics, prefilter. */
  prepareMs: { words: number; prefilter: number };
}

// --- tuning constants (mechanisms, not per-query special cases) ---------------------------------------
/** Longest text one regex execution sees; longer lines are scanned in overlapping windows. */
const REGEX_WINDOW = 1000;
const REGEX_WINDOW_OVERLAP = 200;
/** At most this many windows per line (the first 20,000 characters of a line). */
const MAX_WINDOWS = 24;
/**
 * Specificity of an alternative: the information in its literal words (per word, idf / max idf, scaled
 * down for words shorter than SHORT_WORD), the most informative word fully and the others at
 * OTHER_WORDS. At or above FULL_SPECIFICITY it is fully specific.
 */
const FULL_SPECIFICITY = 2;
const SHORT_WORD = 5;
const OTHER_WORDS = 0.5;
/** Key trigram occurrences in a paste up to which each key's lines are found by a scan of them all. */
const KEY_HITS_SCANNED = 4096;
/** At most this many lines of a paste are examined per prefilter alternative. */
const MAX_LINES_PER_ALT = 64;
/**
 * Following lines joined to an error line when comparing wording, and when a pattern is tried across
 * lines (multi-line messages: npm's ERESOLVE report, compiler notes).
 */
const BLOCK_LINES = 2;
/** Error-looking lines used for similarity (and as the first lines of blocks). */
const SIMILARITY_LINES = 24; // at most 31: the lines are bits of an Int32 mask (see ownLines)
/** Tokens in more than this share of records are too common to find candidates by. */
const COMMON_TOKEN_SHARE = 0.04;
/** Records scored by similarity (beyond regex hits). */
const SIMILARITY_CANDIDATES = 40;
/**
 * Score of a regex hit: base + weight of specificity + weight of wording similarity (each in [0, 1];
 * the weights sum to 1).
 */
const HIT_BASE = 0.28;
const HIT_SPEC = 0.4;
const HIT_SIM = 0.32;
/**
 * A hit that starts inside a word (`wai` in "wait", `ld` in "xcodebuild", `stalled` in "installed")
 * is not the word the pattern names: its score is multiplied by this.
 */
const MID_WORD = 0.6;
/** The best score wording similarity alone can reach. */
const SIMILARITY_ONLY_MAX = 0.64;
/** Abstain unless the best record reaches this score. */
const ABSTAIN_BELOW = 0.48;
/** Results below this share of the best score are not listed. */
const RELATIVE_FLOOR = 0.55;

interface Alt {
  record: number;
  frags: string[];
  /** Distinct trigram codes of all fragments (all must occur in the paste). */
  tris: Int32Array;
  /** The longest fragment, used to locate candidate lines. */
  locator: string;
  /** Specificity, computed on first use (-1 until then); see specOf. */
  spec: number;
}

/** A record's signature or alias as words: the words, their vocabulary ids, their idfs and the idfs' sum. */
type Variant = { tokens: string[]; ids: Int32Array; idfs: number[]; weight: number };

type Engine = { exec(text: string): { start: number; end: number } | null };

interface RecordRuntime {
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
  /** Indexes into `alts`, once the pattern is analysed (null until then). */
  alts: number[] | null;
  /** Token variants: signature, then aliases, with each token's idf and their total (see variantsOf). */
  variants: Variant[] | null;
}

/** F2 (recall weighted over precision) of the words shared by a record's variant and a line, by idf weight. */
function f2Of(inter: number, variantWeight: number, lineWeight: number): number {
  const recall = inter / variantWeight;
  const precision = Math.min(1, inter / Math.max(lineWeight, 1e-9));
  return (5 * precision * recall) / (4 * precision + recall);
}

function v8Engine(source: string, flags: string): Engine {
  const re = new RegExp(source, flags.replace(/[gy]/g, ''));
  return {
    exec(text) {
      const m = re.exec(text);
      return m ? { start: m.index, end: m.index + m[0].length } : null;
    },
  };
}

function re2Engine(re2: Re2Like, source: string, flags: string): Engine {
  // RE2 has no lookahead: our translation of Python's \Z is "$(?![\s\S])", which is \z in RE2.
  const translated = re2.translateRegExp(source.split('$(?![\\s\\S])').join('\\z'));
  let f = re2.CASE_INSENSITIVE;
  if (flags.includes('s')) f |= re2.DOTALL;
  if (flags.includes('m')) f |= re2.MULTILINE;
  const compiled = re2.compile(translated, f);
  return {
    exec(text) {
      const m = compiled.matcher(text);
      return m.find() ? { start: m.start(), end: m.end() } : null;
    },
  };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_ALL = /[^\x00-\x7f]/g;
/**
 * Whether a match starts inside a word: a letter or digit on both sides of its start, other than a
 * camelCase boundary (`processTicksAndRejections` -> `Rejections` starts a word). `_`, `.`, `-` are
 * boundaries (identifiers such as `HAL_UART_ErrorCallback`).
 */
function startsInsideWord(hit: { line: { text: string }; start: number }): boolean {
  if (hit.start <= 0) return false;
  const before = hit.line.text[hit.start - 1] ?? ' ';
  const first = hit.line.text[hit.start] ?? ' ';
  if (!WORD_CHAR.test(before) || !WORD_CHAR.test(first)) return false;
  return !(before !== before.toUpperCase() && first !== first.toLowerCase());
}

/** Run a compiled pattern over a line, window by window when the line is long. */
function execLine(regex: Engine, text: string): { start: number; end: number } | null {
  if (text.length <= REGEX_WINDOW) return regex.exec(text);
  const step = REGEX_WINDOW - REGEX_WINDOW_OVERLAP;
  for (let w = 0, from = 0; w < MAX_WINDOWS && from < text.length; w++, from += step) {
    const m = regex.exec(text.slice(from, from + REGEX_WINDOW));
    if (m) return { start: m.start + from, end: m.end + from };
  }
  return null;
}

export function createMatcher(index: MatcherIndex, options: MatcherOptions = {}): Matcher {
  if (!isMatcherIndex(index)) throw new Error('not an Error Atlas matcher index (format "error-atlas-matcher", v 1)');
  const n = index.n;
  // Columns of the row-wise index (see build.ts).
  const ids = index.rec.map((row) => row[0]);
  const signatures = index.rec.map((row) => row[1]);
  let re2 = options.re2;
  const alts: Alt[] = [];
  const records: RecordRuntime[] = [];
  const stats: MatcherStats = { records: n, withRegex: 0, linearEngine: 0, literalOnly: 0, trigramKeys: 0, shortKeys: 0, unfilterable: 0, analysed: 0, prepareMs: { words: 0, prefilter: 0 } };
  let clock = performance.now();
  const lap = (phase: keyof MatcherStats['prepareMs']) => {
    const now = performance.now();
    stats.prepareMs[phase] = Math.round((now - clock) * 10) / 10;
    clock = now;
  };

  // --- token statistics: document frequency over signature + aliases ---
  // The vocabulary: each word of a signature or alias gets an id (in order of first appearance), with
  // its postings: the records whose signature or aliases hold it (ascending); their number is its
  // document frequency.
  const tokenId = new Map<string, number>();
  const postingsById: number[][] = [];
  const variantTokens: string[][][] = [];
  for (let r = 0; r < n; r++) {
    const row = index.rec[r]!;
    const variants = [[...new Set(tokenize(row[1]))]];
    for (const alias of row[4] ?? []) variants.push([...new Set(tokenize(alias))]);
    variantTokens.push(variants);
    for (const v of variants) {
      for (const t of v) {
        const id = tokenId.get(t);
        if (id === undefined) {
          tokenId.set(t, postingsById.length);
          postingsById.push([r]);
        } else {
          const list = postingsById[id]!;
          if (list[list.length - 1] !== r) list.push(r);
        }
      }
    }
  }
  const maxIdf = Math.log(1 + n);
  const idfById = Float64Array.from(postingsById, (list) => Math.log(1 + n / list.length));
  const idf = (t: string) => {
    const id = tokenId.get(t);
    return id === undefined ? maxIdf : idfById[id]!;
  };
  /**
   * Information in one literal word of a pattern, in [0, 1]: its rarity among signatures (idf / max
   * idf), scaled down for short words: `wai` or `ld` occur inside many other words and say little.
   */
  const wordInfo = (t: string) => (idf(t) / maxIdf) * Math.min(1, t.length / SHORT_WORD);
  /** Tokens in more records than this are too common to find candidates by. */
  const commonDf = Math.max(8, Math.ceil(n * COMMON_TOKEN_SHARE));

  lap('words');

  // --- prefilter: the records whose keys (patterns.ts) occur in a paste are its candidates ---
  const risky = new Set(index.rk);
  for (let r = 0; r < n; r++) {
    const source = index.rec[r]![2];
    records.push({ regex: source ? undefined : null, blockRegex: source ? undefined : null, source, flags: index.fl[r] ?? 'i', risky: risky.has(r), literalOnly: risky.has(r) && !re2, anchored: false, alts: null, variants: null });
    if (source) stats.withRegex++;
  }
  stats.linearEngine = risky.size;
  stats.literalOnly = re2 ? 0 : risky.size;
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
  lap('prefilter');

  /** Analyses a record's pattern on first use: engine choice, anchoring, alternatives and their trigrams. */
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
   * most informative literal word counts fully, the others at half, so a rare code (`DHCPNAK`)
   * outweighs a phrase of common words (`permission denied`).
   */
  function specOf(a: number): number {
    const alt = alts[a]!;
    if (alt.spec >= 0) return alt.spec;
    let sum = 0;
    let most = 0;
    for (const f of alts[a]!.frags) {
      for (const t of tokenize(f)) {
        const info = wordInfo(t);
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
   * The engine for blocks of lines: the pattern with the `s` flag, so that its wildcards may skip a line
   * break (a message split over lines). Classes that exclude `\n` still do. Risky patterns only on the
   * linear-time engine; never literal-only.
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

  // The signature's weight per record (-1 until first use): looked up for hundreds of records per paste.
  const signatureWeights = new Float64Array(n).fill(-1);
  function signatureWeight(r: number): number {
    const w = signatureWeights[r]!;
    return w >= 0 ? w : (signatureWeights[r] = variantsOf(r)[0]!.weight);
  }

  /** A record's token variants with their idf weights, computed on first use. */
  function variantsOf(r: number): Variant[] {
    const rt = records[r]!;
    if (rt.variants) return rt.variants;
    rt.variants = variantTokens[r]!.map((tokens) => {
      const idfs = tokens.map(idf);
      return { tokens, ids: Int32Array.from(tokens, (t) => tokenId.get(t)!), idfs, weight: idfs.reduce((s, w) => s + w, 0) };
    });
    return rt.variants;
  }

  // Scratch space reused across queries.
  const recordStamp = new Int32Array(n);
  const accStamp = new Int32Array(n);
  const accWeight = new Float64Array(n);
  // Trigrams present in the current paste: a bitmap, cleared after each query via the codes set.
  const textBits = new Uint8Array(TRIGRAM_SPACE >> 3);
  const setCodes: number[] = [];
  let stamp = 0;

  function lineSimilarity(r: number, lineTokens: Set<string>, lineWeight: number): number {
    let best = 0;
    for (const v of variantsOf(r)) {
      if (v.weight === 0) continue;
      let inter = 0;
      for (let i = 0; i < v.tokens.length; i++) if (lineTokens.has(v.tokens[i]!)) inter += v.idfs[i]!;
      if (inter === 0) continue;
      const f2 = f2Of(inter, v.weight, lineWeight);
      if (f2 > best) best = f2;
    }
    return best;
  }

  // Which similarity lines of the current paste hold each word of the vocabulary: bit j for the j-th
  // similarity line, on the line itself (ownLines) and in its block (blockLines). Set per paste for
  // the words of those lines (maskedIds), cleared before the next.
  const ownLines = new Int32Array(tokenId.size);
  const blockLines = new Int32Array(tokenId.size);
  const maskedIds: number[] = [];
  const interOwn = new Float64Array(SIMILARITY_LINES);
  const interBlock = new Float64Array(SIMILARITY_LINES);

  function maskLine(tokens: Set<string>, masks: Int32Array, bit: number): void {
    for (const t of tokens) {
      const id = tokenId.get(t);
      if (id === undefined) continue;
      if (ownLines[id] === 0 && blockLines[id] === 0) maskedIds.push(id);
      masks[id]! |= bit;
    }
  }

  /**
   * simOf(r, line) for each of the first `width` similarity lines at once, into `out`, from the masks
   * (unit weights in ownWeight / blockWeight). Per line, the sums run over the same words in the same
   * order as in lineSimilarity, so the values are the same to the last bit.
   */
  function similarities(r: number, width: number, ownWeight: Float64Array, blockWeight: Float64Array, out: Float64Array): void {
    out.fill(0, 0, width);
    for (const v of variantsOf(r)) {
      if (v.weight === 0) continue;
      interOwn.fill(0, 0, width);
      interBlock.fill(0, 0, width);
      for (let i = 0; i < v.ids.length; i++) {
        const id = v.ids[i]!;
        const w = v.idfs[i]!;
        for (let m = ownLines[id]!; m !== 0; m &= m - 1) interOwn[31 - Math.clz32(m & -m)]! += w;
        for (let m = blockLines[id]!; m !== 0; m &= m - 1) interBlock[31 - Math.clz32(m & -m)]! += w;
      }
      for (let j = 0; j < width; j++) {
        if (interOwn[j] !== 0) {
          const f2 = f2Of(interOwn[j]!, v.weight, ownWeight[j]!);
          if (f2 > out[j]!) out[j] = f2;
        }
        if (interBlock[j] !== 0) {
          const f2 = f2Of(interBlock[j]!, v.weight, blockWeight[j]!);
          if (f2 > out[j]!) out[j] = f2;
        }
      }
    }
  }

  function match(text: string, opts: MatchOptions = {}): MatchResult[] {
    const top = Math.max(1, Math.min(10, Math.floor(opts.top ?? 10)));
    if (typeof text !== 'string' || text.trim() === '') return [];
    const lines = normalizePaste(text);
    if (lines.length === 0) return [];
    stamp++;
    if (stamp > 2_000_000_000) {
      recordStamp.fill(0);
      accStamp.fill(0);
      stamp = 1;
    }
    const hay = lines.map((l) => l.lower).join('\n');

    // 1. Prefilter: one pass over the paste sets a bitmap of its trigrams and records on which lines
    //    each first key trigram occurs; the records both of whose keys (of one alternative) occur
    //    are the candidates.
    for (const code of setCodes) textBits[code >> 3] = 0;
    setCodes.length = 0;
    const has = (code: number) => (textBits[code >> 3]! & (1 << (code & 7))) !== 0;
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
    /** The lines on which a key trigram occurs (ascending), or undefined when none. */
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
        if (++seen > 4096) {
          wide = null;
          break;
        }
      }
    }
    for (const s of shortKeys) if ((s.ascii || !wide || wide.has(s.key[0]!)) && hay.includes(s.key)) addCandidate(s.record);
    for (const r of everyPaste) addCandidate(r);

    // The paste's most error-like lines (used for similarity, and as the first lines of blocks).
    const multi = lines.length > 1;
    const maxErr = lines.reduce((m, l) => Math.max(m, l.err), 0);
    const simLines = lines
      .filter((l) => !l.frame && (maxErr === 0 || l.err > 0))
      .sort((a, b) => b.err - a.err || a.index - b.index)
      .slice(0, SIMILARITY_LINES);
    // Blocks: an error line and up to BLOCK_LINES error-looking lines right after it (one message
    // printed over several lines, such as npm's `npm error …` report), read as one text.
    const blockEnd = (s: number) => {
      let e = s;
      while (e + 1 < lines.length && e + 1 <= s + BLOCK_LINES && !lines[e + 1]!.frame && lines[e + 1]!.err > 0) e++;
      return e;
    };
    const isBlockStart = new Uint8Array(multi ? lines.length : 0);
    if (multi) for (const l of simLines) if (blockEnd(l.index) > l.index) isBlockStart[l.index] = 1;
    const blockLowerCache = new Map<number, string>();
    const blockLower = (s: number) => {
      let t = blockLowerCache.get(s);
      if (t === undefined) blockLowerCache.set(s, (t = lines.slice(s, blockEnd(s) + 1).map((l) => l.lower).join('\n')));
      return t;
    };

    // 2. For each alternative of a candidate whose trigrams all occur, the lines holding all its
    //    fragments; then the regex on them. lineSpec: record -> line -> best specificity of an
    //    alternative there. An alternative whose fragments are on no single line may have them all in
    //    a block (blockSpec: record -> first line of the block -> specificity).
    const lineSpec = new Map<number, Map<number, number>>();
    const blockSpec = new Map<number, Map<number, number>>();
    for (const r of candidates) {
      for (const a of analysed(r)) {
        const alt = alts[a]!;
        let ok = true;
        // Lines to look at: where one of the alternative's key trigrams occurs (every line holding
        // all its fragments is among them), else the lines holding its longest fragment.
        const tris = alt.tris;
        for (let i = 0; i < tris.length; i++) {
          const code = tris[i]!;
          if ((textBits[code >> 3]! & (1 << (code & 7))) === 0) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        let at: number[] | undefined;
        for (let i = 0; i < tris.length && !at; i++) {
          const code = tris[i]!;
          if (keyBits[code >> 3]! & (1 << (code & 7))) at = keyLinesOf(code);
        }
        let perLine = lineSpec.get(r);
        let found = 0;
        const visit = (k: number) => {
          const lower = lines[k]!.lower;
          for (const f of alt.frags) if (!lower.includes(f)) return;
          found++;
          if (!perLine) lineSpec.set(r, (perLine = new Map()));
          const spec = specOf(a);
          if ((perLine.get(k) ?? -1) < spec) perLine.set(k, spec);
        };
        if (at) {
          for (let j = 0; j < at.length && found < MAX_LINES_PER_ALT; j++) visit(at[j]!);
        } else if (alt.locator === '') {
          for (let k = 0; k < lines.length && found < MAX_LINES_PER_ALT; k++) visit(k);
        } else {
          for (let k = 0; k < lines.length && found < MAX_LINES_PER_ALT; k++) if (lines[k]!.lower.includes(alt.locator)) visit(k);
        }
        if (found > 0 || !at || alt.frags.length < 2 || isBlockStart.length === 0) continue;
        // Blocks holding that trigram, first line at most BLOCK_LINES before it.
        let perBlock = blockSpec.get(r);
        let checked = -1;
        for (let j = 0; j < at.length && found < MAX_LINES_PER_ALT; j++) {
          for (let s = Math.max(0, at[j]! - BLOCK_LINES, checked + 1); s <= at[j]!; s++) {
            checked = s;
            if (!isBlockStart[s]) continue;
            const text = blockLower(s);
            if (!alt.frags.every((f) => text.includes(f))) continue;
            found++;
            if (!perBlock) blockSpec.set(r, (perBlock = new Map()));
            const spec = specOf(a);
            if ((perBlock.get(s) ?? -1) < spec) perBlock.set(s, spec);
          }
        }
      }
    }

    type Hit = { line: PreparedLine; start: number; end: number; spec: number; block: boolean };
    const hits = new Map<number, Hit[]>();
    /** Specificity of what actually matched: the richest alternative of the record contained in it. */
    const matchedSpec = (rt: RecordRuntime, matched: string) => {
      let spec = 0;
      for (const a of rt.alts ?? []) {
        const alt = alts[a]!;
        if (specOf(a) > spec && alt.frags.every((f) => matched.includes(f))) spec = specOf(a);
      }
      return spec;
    };
    for (const r of new Set([...lineSpec.keys(), ...blockSpec.keys()])) {
      const rt = records[r]!;
      const found: Hit[] = [];
      const perLine = lineSpec.get(r) ?? new Map<number, number>();
      const order = [...perLine.keys()].sort((x, y) => lines[y]!.err - lines[x]!.err || x - y);
      for (const k of order) {
        const line = lines[k]!;
        const specHere = perLine.get(k) as number;
        const engine = engineOf(rt);
        if (engine) {
          let m = execLine(engine, line.text);
          let offset = 0;
          if (!m && rt.anchored && line.core !== line.text) {
            m = execLine(engine, line.core);
            offset = line.text.length - line.core.length;
          }
          if (!m) continue;
          const spec = matchedSpec(rt, line.lower.slice(m.start + offset, m.end + offset));
          found.push({ line, start: m.start + offset, end: m.end + offset, spec: spec || specHere, block: false });
        } else if (rt.literalOnly) {
          const first = analysed(r).map((a) => alts[a]!.locator).find((f) => f && line.lower.includes(f)) ?? '';
          const start = first ? line.lower.indexOf(first) : -1;
          // Without the real pattern, literal evidence counts for half.
          found.push({ line, start, end: start >= 0 ? start + first.length : -1, spec: specHere / 2, block: false });
        }
        if (found.length >= 6) break;
      }
      // No line matched on its own: the pattern on blocks of lines, its wildcards skipping line breaks.
      // The match must start on the block's first line; the hit is that line's.
      const perBlock = blockSpec.get(r);
      if (found.length === 0 && perBlock) {
        const starts = [...perBlock.keys()].sort((x, y) => lines[y]!.err - lines[x]!.err || x - y);
        const engine = blockEngineOf(rt);
        for (const s of starts) {
          if (!engine) break;
          const line = lines[s]!;
          const rest = lines.slice(s + 1, blockEnd(s) + 1).map((l) => '\n' + l.text).join('');
          let m = execLine(engine, line.text + rest);
          let offset = 0;
          if (!m && rt.anchored && line.core !== line.text) {
            m = execLine(engine, line.core + rest);
            offset = line.text.length - line.core.length;
          }
          if (!m || m.start + offset >= line.text.length) continue;
          const spec = matchedSpec(rt, blockLower(s).slice(m.start + offset, m.end + offset));
          found.push({ line, start: m.start + offset, end: Math.min(m.end + offset, line.text.length), spec: spec || (perBlock.get(s) as number), block: true });
          if (found.length >= 6) break;
        }
      }
      if (found.length > 0) hits.set(r, found);
    }

    // 3. Similarity of signatures and aliases to the paste's error lines (each with the lines that
    //    follow it, for messages that span lines).
    const lineWeightFor = (line: PreparedLine) => (multi && maxErr > 0 ? 0.8 + (0.2 * line.err) / maxErr : 1);
    const tokenCache = new Map<number, Set<string>>();
    const tokensOf = (k: number) => {
      let t = tokenCache.get(k);
      if (!t) tokenCache.set(k, (t = new Set(tokenizeLine(lines[k]!.text))));
      return t;
    };
    const weightOf = (tokens: Set<string>) => {
      let w = 0;
      for (const t of tokens) w += idf(t);
      return w;
    };
    const unitCache = new Map<number, { tokens: Set<string>; weight: number }[]>();
    const units = (line: PreparedLine) => {
      const cached = unitCache.get(line.index);
      if (cached) return cached;
      const own = tokensOf(line.index);
      const out = [{ tokens: own, weight: weightOf(own) }];
      if (multi && line.index + 1 < lines.length) {
        const block = new Set(own);
        for (let k = line.index + 1; k <= Math.min(lines.length - 1, line.index + BLOCK_LINES); k++) {
          if (lines[k]!.frame) break;
          for (const t of tokensOf(k)) block.add(t);
        }
        if (block.size > own.size) out.push({ tokens: block, weight: weightOf(block) });
      }
      unitCache.set(line.index, out);
      return out;
    };
    const simOf = (r: number, line: PreparedLine) => {
      let best = 0;
      for (const u of units(line)) best = Math.max(best, lineSimilarity(r, u.tokens, u.weight));
      return best;
    };
    // The recall of a record's words among all words of the similarity lines (with their following
    // lines, as marked in ownLines / blockLines): an upper bound on its recall on any one of them.
    const recallCeiling = (r: number) => {
      let best = 0;
      for (const v of variantsOf(r)) {
        if (v.weight === 0) continue;
        let inter = 0;
        for (let i = 0; i < v.ids.length; i++) if ((ownLines[v.ids[i]!]! | blockLines[v.ids[i]!]!) !== 0) inter += v.idfs[i]!;
        if (inter / v.weight > best) best = inter / v.weight;
      }
      return best;
    };
    // Records sharing words with the similarity lines, first seen first, with the weight shared.
    const accRecords: number[] = [];
    for (const line of simLines) {
      for (const t of tokensOf(line.index)) {
        const id = tokenId.get(t);
        if (id === undefined) continue;
        const list = postingsById[id]!;
        if (list.length > commonDf) continue;
        const w = idfById[id]!;
        for (const r of list) {
          if (accStamp[r] !== stamp) {
            accStamp[r] = stamp;
            accWeight[r] = 0;
            accRecords.push(r);
          }
          accWeight[r]! += w;
        }
      }
    }
    // The SIMILARITY_CANDIDATES records with most of their signature's weight present (ties: first seen).
    const topR: number[] = [];
    const topW: number[] = [];
    for (const r of accRecords) {
      const share = accWeight[r]! / Math.max(1e-9, signatureWeight(r));
      if (topR.length === SIMILARITY_CANDIDATES && share <= topW[topW.length - 1]!) continue;
      let at = topW.length;
      while (at > 0 && topW[at - 1]! < share) at--;
      topR.splice(at, 0, r);
      topW.splice(at, 0, share);
      if (topR.length > SIMILARITY_CANDIDATES) {
        topR.pop();
        topW.pop();
      }
    }
    const simCands = topR;
    const consider = [...new Set<number>([...hits.keys(), ...simCands])];
    // Mark the similarity lines' words (see similarities).
    for (const id of maskedIds) {
      ownLines[id] = 0;
      blockLines[id] = 0;
    }
    maskedIds.length = 0;
    const width = simLines.length;
    const ownWeight = new Float64Array(width);
    const blockWeight = new Float64Array(width);
    for (let j = 0; j < width; j++) {
      const [own, block] = units(simLines[j]!);
      ownWeight[j] = own!.weight;
      maskLine(own!.tokens, ownLines, 1 << j);
      if (block) {
        blockWeight[j] = block.weight;
        maskLine(block.tokens, blockLines, 1 << j);
      }
    }
    const simRow = new Float64Array(width);

    // 4. Score: a regex hit weighs by its specificity and the wording's similarity; wording alone
    //    can reach at most SIMILARITY_ONLY_MAX.
    // A line that many records' patterns hit is generic text ("permission denied"): each hit on it says
    // less. Another record counts in proportion to how specifically it hits the line, relative to this
    // hit (fully when at least as specific): patterns that only hit it by a short or common word (`911`)
    // do not make a line generic. lineSpecs: line -> each hitting record's best specificity there.
    const lineSpecs = new Map<number, number[]>();
    for (const found of hits.values()) {
      const best = new Map<number, number>();
      for (const hit of found) best.set(hit.line.index, Math.max(best.get(hit.line.index) ?? 0, hit.spec));
      for (const [k, spec] of best) {
        let list = lineSpecs.get(k);
        if (!list) lineSpecs.set(k, (list = []));
        list.push(spec);
      }
    }
    // Per line, the specificities in ascending order and their prefix sums: the crowd of a hit is the
    // number of records at least as specific plus the sum of the others' specificities over its own
    // (a binary search: a generic line can be hit by hundreds of records in a large corpus).
    const crowdTables = new Map<number, { specs: Float64Array; sums: Float64Array }>();
    const crowdOf = (hit: Hit) => {
      const list = lineSpecs.get(hit.line.index);
      if (!list) return 1;
      let table = crowdTables.get(hit.line.index);
      if (!table) {
        const specs = Float64Array.from(list).sort();
        const sums = new Float64Array(specs.length + 1);
        for (let i = 0; i < specs.length; i++) sums[i + 1] = sums[i]! + specs[i]!;
        crowdTables.set(hit.line.index, (table = { specs, sums }));
      }
      if (hit.spec <= 0) return Math.max(1, table.specs.length);
      let lo = 0;
      let hi = table.specs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (table.specs[mid]! < hit.spec) lo = mid + 1;
        else hi = mid;
      }
      return Math.max(1, table.specs.length - lo + table.sums[lo]! / hit.spec);
    };
    // Debugging (explain): how much of the hit line's wording the hit and the record's words explain.
    const explainedOf = (r: number, hit: Hit) => {
      const words = new Set(tokenize(hit.line.text));
      const span = new Set(tokenize(hit.line.text.slice(Math.max(0, hit.start), Math.max(0, hit.end))));
      const vocab = new Set<string>();
      for (const v of variantsOf(r)) for (const t of v.tokens) vocab.add(t);
      let total = 0;
      let inSpan = 0;
      let known = 0;
      for (const t of words) {
        const w = idf(t);
        total += w;
        if (span.has(t)) inSpan += w;
        if (span.has(t) || vocab.has(t)) known += w;
      }
      return total > 0 ? { coverage: inSpan / total, explained: known / total } : { coverage: 1, explained: 1 };
    };
    const scored: { r: number; score: number; evidence: 'regex' | 'similarity'; lines: MatchedLine[]; spec: number; why?: Record<string, number> }[] = [];
    // The best score so far: regex hits come first in `consider`, and a record whose wording could not
    // reach RELATIVE_FLOOR of it cannot be listed (except with explain, which lists every candidate).
    let bestSoFar = 0;
    for (const r of consider) {
      const found = hits.get(r);
      if (found) {
        let best = -1;
        let bestSpec = 0;
        let why: Record<string, number> = {};
        const sorted: { hit: Hit; s: number }[] = [];
        for (const hit of found) {
          const sim = simOf(r, hit.line);
          const crowd = crowdOf(hit);
          const specN = Math.min(1, hit.spec / FULL_SPECIFICITY) / Math.sqrt(crowd);
          const inWord = startsInsideWord(hit);
          const s = (HIT_BASE + HIT_SPEC * specN + HIT_SIM * sim) * (inWord ? MID_WORD : 1) * lineWeightFor(hit.line);
          sorted.push({ hit, s });
          if (s > best) {
            best = s;
            bestSpec = hit.spec;
            if (opts.explain) why = { regex: 1, block: hit.block ? 1 : 0, spec: hit.spec, crowd, sim, lw: lineWeightFor(hit.line), err: hit.line.err, literalOnly: records[r]!.literalOnly ? 1 : 0, inWord: inWord ? 1 : 0, ...explainedOf(r, hit) };
          }
        }
        // The wording may match an error line better than the regex's line does (multi-line messages).
        // Skipped when even the best similarity those lines allow could not beat the hit: F2 is at
        // most 5R / (4 + R), R the recall of the record's words among all their words.
        const recall = recallCeiling(r);
        const ceiling = (SIMILARITY_ONLY_MAX * 5 * recall) / (4 + recall);
        if (ceiling > best) {
          similarities(r, width, ownWeight, blockWeight, simRow);
          for (let j = 0; j < width; j++) {
            const line = simLines[j]!;
            const s = simRow[j]! * SIMILARITY_ONLY_MAX * lineWeightFor(line);
            if (s > best) {
              best = s;
              if (opts.explain) why = { ...why, simOverride: simRow[j]!, simLw: lineWeightFor(line) };
            }
          }
        }
        sorted.sort((a, b) => b.s - a.s);
        const bestLines = sorted.slice(0, 3).map(({ hit }) => ({ index: hit.line.index, text: hit.line.text, start: hit.start, end: hit.end }));
        scored.push({ r, score: best, evidence: 'regex', lines: bestLines, spec: bestSpec, why });
        if (best > bestSoFar) bestSoFar = best;
      } else {
        if (!opts.explain && bestSoFar > 0) {
          const recall = recallCeiling(r);
          // (The margin keeps rounding from pruning a record whose score would equal the bound.)
          if (((SIMILARITY_ONLY_MAX * 5 * recall) / (4 + recall)) * (1 + 1e-9) < bestSoFar * RELATIVE_FLOOR) continue;
        }
        similarities(r, width, ownWeight, blockWeight, simRow);
        let best = 0;
        let bestLine: PreparedLine | null = null;
        for (let j = 0; j < width; j++) {
          const line = simLines[j]!;
          const s = simRow[j]! * SIMILARITY_ONLY_MAX * lineWeightFor(line);
          if (s > best) {
            best = s;
            bestLine = line;
          }
        }
        if (best > bestSoFar) bestSoFar = best;
        if (bestLine) scored.push({ r, score: best, evidence: 'similarity', lines: [{ index: bestLine.index, text: bestLine.text, start: -1, end: -1 }], spec: 0, why: opts.explain ? { regex: 0, sim: simOf(r, bestLine), lw: lineWeightFor(bestLine), err: bestLine.err } : undefined });
      }
    }
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        b.spec - a.spec ||
        index.fix[b.r]! - index.fix[a.r]! ||
        (ids[a.r]! < ids[b.r]! ? -1 : ids[a.r]! > ids[b.r]! ? 1 : 0),
    );
    const best = scored[0];
    if (!opts.explain && (!best || best.score < ABSTAIN_BELOW)) return [];
    const floor = opts.explain || !best ? 0 : best.score * RELATIVE_FLOOR;
    return scored
      .filter((s) => s.score >= floor)
      .slice(0, opts.explain ? 30 : top)
      .map((s) => {
        const id = ids[s.r]!;
        const res = index.res[s.r];
        const fix = index.fix[s.r] ?? -1;
        return {
          id,
          domain: id.slice(0, id.indexOf('/')),
          signature: signatures[s.r]!,
          resolvable: res === 't' ? 'true' : res === 'p' ? 'partial' : res === 'f' ? 'false' : null,
          fixSuccessRate: fix >= 0 ? fix / 100 : null,
          score: Math.round(s.score * 1000) / 1000,
          evidence: s.evidence,
          lines: s.lines,
          ...(opts.explain ? { why: s.why } : {}),
        };
      });
  }

  return { match, useLinearEngine, size: n, stats };
}

/**
 * Load a matcher, bringing in the linear-time engine (re2js) only when the index has patterns
 * that need it. Works in Node and in a Worker.
 */
export async function loadMatcher(index: MatcherIndex): Promise<Matcher> {
  const matcher = createMatcher(index);
  if (matcher.stats.linearEngine > 0) {
    const { RE2JS } = await import('re2js');
    matcher.useLinearEngine(RE2JS as unknown as Re2Like);
  }
  return matcher;
}
