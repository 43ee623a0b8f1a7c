/**
 * Step 4 of matching: a score per candidate (the ranking, step 5, is ranking.ts). A regex hit weighs
 * by how specific the matched pattern is (less on a line many records hit: generic text), how well
 * the record's wording matches the line, and how error-like the line is; wording alone can reach at
 * most SIMILARITY_ONLY_MAX.
 */
import { startsWeakly } from './engines.ts';
import type { Hit } from './hits.ts';
import type { PreparedLine } from './normalize.ts';
import { asksQuestion, type Paste } from './paste.ts';
import type { RecordPatterns } from './record-patterns.ts';
import type { PasteSimilarity } from './similarity.ts';
import { isJobReport } from './job-reports.ts';
import { reasonMissing } from './announced-reason.ts';
import { showsOtherPort, showsPort } from './numbers.ts';
import { hasCjk, tokenize } from './tokens.ts';
import {
  CONTEXT_FLOOR,
  FULL_SPECIFICITY,
  HIT_BASE,
  HIT_SIM,
  HIT_SPEC,
  LINES_REPORTED,
  MESSAGE_SHARE,
  MID_WORD,
  RELATIVE_FLOOR,
  SIMILARITY_DISTINCTIVE_MAX,
  SIMILARITY_ONLY_MAX,
  WRAPPER_YIELD,
  PATTERN_MISSED,
  PORT_ELSEWHERE,
  STATUS_FIELD_ONLY,
  REASON_MISSING,
  TWIN_POOL,
} from './tuning.ts';
import type { MatchedLine } from './types.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface Scored {
  r: number;
  score: number;
  evidence: 'regex' | 'similarity';
  lines: MatchedLine[];
  spec: number;
  why?: Record<string, number>;
  /**
   * A wrapper's score before it yielded to an earlier error line (WRAPPER_YIELD): what it answers
   * with when nothing else answers and the paste names its tool (kept only then: named-tool.ts,
   * `preferNamedTool`; applied in `wrapperWhenAlone`).
   */
  unyielded?: number;
  /** Scored by its whole wording (a record without a pattern, scored like a pattern hit: wholeScore). */
  whole?: true;
  /**
   * A short wording held whole only inside a longer line (vocabulary.ts, Variant.atLineEnd): what it
   * would have scored there, and the line's index. Says which record's message the line is
   * (closer-wording.ts), not this one's.
   */
  wholeInside?: { score: number; index: number };
}

/**
 * A line that many records' patterns hit is generic text ("permission denied"): each hit on it says
 * less. Another record counts in proportion to how specifically it hits the line, relative to this
 * hit (fully when at least as specific): patterns that only hit it by a short or common word (`911`)
 * do not make a line generic. Returns the crowd of a hit: the number of records at least as specific
 * plus the sum of the others' specificities over its own.
 */
function crowds(hits: ReadonlyMap<number, Hit[]>): (hit: Hit) => number {
  // line -> each hitting record's best specificity there.
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
  // Per line, the specificities in ascending order and their prefix sums, searched by bisection: a
  // generic line can be hit by hundreds of records in a large corpus.
  const tables = new Map<number, { specs: Float64Array; sums: Float64Array }>();
  return (hit) => {
    const list = lineSpecs.get(hit.line.index);
    if (!list) return 1;
    let table = tables.get(hit.line.index);
    if (!table) {
      const specs = Float64Array.from(list).sort();
      const sums = new Float64Array(specs.length + 1);
      for (let i = 0; i < specs.length; i++) sums[i + 1] = sums[i]! + specs[i]!;
      tables.set(hit.line.index, (table = { specs, sums }));
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
}

/** Debugging (explain): how much of the hit line's wording the hit and the record's words explain. */
function explained(vocabulary: Vocabulary, r: number, hit: Hit): { coverage: number; explained: number } {
  const words = new Set(tokenize(hit.line.text));
  const span = new Set(tokenize(hit.line.text.slice(Math.max(0, hit.start), Math.max(0, hit.end))));
  const vocab = new Set<string>();
  for (const v of vocabulary.variantsOf(r)) for (const t of v.tokens) vocab.add(t);
  let total = 0;
  let inSpan = 0;
  let known = 0;
  for (const t of words) {
    const w = vocabulary.idf(t);
    total += w;
    if (span.has(t)) inSpan += w;
    if (span.has(t) || vocab.has(t)) known += w;
  }
  return total > 0 ? { coverage: inSpan / total, explained: known / total } : { coverage: 1, explained: 1 };
}

/** The highest score wording alone could reach with a given recall: F2 is at most 5R / (4 + R). */
const wordingCeiling = (recall: number, cap: number) => (cap * 5 * recall) / (4 + recall);

/** What wording alone can score on a line: more when the line names one of the record's distinctive tokens. */
const wordingCap = (naming: number, j: number) => ((naming >> j) & 1 ? SIMILARITY_DISTINCTIVE_MAX : SIMILARITY_ONLY_MAX);

/** An upper bound on a record's wording-only score on any similarity line (`naming`: its naming lines). */
const wordingBound = (similarity: PasteSimilarity, r: number, naming: number) =>
  wordingCeiling(similarity.recallCeiling(r), naming ? SIMILARITY_DISTINCTIVE_MAX : SIMILARITY_ONLY_MAX);
/**
 * Whether a record found by wording alone could reach `floor`, counting the readings of a line
 * against the record's examples as templates and of a line cut short (similarity.templateSim,
 * cutSim; the second, line by line, only for records the first would prune).
 */
function mayReach(similarity: PasteSimilarity, r: number, naming: number, floor: number): boolean {
  const cap = naming ? SIMILARITY_DISTINCTIVE_MAX : SIMILARITY_ONLY_MAX;
  // (The margin keeps rounding from pruning a record whose score would equal the bound.)
  if (wordingCeiling(Math.max(similarity.recallCeiling(r), similarity.exampleCeiling(r)), cap) * (1 + 1e-9) >= floor) return true;
  return similarity.cutCeiling(r) * cap * (1 + 1e-9) >= floor;
}

/**
 * Wording across the lines of one message: the share of a record's words (best variant, by idf) that
 * the error lines hold together, at MESSAGE_SHARE of what wording on one line could score. A tool
 * that prints the status on one line and the details on another (`status = StatusCode.UNAVAILABLE`,
 * `details = "Connection reset by peer"`) has all the words, on no one line. Without a distinctive
 * token named, this stays under ABSTAIN_BELOW: words scattered over a log alone never answer.
 */
const messageScore = (similarity: PasteSimilarity, r: number, naming: number) =>
  MESSAGE_SHARE * similarity.recallCeiling(r) * (naming ? SIMILARITY_DISTINCTIVE_MAX : SIMILARITY_ONLY_MAX);

/**
 * For a record without a pattern, a line (or its block) that holds every word of its signature or of
 * an alias says what a pattern hit would: it is scored like one, with the variant's words as the pattern's literal words
 * (specificity). Not on a line that lacks the port the signature names (`ports`: numbers.ts). `filled`:
 * `simRow` holds the record's similarities already, and the score is returned with the context of
 * the whole paste (the caller applies it otherwise).
 */
const NO_WHOLE = { score: 0, spec: 0, line: null, inside: null };

interface WholeScore {
  score: number;
  spec: number;
  line: PreparedLine | null;
  /** What a short wording held inside a longer line would score there (closer-wording.ts), and the line. */
  inside: { score: number; line: PreparedLine } | null;
}

function wholeScore(similarity: PasteSimilarity, paste: Paste, r: number, simRow: Float64Array, filled: boolean, ports: ReadonlySet<string>): WholeScore {
  const { lines, spec, inside } = similarity.wholeWording(r);
  if (lines === 0 && inside === 0) return NO_WHOLE;
  if (!filled) similarity.similarities(r, simRow);
  const specN = Math.min(1, spec / FULL_SPECIFICITY);
  const context = filled ? CONTEXT_FLOOR + (1 - CONTEXT_FLOOR) * similarity.contextRecall(r) : 1;
  const bestOf = (mask: number): { score: number; line: PreparedLine | null } => {
    let score = 0;
    let line: PreparedLine | null = null;
    for (let m = mask; m !== 0; m &= m - 1) {
      const j = 31 - Math.clz32(m & -m);
      const l = paste.simLines[j]!;
      if (!showsPort(l.text, ports)) continue;
      const s = (HIT_BASE + HIT_SPEC * specN + HIT_SIM * simRow[j]!) * paste.lineWeight(l);
      if (s > score) {
        score = s;
        line = l;
      }
    }
    return { score: score * context, line };
  };
  const held = bestOf(lines);
  const within = bestOf(inside);
  return { score: held.score, spec, line: held.line, inside: within.line ? { score: within.score, line: within.line } : null };
}

/** Candidates that could not reach this share of the best score are not scored (see scoreCandidates). */
const SCORED_FLOOR = Math.min(RELATIVE_FLOOR, TWIN_POOL);

/** A line that is only a field and an upper-case constant: `"status": "PERMISSION_DENIED",`, `reason=NOT_FOUND`. */
const STATUS_FIELD = /^\s*"?[\w.@-]+"?\s*[:=]\s*"?[A-Z][A-Z0-9_]{2,}"?,?\s*$/;

/** An error line, not a stack frame: what a wrapper's message reports on. */
const ERROR_SIGNS = 0.6;

/**
 * Whether the paste shows an error line before `first` (a wrapper's line) that is not the wrapper's:
 * a line with error signs, or one a record that is no wrapper has a pattern for (`/usr/bin/python: No
 * module named pytest` holds no error word, but the knowledge base knows it as an error). The job's
 * own account of the failure is not one (job-reports.ts): that the project's tests or linters failed
 * is what the wrapper's record explains. Nor is a person's question or heading above the log
 * (`This fails in CI since this morning, any idea?`, introducesPaste).
 */
function errorBefore(paste: Paste, first: number, own: ReadonlySet<number>, known: ReadonlySet<number>): boolean {
  for (const line of paste.lines) {
    if (line.index >= first) return false;
    if (line.frame || own.has(line.index)) continue;
    if (known.has(line.index) || (line.err >= ERROR_SIGNS && !isJobReport(line.text) && !asksQuestion(line.lower) && !introducesPaste(line))) return true;
  }
  return false;
}

/**
 * A person's line above what they paste: a Markdown heading (`### Error output` in an issue's
 * template), or a first line that introduces what follows (`Getting this error after upgrading:`)
 * and does not open with a label as tools' lines do (`ERROR: Job failed:`).
 */
function introducesPaste(line: { index: number; text: string }): boolean {
  return /^#{2,6} \S/.test(line.text) || (line.index === 0 && /:$/.test(line.text) && !/^[^\s:]+:/.test(line.text));
}

/** The lines where a pattern of a record that is no wrapper matched (a block's first line). */
function linesHit(hits: ReadonlyMap<number, Hit[]>, wrappers: ReadonlySet<number>): ReadonlySet<number> {
  const lines = new Set<number>();
  for (const [r, found] of hits) if (!wrappers.has(r)) for (const hit of found) lines.add(hit.line.index);
  return lines;
}

export interface ScoreInput {
  /** Records to score: those with hits first, then those found by wording. */
  consider: readonly number[];
  hits: ReadonlyMap<number, Hit[]>;
  paste: Paste;
  similarity: PasteSimilarity;
  vocabulary: Vocabulary;
  patterns: RecordPatterns;
  /** Records whose message only wraps another error. */
  wrappers: ReadonlySet<number>;
  /** Records whose pattern matches their signature and an alias (build.ts, provenPattern). */
  proven: ReadonlySet<number>;
  /** The ports a record's signature names (numbers.ts). */
  portsOf: (r: number) => ReadonlySet<string>;
  explain: boolean;
}

export function scoreCandidates({ consider, hits, paste, similarity, vocabulary, patterns, wrappers, proven, portsOf, explain }: ScoreInput): Scored[] {
  const { simLines } = paste;
  const width = simLines.length;
  const simRow = new Float64Array(width);
  const crowdOf = crowds(hits);
  const known = wrappers.size > 0 && paste.multi ? linesHit(hits, wrappers) : new Set<number>();
  const scored: Scored[] = [];
  // The best score so far: regex hits come first in `consider`, and a record whose wording could not
  // reach SCORED_FLOOR of it can neither be listed nor take a twin's place (twins.ts), so it is not
  // scored (except with explain, which lists every candidate).
  let bestSoFar = 0;
  for (const r of consider) {
    const found = hits.get(r);
    if (found) {
      let best = -1;
      let bestSpec = 0;
      let why: Record<string, number> = {};
      const sorted: { hit: Hit; s: number }[] = [];
      for (const hit of found) {
        const sim = similarity.simOf(r, hit.line);
        const crowd = crowdOf(hit);
        const specN = Math.min(1, hit.spec / FULL_SPECIFICITY) / Math.sqrt(crowd);
        const inWord = startsWeakly(hit.line.text, hit.start, patterns.records[r]!.source);
        const s = (HIT_BASE + HIT_SPEC * specN + HIT_SIM * sim) * (inWord ? MID_WORD : 1) * paste.lineWeight(hit.line);
        sorted.push({ hit, s });
        if (s > best) {
          best = s;
          bestSpec = hit.spec;
          if (explain) why = { regex: 1, block: hit.block ? 1 : 0, spec: hit.spec, crowd, sim, lw: paste.lineWeight(hit.line), err: hit.line.err, literalOnly: patterns.records[r]!.literalOnly ? 1 : 0, inWord: inWord ? 1 : 0, ...explained(vocabulary, r, hit) };
        }
      }
      // The wording may match an error line better than the regex's line does (multi-line messages).
      // Skipped when even the best similarity those lines allow could not beat the hit.
      const naming = similarity.namingLines(r);
      if (wordingBound(similarity, r, naming) > best) {
        similarity.similarities(r, simRow);
        for (let j = 0; j < width; j++) {
          const line = simLines[j]!;
          const s = simRow[j]! * wordingCap(naming, j) * paste.lineWeight(line);
          if (s > best) {
            best = s;
            if (explain) why = { ...why, simOverride: simRow[j]!, simLw: paste.lineWeight(line) };
          }
        }
      }
      const message = messageScore(similarity, r, naming);
      if (message > best) {
        best = message;
        if (explain) why = { ...why, message };
      }

      // Context (CONTEXT_FLOOR): how much of the record's wording the whole paste holds.
      const context = CONTEXT_FLOOR + (1 - CONTEXT_FLOOR) * similarity.contextRecall(r);
      best *= context;
      if (explain) why = { ...why, context, recallAll: similarity.recallCeiling(r), ctxR: similarity.contextRecall(r), naming: naming ? 1 : 0 };
      let unyielded: number | undefined;
      if (wrappers.has(r) && paste.multi) {
        const own = new Set(found.map((hit) => hit.line.index));
        if (errorBefore(paste, Math.min(...own), own, known)) {
          unyielded = best;
          best *= WRAPPER_YIELD;
          if (explain) why = { ...why, wrapperYield: WRAPPER_YIELD };
        }
      }
      sorted.sort((a, b) => b.s - a.s);
      const bestLines = sorted.slice(0, LINES_REPORTED).map(({ hit }) => ({ index: hit.line.index, text: hit.line.text, start: hit.start, end: hit.end }));
      scored.push({ r, score: best, evidence: 'regex', lines: bestLines, spec: bestSpec, why, ...(unyielded === undefined ? {} : { unyielded }) });
      if (best > bestSoFar) bestSoFar = best;
    } else {
      const naming = similarity.namingLines(r);
      if (!explain && bestSoFar > 0 && (patterns.records[r]!.source !== '' || similarity.recallCeiling(r) < 1 - 1e-9) && !mayReach(similarity, r, naming, bestSoFar * SCORED_FLOOR)) continue;
      similarity.similarities(r, simRow);
      let best = 0;
      let bestLine: PreparedLine | null = null;
      let bestJ = -1;
      for (let j = 0; j < width; j++) {
        const line = simLines[j]!;
        const s = simRow[j]! * wordingCap(naming, j) * paste.lineWeight(line);
        if (s > best) {
          best = s;
          bestLine = line;
          bestJ = j;
        }
      }
      // The same line read against the record's templates: the values it fills them with are not
      // words the record lacks (template-fill.ts); and, cut short, against the head of a wording.
      let templated = false;
      let cutShort = false;
      if (bestLine) {
        const filled = similarity.templateSim(r, bestLine) * wordingCap(naming, bestJ) * paste.lineWeight(bestLine);
        if (filled > best) {
          best = filled;
          templated = true;
        }
        const cut = similarity.cutSim(r, bestLine) * wordingCap(naming, bestJ) * paste.lineWeight(bestLine);
        if (cut > best) {
          best = cut;
          templated = false;
          cutShort = true;
        }
      }
      const message = messageScore(similarity, r, naming);
      if (message > best) {
        best = message;
        bestLine ??= simLines[naming ? 31 - Math.clz32(naming & -naming) : 0] ?? null;
      }
      const whole = patterns.records[r]!.source === '' ? wholeScore(similarity, paste, r, simRow, true, portsOf(r)) : NO_WHOLE;
      const byWhole = whole.score > best;
      if (byWhole) {
        best = whole.score;
        bestLine = whole.line;
      }
      let unyielded: number | undefined;
      if (bestLine && wrappers.has(r) && paste.multi) {
        // The wrapper's own line: its words may be on a line that the block of the line found joins
        // to it (an error line, then `Process completed with exit code 254.`): the error comes first.
        const own = similarity.ownLineOf(r, bestLine);
        if (errorBefore(paste, own.index, new Set([own.index]), known)) {
          unyielded = best;
          best *= WRAPPER_YIELD;
        }
      }
      // A head that announces a reason other than the record's (announced-reason.ts).
      const headOnly = bestLine !== null && !byWhole && reasonMissing(vocabulary.variantsOf(r)[0]!, bestLine, paste.lines);
      if (headOnly) best *= REASON_MISSING;
      // A status constant alone (`"status": "PERMISSION_DENIED",`) names a class of errors.
      const statusOnly = bestLine !== null && !byWhole && STATUS_FIELD.test(bestLine.text);
      if (statusOnly) best *= STATUS_FIELD_ONLY;
      // The record's pattern, proven on its other wordings, did not match the paste: its words alone
      // say less (PATTERN_MISSED). Not on a line in CJK script: the pattern was proven on the
      // wordings the record holds, and a tool's translated message is rarely one of them.
      const missed = bestLine !== null && proven.has(r) && !hasCjk(bestLine.text);
      if (missed) best *= PATTERN_MISSED;
      // The line shows another service's port than the one the signature is about.
      const portElsewhere = bestLine !== null && !byWhole && showsOtherPort(bestLine.text, portsOf(r));
      if (portElsewhere) best *= PORT_ELSEWHERE;
      if (best > bestSoFar) bestSoFar = best;
      const inside = whole.inside && whole.inside.score > best ? { wholeInside: { score: whole.inside.score, index: whole.inside.line.index } } : {};
      if (bestLine) scored.push({ ...(unyielded === undefined ? {} : { unyielded }), ...(byWhole ? { whole: true } : {}), ...inside, r, score: best, evidence: 'similarity', lines: [{ index: bestLine.index, text: bestLine.text, start: -1, end: -1 }], spec: 0, why: explain ? { regex: 0, sim: similarity.simOf(r, bestLine), lw: paste.lineWeight(bestLine), err: bestLine.err, recallAll: similarity.recallCeiling(r), ctxR: similarity.contextRecall(r), naming: naming ? 1 : 0, message, whole: whole.score, wholeSpec: whole.spec, ...(templated ? { template: 1 } : {}), ...(cutShort ? { cut: 1 } : {}), ...(missed ? { patternMissed: PATTERN_MISSED } : {}), ...(portElsewhere ? { portElsewhere: PORT_ELSEWHERE } : {}), ...(statusOnly ? { statusOnly: STATUS_FIELD_ONLY } : {}), ...(headOnly ? { reasonMissing: REASON_MISSING } : {}) } : undefined });
    }
  }
  return scored;
}
