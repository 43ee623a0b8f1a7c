/**
 * The matcher's public types: options, results and the matcher itself (see index.ts for the API).
 */

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
  /**
   * How sure the answer is, for people: `high` when no other record comes near (on the blind dev
   * sets, such first results were right 98 % of the time), `medium` when another is listed well
   * behind, `low` when another is close, and for every result after the first.
   */
  confidence: 'high' | 'medium' | 'low';
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
