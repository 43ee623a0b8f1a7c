/**
 * The matcher proper: loads a `MatcherIndex`, prepares the prefilter and token statistics once, and
 * ranks records for a paste. See index.ts for the public API and docs/matcher.md for the design.
 */
import { parseRegex, type RegexNode } from '../regex/parse.ts';
import { backtrackRisk, requiredLiterals, usesStartAnchor } from '../regex/analyze.ts';
import { isMatcherIndex, type MatcherIndex } from './build.ts';
import { normalizePaste, type PreparedLine } from './normalize.ts';
import { tokenize } from './tokens.ts';

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
}

export interface Matcher {
  /** Ranked records, best first; `[]` when nothing is convincingly related (abstention). */
  match(text: string, options?: MatchOptions): MatchResult[];
  /** Number of records in the index. */
  readonly size: number;
  /** Statistics about how the index was prepared (for benchmarks and docs). */
  readonly stats: MatcherStats;
}

export interface MatcherStats {
  records: number;
  withRegex: number;
  /** Patterns that run on the linear-time engine. */
  linearEngine: number;
  /** Risky patterns that could not run on it (no re2 given, or back-references): literal fragments only. */
  literalOnly: number;
  /** Prefilter alternatives keyed by a trigram, by a short literal, or not filterable at all. */
  trigramKeys: number;
  shortKeys: number;
  unfilterable: number;
}

// --- tuning constants (mechanisms, not per-query special cases) ---------------------------------------
/** Longest text one regex execution sees; longer lines are scanned in overlapping windows. */
const REGEX_WINDOW = 1000;
const REGEX_WINDOW_OVERLAP = 200;
/** At most this many windows per line (the first 20,000 characters of a line). */
const MAX_WINDOWS = 24;
/** A specificity (literal characters in the matching alternative) at or above this counts as fully specific. */
const FULL_SPECIFICITY = 32;
/** Error-looking lines used for similarity. */
const SIMILARITY_LINES = 24;
/** Tokens in more than this share of records are too common to find candidates by. */
const COMMON_TOKEN_SHARE = 0.04;
/** Records scored by similarity (beyond regex hits). */
const SIMILARITY_CANDIDATES = 40;
/** Abstain unless the best record reaches this score. */
const ABSTAIN_BELOW = 0.6;
/** Results below this share of the best score are not listed. */
const RELATIVE_FLOOR = 0.55;

interface Alt {
  record: number;
  frags: string[];
  spec: number;
}

interface RecordRuntime {
  regex: { exec(text: string): { start: number; end: number } | null } | null;
  literalOnly: boolean;
  anchored: boolean;
  alts: number[];
  /** Token variants: signature, then aliases, with their total idf weight. */
  variants: { tokens: string[]; weight: number }[];
}

function trigramCode(s: string, i: number): number {
  return s.charCodeAt(i) * 4294967296 + s.charCodeAt(i + 1) * 65536 + s.charCodeAt(i + 2);
}

function v8Engine(source: string, flags: string): RecordRuntime['regex'] {
  const re = new RegExp(source, flags.replace(/[gy]/g, ''));
  return {
    exec(text) {
      const m = re.exec(text);
      return m ? { start: m.index, end: m.index + m[0].length } : null;
    },
  };
}

function re2Engine(re2: Re2Like, source: string, flags: string): RecordRuntime['regex'] {
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

/** Run a compiled pattern over a line, window by window when the line is long. */
function execLine(regex: NonNullable<RecordRuntime['regex']>, text: string): { start: number; end: number } | null {
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
  const alts: Alt[] = [];
  const records: RecordRuntime[] = [];
  const stats: MatcherStats = { records: n, withRegex: 0, linearEngine: 0, literalOnly: 0, trigramKeys: 0, shortKeys: 0, unfilterable: 0 };

  // --- token statistics: document frequency over signature + aliases ---
  const tokenDf = new Map<string, number>();
  const variantTokens: string[][][] = [];
  for (let r = 0; r < n; r++) {
    const variants = [index.sig[r], ...(index.al[r] ?? [])].map((text) => [...new Set(tokenize(text))]);
    variantTokens.push(variants);
    const seen = new Set<string>();
    for (const v of variants) for (const t of v) seen.add(t);
    for (const t of seen) tokenDf.set(t, (tokenDf.get(t) ?? 0) + 1);
  }
  const maxIdf = Math.log(1 + n);
  const idf = (t: string) => {
    const df = tokenDf.get(t);
    return df ? Math.log(1 + n / df) : maxIdf;
  };
  const tokenPostings = new Map<string, number[]>();
  const commonDf = Math.max(8, Math.ceil(n * COMMON_TOKEN_SHARE));
  for (let r = 0; r < n; r++) {
    const seen = new Set<string>();
    for (const v of variantTokens[r]) for (const t of v) seen.add(t);
    for (const t of seen) {
      if ((tokenDf.get(t) ?? 0) > commonDf) continue;
      let list = tokenPostings.get(t);
      if (!list) tokenPostings.set(t, (list = []));
      list.push(r);
    }
  }

  // --- regexes, their literal requirements and engines ---
  for (let r = 0; r < n; r++) {
    const variants = variantTokens[r].map((tokens) => ({ tokens, weight: tokens.reduce((s, t) => s + idf(t), 0) }));
    const runtime: RecordRuntime = { regex: null, literalOnly: false, anchored: false, alts: [], variants };
    records.push(runtime);
    const source = index.re[r];
    if (!source) continue;
    const flags = index.fl[r] ?? 'i';
    let ast: RegexNode;
    try {
      ast = parseRegex(source);
    } catch {
      continue;
    }
    stats.withRegex++;
    const risk = backtrackRisk(ast);
    runtime.anchored = usesStartAnchor(ast);
    if (!risk.risky) {
      try {
        runtime.regex = v8Engine(source, flags);
      } catch {
        continue;
      }
    } else if (options.re2) {
      try {
        runtime.regex = re2Engine(options.re2, source, flags);
        stats.linearEngine++;
      } catch {
        runtime.literalOnly = true;
      }
    } else runtime.literalOnly = true;
    if (runtime.literalOnly) stats.literalOnly++;
    for (const frags of requiredLiterals(ast)) {
      runtime.alts.push(alts.length);
      alts.push({ record: r, frags, spec: frags.reduce((s, f) => s + f.length, 0) });
    }
  }

  // --- prefilter: each alternative is keyed by its rarest trigram (or a short literal, or nothing) ---
  const trigramDf = new Map<number, number>();
  for (const alt of alts) {
    const seen = new Set<number>();
    for (const f of alt.frags) for (let i = 0; i + 3 <= f.length; i++) seen.add(trigramCode(f, i));
    for (const code of seen) trigramDf.set(code, (trigramDf.get(code) ?? 0) + 1);
  }
  const trigramPostings = new Map<number, number[]>();
  const shortAlts: { alt: number; key: string }[] = [];
  const unfilterable: number[] = [];
  alts.forEach((alt, a) => {
    let best = -1;
    let bestDf = Infinity;
    for (const f of alt.frags) {
      for (let i = 0; i + 3 <= f.length; i++) {
        const code = trigramCode(f, i);
        const df = trigramDf.get(code) ?? 0;
        if (df < bestDf) {
          bestDf = df;
          best = code;
        }
      }
    }
    if (best >= 0) {
      let list = trigramPostings.get(best);
      if (!list) trigramPostings.set(best, (list = []));
      list.push(a);
      stats.trigramKeys++;
    } else if (alt.frags.length > 0) {
      shortAlts.push({ alt: a, key: alt.frags.reduce((x, y) => (y.length > x.length ? y : x)) });
      stats.shortKeys++;
    } else {
      unfilterable.push(a);
      stats.unfilterable++;
    }
  });

  // Scratch space reused across queries.
  const altStamp = new Int32Array(alts.length);
  const recStamp = new Int32Array(n);
  let stamp = 0;

  function lineSimilarity(r: number, lineTokens: Set<string>, lineWeight: number): number {
    let best = 0;
    for (const v of records[r].variants) {
      if (v.weight === 0) continue;
      let inter = 0;
      for (const t of v.tokens) if (lineTokens.has(t)) inter += idf(t);
      if (inter === 0) continue;
      const recall = inter / v.weight;
      const precision = Math.min(1, inter / Math.max(lineWeight, 1e-9));
      const f2 = (5 * precision * recall) / (4 * precision + recall);
      if (f2 > best) best = f2;
    }
    return best;
  }

  function match(text: string, opts: MatchOptions = {}): MatchResult[] {
    const top = Math.max(1, Math.min(10, Math.floor(opts.top ?? 10)));
    if (typeof text !== 'string' || text.trim() === '') return [];
    const lines = normalizePaste(text);
    if (lines.length === 0) return [];
    stamp++;
    if (stamp > 2_000_000_000) {
      altStamp.fill(0);
      recStamp.fill(0);
      stamp = 1;
    }
    const hay = lines.map((l) => l.lower).join('\n');

    // 1. Prefilter: alternatives whose key occurs anywhere, then all their fragments occur.
    const candAlts: number[] = [];
    for (let i = 0; i + 3 <= hay.length; i++) {
      const list = trigramPostings.get(trigramCode(hay, i));
      if (!list) continue;
      for (const a of list) {
        if (altStamp[a] === stamp) continue;
        altStamp[a] = stamp;
        candAlts.push(a);
      }
    }
    for (const s of shortAlts) if (hay.includes(s.key)) candAlts.push(s.alt);
    for (const a of unfilterable) candAlts.push(a);
    const candRecords: number[] = [];
    for (const a of candAlts) {
      const alt = alts[a];
      let ok = true;
      for (const f of alt.frags) {
        if (!hay.includes(f)) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (recStamp[alt.record] !== stamp) {
        recStamp[alt.record] = stamp;
        candRecords.push(alt.record);
      }
    }

    // 2. Regex hits, line by line, only where one of the record's alternatives has all its fragments.
    type Hit = { line: PreparedLine; start: number; end: number; spec: number };
    const hits = new Map<number, Hit[]>();
    for (const r of candRecords) {
      const rt = records[r];
      const found: Hit[] = [];
      for (const line of lines) {
        let lineSpec = -1;
        for (const a of rt.alts) {
          const alt = alts[a];
          let all = true;
          for (const f of alt.frags) {
            if (!line.lower.includes(f)) {
              all = false;
              break;
            }
          }
          if (all && alt.spec > lineSpec) lineSpec = alt.spec;
        }
        if (lineSpec < 0) continue;
        if (rt.regex) {
          let m = execLine(rt.regex, line.text);
          let shown = line.text;
          if (!m && rt.anchored && line.core !== line.text) {
            m = execLine(rt.regex, line.core);
            shown = line.core;
          }
          if (!m) continue;
          const offset = shown === line.text ? 0 : line.text.length - shown.length;
          // Specificity of what actually matched: the richest alternative contained in the match.
          const matched = line.lower.slice(m.start + offset, m.end + offset);
          let spec = 0;
          for (const a of rt.alts) {
            const alt = alts[a];
            if (alt.spec > spec && alt.frags.every((f) => matched.includes(f))) spec = alt.spec;
          }
          found.push({ line, start: m.start + offset, end: m.end + offset, spec: spec || lineSpec });
        } else if (rt.literalOnly) {
          const first = rt.alts.map((a) => alts[a].frags[0]).find((f) => f && line.lower.includes(f)) ?? '';
          const start = first ? line.lower.indexOf(first) : -1;
          // Without the real pattern, literal evidence counts for half.
          found.push({ line, start, end: start >= 0 ? start + first.length : -1, spec: lineSpec / 2 });
        }
        if (found.length >= 8) break;
      }
      if (found.length > 0) hits.set(r, found);
    }

    // 3. Similarity of signatures and aliases to the paste's error lines.
    const multi = lines.length > 1;
    const errLines = lines.filter((l) => !l.frame);
    const ranked = [...errLines].sort((a, b) => b.err - a.err || a.index - b.index);
    const anyErr = ranked.length > 0 && ranked[0].err > 0;
    const simLines = (anyErr ? ranked.filter((l) => l.err > 0) : ranked).slice(0, SIMILARITY_LINES);
    const lineInfo = simLines.map((line) => {
      const tokens = new Set(tokenize(line.core));
      let weight = 0;
      for (const t of tokens) weight += idf(t);
      return { line, tokens, weight };
    });
    const acc = new Map<number, number>();
    for (const li of lineInfo) {
      for (const t of li.tokens) {
        const list = tokenPostings.get(t);
        if (!list) continue;
        const w = idf(t);
        for (const r of list) acc.set(r, (acc.get(r) ?? 0) + w);
      }
    }
    const simCands = [...acc.entries()]
      .map(([r, w]) => [r, w / Math.max(1e-9, records[r].variants[0].weight)] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, SIMILARITY_CANDIDATES)
      .map(([r]) => r);
    const consider = new Set<number>([...hits.keys(), ...simCands]);

    // 4. Score.
    const scored: { r: number; score: number; evidence: 'regex' | 'similarity'; lines: MatchedLine[]; spec: number }[] = [];
    for (const r of consider) {
      const found = hits.get(r);
      const lineWeightFor = (line: PreparedLine) => (multi ? 0.8 + 0.2 * line.err : 1);
      if (found) {
        let best = -1;
        let bestLines: MatchedLine[] = [];
        let bestSpec = 0;
        const sorted: { hit: Hit; s: number }[] = [];
        for (const hit of found) {
          const tokens = new Set(tokenize(hit.line.core));
          let weight = 0;
          for (const t of tokens) weight += idf(t);
          const sim = lineSimilarity(r, tokens, weight);
          const specN = Math.min(1, hit.spec / FULL_SPECIFICITY);
          const s = (0.5 + 0.3 * specN + 0.2 * sim) * lineWeightFor(hit.line);
          sorted.push({ hit, s });
          if (s > best) {
            best = s;
            bestSpec = hit.spec;
          }
        }
        sorted.sort((a, b) => b.s - a.s);
        bestLines = sorted.slice(0, 3).map(({ hit }) => ({ index: hit.line.index, text: hit.line.text, start: hit.start, end: hit.end }));
        scored.push({ r, score: best, evidence: 'regex', lines: bestLines, spec: bestSpec });
      } else {
        let best = 0;
        let bestLine: PreparedLine | null = null;
        for (const li of lineInfo) {
          const s = lineSimilarity(r, li.tokens, li.weight) * 0.75 * lineWeightFor(li.line);
          if (s > best) {
            best = s;
            bestLine = li.line;
          }
        }
        if (bestLine) scored.push({ r, score: best, evidence: 'similarity', lines: [{ index: bestLine.index, text: bestLine.text, start: -1, end: -1 }], spec: 0 });
      }
    }
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        b.spec - a.spec ||
        index.fix[b.r] - index.fix[a.r] ||
        (index.id[a.r] < index.id[b.r] ? -1 : index.id[a.r] > index.id[b.r] ? 1 : 0),
    );
    if (scored.length === 0 || scored[0].score < ABSTAIN_BELOW) return [];
    const floor = scored[0].score * RELATIVE_FLOOR;
    return scored
      .filter((s) => s.score >= floor)
      .slice(0, top)
      .map((s) => {
        const id = index.id[s.r];
        const res = index.res[s.r];
        const fix = index.fix[s.r];
        return {
          id,
          domain: id.slice(0, id.indexOf('/')),
          signature: index.sig[s.r],
          resolvable: res === 't' ? 'true' : res === 'p' ? 'partial' : res === 'f' ? 'false' : null,
          fixSuccessRate: fix >= 0 ? fix / 100 : null,
          score: Math.round(s.score * 1000) / 1000,
          evidence: s.evidence,
          lines: s.lines,
        };
      });
  }

  return { match, size: n, stats };
}

/**
 * Load a matcher, bringing in the linear-time engine (re2js) only when the index has patterns
 * that need it. Works in Node and in a Worker.
 */
export async function loadMatcher(index: MatcherIndex): Promise<Matcher> {
  let needsRe2 = false;
  for (const source of index.re) {
    if (!source) continue;
    try {
      if (backtrackRisk(parseRegex(source)).risky) {
        needsRe2 = true;
        break;
      }
    } catch {
      /* unusable pattern: ignored by createMatcher too */
    }
  }
  if (!needsRe2) return createMatcher(index);
  const { RE2JS } = await import('re2js');
  return createMatcher(index, { re2: RE2JS as unknown as Re2Like });
}
