/**
 * A normalised paste as the ranking steps read it: its most error-like lines (compared by wording,
 * and the first lines of blocks), blocks of lines (one message printed over several lines), and how
 * much each line weighs by how error-like it is.
 */
import { errorness } from './errorness.ts';
import { CAUSED_BY } from './line-prefixes.ts';
import type { PreparedLine } from './normalize.ts';
import { isStopword } from './tokens.ts';
import { BLOCK_LINES, CAUSE_FRAMES, CODE_LINE_WEIGHT, LINES_BEFORE_ERROR, PERSON_SENTENCE_WORDS, PERSON_STOPWORD_SHARE, PROSE_MIN_WORDS, PROSE_STOPWORD_SHARE, LINE_WEIGHT_BY_ERR, LINE_WEIGHT_FLOOR, PERSON_LINE_WORDS, QUERY_MAX_WORDS, QUERY_MIN_WORDS, SIMILARITY_LINES } from './tuning.ts';

export interface Paste {
  lines: PreparedLine[];
  /** More than one line: blocks and line weights apply. */
  multi: boolean;
  /**
   * No line shows an error sign, except lines that ask a question (their error words, `can't`,
   * `missing`, are the writer's own): prose (a question, a description), not a tool's output. Nor
   * is any line a command at a prompt: what follows one is the command's output. A search query
   * (isQuery) is prose too.
   */
  prose: boolean;
  /** The lines, lower-cased, joined by `\n` (what the prefilter scans). */
  hay: string;
  /**
   * The most error-like lines, most error-like first, then, while there is room, the lines without
   * an error sign right after them (at most SIMILARITY_LINES in all). Without any error sign: the
   * first and last lines (see headAndTail).
   */
  simLines: PreparedLine[];
  /** 1 where a block starts: an error-like similarity line followed by error-looking lines. Empty for one line. */
  isBlockStart: Uint8Array;
  /** The last line of the block that starts at line `s`. */
  blockEnd(s: number): number;
  /** The block that starts at line `s`, lower-cased and joined by `\n`. */
  blockLower(s: number): string;
  /** How much a hit or a similarity on this line weighs, in [LINE_WEIGHT_FLOOR, 1]. */
  lineWeight(line: PreparedLine): number;
  /**
   * Whether a line after `from`, up to `to`, starts a look back at what came before: a command run
   * after a failure (normalize.ts, PreparedLine.command: a diagnostic shows what caused it), or
   * `kubectl describe`'s `Last State:` (why the container last stopped, under its current state).
   */
  lookBackBetween(from: number, to: number): boolean;
}

export function readPaste(lines: PreparedLine[]): Paste {
  const multi = lines.length > 1;
  const maxErr = lines.reduce((m, l) => Math.max(m, l.err), 0);
  // (Source code pasted with the error is no message of it: source-code.ts.)
  const simLines = maxErr === 0 ? headAndTail(lines.filter((l) => !l.frame && !l.code), SIMILARITY_LINES) : mostErrorLike(lines);
  // Lines without an error sign right after an error line (up to BLOCK_LINES of them, not past a
  // frame) are the rest of its message ("The following _TypeError was thrown building X:", then
  // "Null check operator used on a null value"): they are compared by wording too, on their own,
  // while there is room. They start no pattern block (those start at error lines only).
  if (maxErr > 0 && simLines.length < SIMILARITY_LINES) {
    const taken = new Set(simLines.map((l) => l.index));
    const errorIndexes = [...taken].sort((a, b) => a - b);
    for (const e of errorIndexes) {
      for (let k = e + 1; k <= e + BLOCK_LINES && k < lines.length && simLines.length < SIMILARITY_LINES; k++) {
        const l = lines[k]!;
        if (l.frame) break;
        if (taken.has(k) || l.code || l.text.trim() === '') continue;
        taken.add(k);
        simLines.push(l);
      }
    }
    // Then, while there is still room, the lines right before each error line (nearest first): a CI
    // job's closing error ("ERROR: Job failed: … exit code 1") follows what the failing command
    // printed, often with no error sign (ssh's `WARNING: UNPROTECTED PRIVATE KEY FILE!` banner).
    // Without an error sign such a line weighs LINE_WEIGHT_FLOOR, so only a near-exact wording answers.
    for (const e of errorIndexes) {
      for (let k = e - 1; k >= e - LINES_BEFORE_ERROR && k >= 0 && simLines.length < SIMILARITY_LINES; k--) {
        const l = lines[k]!;
        if (l.frame || l.err > 0) break;
        if (taken.has(k) || l.code || l.text.trim() === '') continue;
        taken.add(k);
        simLines.push(l);
      }
    }
  }
  // Blocks: an error line and up to BLOCK_LINES error-looking lines right after it (one message
  // printed over several lines, such as npm's `npm error …` report), read as one text. An exception's
  // cause printed after its frames (`Caused by: …`) continues the block, frames and all; so do the
  // indented lines under a line ending with a colon, error sign or not: its fields (Xcode's "The
  // following build commands failed:" and the failed step's name under it; grpcio's `status = …` and
  // `details = …` under `… terminated with:`).
  const isField = (k: number) => {
    if (!lines[k]!.indented) return false;
    let head = k - 1;
    while (head >= 0 && k - head <= BLOCK_LINES && lines[head]!.indented && !lines[head]!.frame && !lines[head]!.text.endsWith(':')) head--;
    return head >= 0 && !lines[head]!.frame && lines[head]!.text.endsWith(':');
  };
  const blockEnd = (s: number) => {
    let e = s;
    for (let taken = 0; taken < BLOCK_LINES; taken++) {
      const next = e + 1;
      if (next >= lines.length) break;
      if (lines[next]!.frame) {
        const cause = causeAfter(lines, next);
        if (cause < 0) break;
        e = cause;
      } else if ((lines[next]!.err > 0 || isField(next)) && !EXIT_STATUS.test(lines[next]!.text)) e = next;
      else break;
    }
    return e;
  };
  const isBlockStart = new Uint8Array(multi ? lines.length : 0);
  if (multi) for (const l of simLines) if ((maxErr === 0 || l.err > 0) && blockEnd(l.index) > l.index) isBlockStart[l.index] = 1;
  const blockLowerCache = new Map<number, string>();
  const blockLower = (s: number) => {
    let t = blockLowerCache.get(s);
    if (t === undefined) blockLowerCache.set(s, (t = lines.slice(s, blockEnd(s) + 1).map((l) => l.lower).join('\n')));
    return t;
  };
  return {
    lines,
    multi,
    prose: (lines.every((l) => !l.command && (l.err === 0 || QUESTION.test(l.lower) || personSays(l.lower))) && isProse(lines)) || isQuery(lines),
    hay: lines.map((l) => l.lower).join('\n'),
    simLines,
    isBlockStart,
    blockEnd,
    blockLower,
    lineWeight: (line) => (!multi ? 1 : line.code ? CODE_LINE_WEIGHT : maxErr > 0 ? LINE_WEIGHT_FLOOR + (LINE_WEIGHT_BY_ERR * line.err) / maxErr : 1),
    lookBackBetween: (from, to) => {
      for (let k = from + 1; k <= to && k < lines.length; k++) if (lines[k]!.command || LAST_STATE.test(lines[k]!.text)) return true;
      return false;
    },
  };
}

/** `kubectl describe pod`'s account of a container's previous termination. */
const LAST_STATE = /^\s*Last State:/;

/**
 * At most `n` of `lines`: all when they fit, else the first and the last n/2. Without an error sign
 * these are what the paste is compared on by wording, and a log runs in time order: its outcome
 * comes last (`curl -v` prints the response body, `no healthy upstream`, after 28 lines of handshake
 * and headers), while the first lines say what was run or asked.
 */
function headAndTail(lines: PreparedLine[], n: number): PreparedLine[] {
  if (lines.length <= n) return lines;
  const head = n >> 1;
  return [...lines.slice(0, head), ...lines.slice(lines.length - (n - head))];
}

/**
 * A line that asks a question in words: ends in a word and `?` (`Why do I get different numbers every
 * run?`), not in a tool's prompt of choices (`(yes/no/[fingerprint])?`, `[Y/n]?`).
 */
const QUESTION = /[a-z]\?\s*$/;

/**
 * A question that makes a paste a person's (isProse), not a tool's message that ends in a question
 * of its own after stating an error: GitHub's `Can't find 'action.yml' … under '…'. Did you forget to
 * run actions/checkout before running your local action?`, Maven's `The forked VM terminated without
 * properly saying goodbye. VM crash or System.exit called?`. After a sentence with an error sign, the
 * question must hold one too (`… fails. Why is access denied?`).
 */
export function asksQuestion(lower: string): boolean {
  if (!QUESTION.test(lower)) return false;
  const lastStop = lower.lastIndexOf('. ');
  return lastStop < 0 || errorness(lower.slice(0, lastStop)) === 0 || errorness(lower.slice(lastStop + 2)) > 0;
}

/** The first person: a person writing about what happened to them, which tools rarely say. */
export const FIRST_PERSON = /\b(?:i|i'm|i've|me|my|we|we're|our|us)\b/;

/**
 * A person's sentence about an error (`golang program crashes saying every goroutine is asleep and
 * it's a deadlock, I just write to a channel in main`): their own words in the first person, at least
 * PERSON_SENTENCE_WORDS words, PERSON_STOPWORD_SHARE of them stopwords. Its error words do not make
 * it a tool's line: someone describing an error from memory words it among many others, as a question
 * does (isProse).
 */
function personSays(lower: string): boolean {
  if (!FIRST_PERSON.test(lower)) return false;
  const { words, stop } = wordCount(lower);
  return words >= PERSON_SENTENCE_WORDS && stop >= words * PERSON_STOPWORD_SHARE;
}

/** A line that is a question, or a person's sentence in the first person (personSays). */
export function readsAsPersons(lower: string): boolean {
  return asksQuestion(lower) || personSays(lower);
}

/** A sentence: PERSON_LINE_WORDS words or more, PROSE_STOPWORD_SHARE of them stopwords. */
export function readsAsSentence(lower: string): boolean {
  const { words, stop } = wordCount(lower);
  return words >= PERSON_LINE_WORDS && stop >= words * PROSE_STOPWORD_SHARE;
}

/** A line's words, and how many of them are stopwords. */
function wordCount(lower: string): { words: number; stop: number } {
  let words = 0;
  let stop = 0;
  for (const w of lower.match(/[a-z']+/g) ?? []) {
    words++;
    if (isStopword(w)) stop++;
  }
  return { words, stop };
}

/**
 * Whether lines read as sentences: at least PROSE_MIN_WORDS words, of which PROSE_STOPWORD_SHARE are
 * stopwords ("the", "I", "is", "to"), or a question among them. Tool output, even without an error
 * sign, has few stopwords (a boot log, a config dump); a short message may have a few (`"os" imported
 * and not used`), hence the length. A question asks about what is pasted with it: the output under
 * it (training-loss lines, a config) can bring the share of stopwords below that of sentences.
 */
function isProse(lines: readonly PreparedLine[]): boolean {
  let words = 0;
  let stop = 0;
  let question = false;
  for (const line of lines) {
    const count = wordCount(line.lower);
    words += count.words;
    stop += count.stop;
    if (!question && asksQuestion(line.lower)) question = true;
  }
  return words >= PROSE_MIN_WORDS && (question || stop >= words * PROSE_STOPWORD_SHARE);
}

/**
 * A line that reports a process's exit status (`Error: Process completed with exit code 1.`, `ERROR:
 * Job failed: exit code 1`, `make: *** [all] Error 2`, `… returned non-zero exit status 1`) reports on
 * the lines before it; it does not continue their message, so a block ends before it: a pattern's
 * wildcard ran from a Go package path (`internal/…`) to the CI job's closing `Error: …` line.
 */
const EXIT_STATUS = /\bexit(?:ed)?(?: with)?(?: code| status)\b|\bnon-zero exit\b|^make(?:\[\d+\])?: \*\*\*/i;

/**
 * The index of an exception's cause printed after the frames that start at `first` (at most
 * CAUSE_FRAMES of them, as normalisation leaves them), or -1.
 */
export function causeAfter(lines: readonly PreparedLine[], first: number): number {
  let k = first;
  while (k < lines.length && lines[k]!.frame && k - first < CAUSE_FRAMES) k++;
  return k < lines.length && !lines[k]!.frame && CAUSED_BY.test(lines[k]!.text) ? k : -1;
}

/** A line's text with its values masked (numbers, hex ids, quoted values): lines of one template share it. */
function shapeOf(text: string): string {
  return text.toLowerCase().replace(/"[^"]*"|'[^']*'/g, '""').replace(/[0-9a-f]{6,}|\d+/g, '#').replace(/\s+/g, ' ');
}

/**
 * The SIMILARITY_LINES most error-like lines, most error-like first. A template printed again and
 * again (a retry, a parse warning per event, a test report per class) is taken once before any
 * repeat: in a long log its repeats would fill the room and leave out the one line that stands out.
 */
function mostErrorLike(lines: PreparedLine[]): PreparedLine[] {
  const ranked = lines.filter((l) => !l.frame && l.err > 0).sort((a, b) => b.err - a.err || a.index - b.index);
  if (ranked.length <= SIMILARITY_LINES) return ranked;
  const seen = new Set<string>();
  const first: PreparedLine[] = [];
  const repeats: PreparedLine[] = [];
  for (const line of ranked) {
    const shape = shapeOf(line.text);
    if (seen.has(shape)) repeats.push(line);
    else {
      seen.add(shape);
      first.push(line);
      if (first.length === SIMILARITY_LINES) return first;
    }
  }
  return [...first, ...repeats].slice(0, SIMILARITY_LINES);
}

/**
 * A search query (`mysql 1205 lock wait timeout try restarting transaction laravel queue worker`):
 * one line of QUERY_MIN_WORDS to QUERY_MAX_WORDS words in lower case, without the punctuation a
 * tool's message has (`: ` after its program or level, quotes, brackets, commas, `=`). A person typed it,
 * with a fragment they remember among their own words: prose.
 */
function isQuery(lines: readonly PreparedLine[]): boolean {
  if (lines.length !== 1 || lines[0]!.command) return false;
  const text = lines[0]!.text;
  if (text !== text.toLowerCase() || /: |["'(),\[\]{}=]/.test(text)) return false;
  const { words } = wordCount(lines[0]!.lower);
  return words >= QUERY_MIN_WORDS && words <= QUERY_MAX_WORDS;
}
