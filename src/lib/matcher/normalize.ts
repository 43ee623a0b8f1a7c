/**
 * Normalisation of a paste: whatever a terminal, CI job or log viewer showed, turned into clean lines
 * the matcher can reason about. This module runs the steps; each kind of knowledge has its own:
 *
 * - ANSI escape codes (colours, cursor moves, OSC hyperlinks; also their visible `[31m` remains),
 *   CRLF and progress-bar carriage returns (here); full-width punctuation of Chinese-locale output
 *   folded to ASCII (full-width.ts); what a page, a quote or a gutter added on the way (transport.ts).
 * - JSON and logfmt records give their message-like fields, and an error level or a key naming an
 *   error makes them error lines; JSON-escaped text is unescaped (structured-logs.ts).
 * - Log prefixes (timestamps, CI annotations, compose and kubectl prefixes) are removed from every
 *   line, and levels and tool prefixes from the `core` form only (line-prefixes.ts).
 * - Stack frames are marked (errorness.ts); only the first frames of a run are kept, so a long trace
 *   cannot drown the error line (here).
 *
 * Each kept line carries an "errorness" weight: how much it looks like the line that names the error.
 */
import { errorness, isStackFrame, LEVEL_SHARE } from './errorness.ts';
import { foldFullWidthForms, foldQuotes, hasTypographicQuotes } from './full-width.ts';
import { afterProgram, stripLevelPrefixes, stripNoisePrefixes, withoutProgramOnContinuation } from './line-prefixes.ts';
import { splitLogcat } from './logcat.ts';
import { probe } from './probe.ts';
import { isSourceCode } from './source-code.ts';
import { expandJson } from './structured-logs.ts';
import { unwrapTransport } from './transport.ts';

export interface PreparedLine {
  /** Index among the kept lines. */
  index: number;
  /** The line as shown to the user (ANSI and carriers' additions removed, JSON unescaped, timestamps and CI prefixes removed). */
  text: string;
  /** `text` without level words and tool prefixes: what the message itself says. */
  core: string;
  /** Lower-cased `text`. */
  lower: string;
  /** 0..1: how much the line looks like an error line. */
  err: number;
  /** A stack frame (kept only at the head of a run). */
  frame: boolean;
  /** A command being run (`$ kubectl get events`, a CI step's `Run …`): see PROMPT and STEP_RUN. */
  command: boolean;
  /** A statement of program source pasted with the error (source-code.ts): not an error line. */
  code: boolean;
  /** Indented as printed (after the log's prefixes): an item under the line before, or a frame. */
  indented: boolean;
  /**
   * The JSON object this line's message was read from, as printed, when the object's message fields
   * replaced it (on the first of them): record patterns that spell the object's keys
   * (`"response_flags":"UF"`) are tried on it (printed-objects.ts).
   */
  printed?: string;
}

export interface NormalizeOptions {
  /** Frames kept at the start of each run of stack frames (default 2). */
  framesKept?: number;
  /** Lines beyond this are dropped, keeping the head and the most error-like lines (default 5000). */
  maxLines?: number;
  /** Gives a line back as printed where only the records' words can tell what changed it (ocr-repair.ts). */
  repair?: (line: string) => string;
}

const ANSI_RE = /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]/g;
/**
 * SGR remains whose ESC byte was lost on the way (copying from some web log viewers), or shown as
 * `^[` (`cat -v`). The codes logs colour with (reset, bold, dim, underline, the colours, or several)
 * anywhere; another number only before a non-space (`retry in [5m 30s]` is a duration); `[m` alone
 * only when no word follows, so that `[main]` (a thread name) survives.
 */
const BARE_SGR_RE = /(?:\^\[)?\[(?:(?:0|1|2|4|22|39|49|3[0-7]|4[0-7]|9[0-7]|10[0-7])(?:;\d{1,3})*m|\d{1,3}(?:;\d{1,3})*m(?=\S|$)|m(?![\w\]])|0?K)/gm;

export function stripAnsi(text: string): string {
  const withoutEscapes = text.includes('\x1b') || text.includes('\x9b') ? text.replace(ANSI_RE, '') : text;
  return withoutEscapes.includes('[') ? withoutEscapes.replace(BARE_SGR_RE, '') : withoutEscapes;
}
/**
 * Split a paste into raw lines: ANSI removed, CRLF and progress-bar CRs resolved, what its transport
 * added taken off (transport.ts).
 */
function rawLines(text: string): string[] {
  const plain = foldFullWidthForms(stripAnsi(text));
  if (!plain.includes('\r')) return unwrapTransport(plain.split('\n'), plain);
  const out: string[] = [];
  for (const line of plain.split('\n')) {
    const cr = line.endsWith('\r') ? line.slice(0, -1) : line;
    const last = cr.lastIndexOf('\r');
    out.push(last >= 0 && last < cr.length - 1 ? cr.slice(last + 1) : cr);
  }
  return unwrapTransport(out, plain);
}
/**
 * A command being run, as pasted: a shell prompt (`$ kubectl get events`, `deploy@web-02:/srv/app$ …`,
 * `(.venv) $ …`, `PS C:\app> …`) or, once CI prefixes are gone, a GitHub Actions step (`Run kubectl …`).
 */
const PROMPT = /^\s*(?:\(\S+\)\s+)?(?:[\w.-]+@[\w.-]+(?::\S*)?)?\$\s+\S|^\s*PS [^>]{1,200}>\s*\S/;
const STEP_RUN = /^Run \S/;

const SPACE_RUN = / {2,}/g;
/**
 * A CI annotation's warning level (GitHub Actions' `##[warning]`, `::warning file=…::`, after the
 * runner's timestamp): removed with the prefixes, it still marks the line a warning, as `WARNING:`
 * does. The runner's warning that its disk is nearly full is a record's message with no error word.
 */
const WARNING_ANNOTATION = /^(?:\S+\s+)?(?:##\[warning\]|::warning[\s:])/i;

/** Python's `File "…", line N` frame. */
const PYTHON_FRAME = /^\s*File\s+"/;
/**
 * The line that ends a Python traceback: the exception's (dotted) class name, alone or before `: `.
 * Python prints the exception after its frames, and not every class name says it is an error
 * (`django.core.exceptions.ImproperlyConfigured: …`, `kafka.errors.NoBrokersAvailable`, `StopIteration`).
 */
const PYTHON_EXCEPTION_LINE = /^(?:[A-Za-z_]\w*\.)*[A-Z][a-z]\w*(?::\s|:?$)/;
/**
 * A statement as a frame shows it: a call, an assignment, an index, or a statement's keyword. Only
 * read so where a prefix took the source line's indentation.
 */
const PYTHON_SOURCE = /[(=\[]|^(?:raise|return|assert|await|yield|import|from|del)\b/;
/** Python 3.11's marks under the part of a source line that failed. */
const CARETS = /^[~^]+$/;
/** A class name opening a line, private ones too (grpcio's `grpc._channel._InactiveRpcError: <…`). */
const LEADING_CLASS = /^(?:[A-Za-z_]\w*\.)*_?[A-Z]\w*(?::\s|:?$)/;
/** Its errorness: what a line opening with `SomeError: ` gets (an error word and a leading class). */
const TRACEBACK_EXCEPTION_ERR = 0.9;

/** An `at …` frame: Java, Kotlin, C#, Node.js and browsers print the exception's message right above the first. */
const AT_FRAME = /^\s*at\s/;
/** What the line right above such frames counts as at least: an error line (an error word's share). */
const MESSAGE_ABOVE_FRAMES_ERR = 0.6;

/**
 * The line right above a run of `at …` frames is the end of the exception's message, whatever its
 * words: `Prisma needs to perform transactions, which requires your MongoDB server to be run as a
 * replica set.` names no error sign, and without one it was not compared at all.
 */
function markMessageBeforeFrames(lines: Line[], frame: string): void {
  const last = lines[lines.length - 1];
  if (!last || last.frame || last.command || last.code || last.err >= MESSAGE_ABOVE_FRAMES_ERR || !AT_FRAME.test(frame)) return;
  lines[lines.length - 1] = new Line(last.index, last.text, last.lower, MESSAGE_ABOVE_FRAMES_ERR, false, false, false, last.indented, last.printed);
}

/** Of a paste longer than `maxLines`, the first and last lines always kept (the command, the summary). */
const LONG_PASTE_HEAD = 200;
const LONG_PASTE_TAIL = 1000;
/** Lines kept before and after each error line picked from the middle of a long paste. */
const LONG_PASTE_BEFORE = 2;
const LONG_PASTE_AFTER = 4;

/** An ASCII quote as a structured record opens a value with it: `msg="`, `"key": "`, a JSON string's first. */
const DELIMITING_QUOTE = /(?:^\s*|[=:[,{]\s*)"/;

/**
 * A raw line's structured record read (expandJson). Its typographic quotes are folded first, unless
 * the record's own quotes are ASCII: then they are data inside its values (a JSON log keeps macOS's
 * `x509: “api.corp” certificate is not trusted` as it is, and folded early it would end the string),
 * folded once read. A chat or a word processor curls every quote of a line, the record's too.
 */
function readStructured(raw: string): ReturnType<typeof expandJson> {
  if (!hasTypographicQuotes(raw)) return expandJson(raw);
  return expandJson(DELIMITING_QUOTE.test(raw) ? raw : foldQuotes(raw));
}

/**
 * A syslog program (`app[2841]: `) on a line after its first: journald and syslog prefix every line
 * of a program's output, and there it is the carrier's, not the message's. The first line keeps it
 * (it names the tool); on the others its words only thinned the message (`app[2841]: Exception in
 * thread "main" java.lang.NoClassDefFoundError: …` lost to the `Caused by:` below it).
 */
function withoutRepeatedProgram(line: string, seen: Set<string>): string {
  const rest = afterProgram(line);
  if (rest === line) return line;
  const program = line.slice(0, line.length - rest.length);
  if (seen.has(program)) return rest;
  seen.add(program);
  return line;
}

export function normalizePaste(text: string, options: NormalizeOptions = {}): PreparedLine[] {
  const framesKept = options.framesKept ?? 2;
  const maxLines = options.maxLines ?? 5000;
  const lines: Line[] = [];
  let frameRun = 0;
  let pythonFrames = false;
  // How far the last frame is indented: Python indents a frame's source line further than the frame.
  let frameIndent = 0;
  // The line read right after a frame (its source line, when Python shows one).
  let lineAfterFrame = false;
  const repair = options.repair;
  const programs = new Set<string>();
  for (const read of rawLines(text)) {
    const raw = repair ? repair(read) : read;
    const { lines: expandedLines, errorLevel, errorValues, printed } = readStructured(raw);
    // The object as printed goes with the first line kept of those read from it.
    let printedPending = printed;
    for (const value of expandedLines) {
      const json = foldQuotes(value);
      const logcat = splitLogcat(json);
      const expanded = logcat ? logcat.message : json;
      // A structured record's error level, a key naming an error (`"error": "…"`) and logcat's
      // error priority count as a level word printed on the line would.
      const marks = (errorLevel || logcat?.error ? 1 : 0) + (errorValues?.has(value) ? 1 : 0);
      const cleaned = withoutRepeatedProgram(withoutProgramOnContinuation(stripNoisePrefixes((expanded.includes('\t') ? expanded.replace(/\t/g, '  ') : expanded).trimEnd())), programs);
      // Runs of spaces inside a line as one: tools pad for alignment (PHP's `PHP Warning:  Undefined
      // variable`, columns), and patterns and signatures are written with one.
      const trimmed = cleaned.includes('  ') ? cleaned.trim().replace(SPACE_RUN, ' ') : cleaned.trim();
      if (trimmed === '') {
        lineAfterFrame = false;
        continue;
      }
      const frame = isStackFrame(cleaned);
      let endsTraceback = false;
      if (frame) {
        lineAfterFrame = true;
        frameRun++;
        pythonFrames = PYTHON_FRAME.test(cleaned);
        frameIndent = indentOf(cleaned);
        if (frameRun === 1) markMessageBeforeFrames(lines, cleaned);
        if (frameRun > framesKept) continue;
      } else {
        // A Python source line shown under a `File "…", line N` frame is part of the frame. It is
        // indented further than the frame (the exception's own line is not: a traceback indented
        // whole, in a dashboard or under a heading, has it two spaces in), unless a log's prefix
        // took the indentation with it (Cloud Run's `… CET    File`); then it is the line right
        // after the frame, when that reads as a statement and not as a class name (the exception's
        // own line), and the carets under it.
        const underFrame = frameRun > 0 && lines.length > 0 && PYTHON_FRAME.test(lines[lines.length - 1]!.text);
        const firstUnder = lineAfterFrame;
        lineAfterFrame = false;
        if (underFrame && ((/^\s{2,}\S/.test(cleaned) && indentOf(cleaned) > frameIndent) || (firstUnder && PYTHON_SOURCE.test(trimmed) && !LEADING_CLASS.test(trimmed)) || CARETS.test(trimmed))) continue;
        if (frameRun > framesKept && /^\s{4,}\S/.test(cleaned)) continue;
        endsTraceback = frameRun > 0 && pythonFrames && PYTHON_EXCEPTION_LINE.test(probe(trimmed));
        frameRun = 0;
      }
      // (The prompt is among the prefixes stripped above, so it is looked for in the line as pasted.)
      const command = !frame && (PROMPT.test(probe(expanded)) || STEP_RUN.test(trimmed));
      const code = !frame && !command && marks === 0 && isSourceCode(trimmed);
      let err = frame || code ? 0 : marks > 0 ? Math.min(1, errorness(trimmed) + marks * LEVEL_SHARE) : errorness(trimmed);
      if (endsTraceback && err < TRACEBACK_EXCEPTION_ERR) err = TRACEBACK_EXCEPTION_ERR;
      if (err === 0 && !frame && !code && (expanded.includes('#[') || expanded.includes('::')) && WARNING_ANNOTATION.test(expanded)) err = LEVEL_SHARE;
      lines.push(new Line(lines.length, trimmed, trimmed.toLowerCase(), err, frame, command, code, cleaned.charCodeAt(0) === 32, printedPending));
      printedPending = undefined;
    }
  }
  if (lines.length <= maxLines) return lines;
  // Very long pastes: keep the head, the tail and, from anywhere in between, the most error-like
  // lines (most error-like first, earlier first among equals), in paste order.
  const keep = new Set<number>();
  for (let k = 0; k < Math.min(LONG_PASTE_HEAD, maxLines); k++) keep.add(k);
  for (let k = Math.max(0, lines.length - LONG_PASTE_TAIL); k < lines.length && keep.size < maxLines; k++) keep.add(k);
  // Each error line comes with the lines around it: a message is often printed over several lines
  // (gRPC's `status = …` / `details = "…"`, a cause under its exception) whose other lines carry no
  // error word of their own.
  const errorLines = lines.filter((line) => line.err > 0 && !keep.has(line.index)).sort((a, b) => b.err - a.err || a.index - b.index);
  for (const line of errorLines) {
    const last = Math.min(lines.length - 1, line.index + LONG_PASTE_AFTER);
    for (let k = Math.max(0, line.index - LONG_PASTE_BEFORE); k <= last && keep.size < maxLines; k++) keep.add(k);
    if (keep.size >= maxLines) break;
  }
  return [...keep]
    .sort((a, b) => a - b)
    .map((k, index) => {
      const line = lines[k]!;
      return new Line(index, line.text, line.lower, line.err, line.frame, line.command, line.code, line.indented, line.printed);
    });
}

/** A prepared line whose `core` is worked out when first read: the matcher needs it on few lines. */
class Line implements PreparedLine {
  readonly index: number;
  readonly text: string;
  readonly lower: string;
  readonly err: number;
  readonly frame: boolean;
  readonly command: boolean;
  readonly code: boolean;
  readonly indented: boolean;
  readonly printed?: string;
  #core: string | undefined;

  constructor(index: number, text: string, lower: string, err: number, frame: boolean, command: boolean, code: boolean, indented: boolean, printed?: string) {
    this.index = index;
    this.text = text;
    this.lower = lower;
    this.err = err;
    this.frame = frame;
    this.command = command;
    this.code = code;
    this.indented = indented;
    if (printed !== undefined) this.printed = printed;
  }

  get core(): string {
    return (this.#core ??= stripLevelPrefixes(this.text));
  }
}

/** The number of spaces a line starts with. */
function indentOf(line: string): number {
  let n = 0;
  while (n < line.length && line.charCodeAt(n) === 32) n++;
  return n;
}
