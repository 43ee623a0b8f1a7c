/**
 * Normalisation of a paste: whatever a terminal, CI job or log viewer showed, turned into clean lines
 * the matcher can reason about.
 *
 * - ANSI escape codes (colours, cursor moves, OSC hyperlinks; also their visible `[31m` remains),
 *   CRLF and progress-bar carriage returns; full-width punctuation of Chinese-locale output folded to ASCII;
 *   what a page, a quote or a gutter added on the way (transport.ts).
 * - JSON: whole JSON log objects (`{"level":"error","msg":"..."}`) give their message-like fields,
 *   and an error level makes them error lines;
 *   JSON-escaped text (`\n`, `\"`, `\t` inside a line) is unescaped.
 * - Log prefixes: ISO / syslog / Go / time-only timestamps, CI annotations (`##[error]`, `::error::`,
 *   GitLab section markers), docker compose / kubectl prefixes (`web-1  | `, `[pod/x/c] `), and,
 *   for the `core` form only, levels and tool prefixes (`ERROR:`, `[error]`, `npm ERR!`, `E0102 …`,
 *   and Chinese-locale levels such as `错误:` and `详细信息:`).
 * - Stack frames (Java/Kotlin/C# `at …`, Python `File "…", line N` and its source line, Node `at …`,
 *   Go goroutine frames, Rust backtrace frames) are marked; only the first frames of a run are kept,
 *   so a long trace cannot drown the error line.
 *
 * Each kept line carries an "errorness" weight: how much it looks like the line that names the error.
 */
import { splitLogcat } from './logcat.ts';
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
/** SGR remains whose ESC byte was lost on the way (copying from some web log viewers). */
// `[m` alone only when no word follows, so that `[main]` (a thread name) survives.
const BARE_SGR_RE = /\[\d{1,3}(?:;\d{1,3})*m(?=\S|$)|\[m(?![\w\]])|\[0?K/g;

export function stripAnsi(text: string): string {
  const withoutEscapes = text.includes('\x1b') || text.includes('\x9b') ? text.replace(ANSI_RE, '') : text;
  return withoutEscapes.includes('[') ? withoutEscapes.replace(BARE_SGR_RE, '') : withoutEscapes;
}

/** Field names whose values carry the message in structured (JSON) logs, most telling first. */
const MESSAGE_KEYS = [
  'error', 'err', 'exception', 'message', 'msg', 'errorMessage', 'error_message', 'reason', 'detail',
  'stack', 'stack_trace', 'stacktrace', 'stackTrace', 'traceback', 'exc_info', 'exc_text', 'log', 'textPayload', 'description',
  '@message', 'body', 'cause', 'fault', 'errors', 'details', 'innererror', 'jsonPayload', 'event', 'data', 'summary', 'attr',
];

/**
 * Other keys that carry an error by their name: MongoDB's `errMsg`/`errName`, Elastic Common Schema's
 * dotted `error.message`/`error.type`/`error.stack_trace`, `exception.message`, `failureReason`.
 */
const ERROR_KEY = /^(?:err|error|exception)(?:[._]?[a-z]+)?$|[._](?:message|msg|reason|stack_?trace|type)$|(?:Message|Reason)$/i;
const MESSAGE_KEY_SET: ReadonlySet<string> = new Set(MESSAGE_KEYS);

/** Keys that name an error (`error`, `err`, `errMsg`, `error.message`, `exception`), not just a message. */
const ERROR_NAMED_KEY = /^(?:err|error|exception)(?![a-z])|^(?:err|error|exception)[A-Z._]/i;

/**
 * The message-like values of a structured record, into `out`; those under a key naming an error,
 * also into `errors` (the key says what the value is, as a level word would).
 */
function collectMessages(value: unknown, out: string[], depth: number, errors?: Set<string>, underError = false): void {
  if (depth > 4 || out.length > 20) return;
  if (typeof value === 'string') {
    if (value.trim() !== '') {
      out.push(value);
      if (underError) errors?.add(value);
    }
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 10)) collectMessages(item, out, depth + 1, errors, underError);
    return;
  }
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of MESSAGE_KEYS) if (key in obj) collectMessages(obj[key], out, depth + 1, errors, underError || ERROR_NAMED_KEY.test(key));
    for (const key of Object.keys(obj)) if (!MESSAGE_KEY_SET.has(key) && ERROR_KEY.test(key)) collectMessages(obj[key], out, depth + 1, errors, underError || ERROR_NAMED_KEY.test(key));
    // Under a key naming an error, the error's own name: Elasticsearch's `"type":
    // "index_not_found_exception"`, OpenAI's `"code": "context_length_exceeded"`, a serialized
    // exception's `"name": "MongoServerError"`. Outside one, `type` and `name` are anything.
    if (underError) {
      for (const key of ERROR_NAME_KEYS) {
        const name = obj[key];
        if (typeof name === 'string' && ERROR_NAME.test(name) && out.length <= 20) {
          out.push(name);
          errors?.add(name);
        }
      }
    }
  }
}

/** Keys of an error object that hold its name or code (see collectMessages). */
const ERROR_NAME_KEYS = ['type', 'code', 'name'];
/** An identifier, not a number or a sentence: `index_not_found_exception`, `ERR_INVALID_ARG`, `TypeError`. */
const ERROR_NAME = /^[A-Za-z][\w.:-]{2,80}$/;

/** A JSON log object on one line, parsed, else null. */
function jsonObjectOf(line: string): object | null {
  const start = line.indexOf('{');
  if (start < 0 || !line.trimEnd().endsWith('}')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.slice(start).trim());
  } catch {
    return null;
  }
  return parsed && typeof parsed === 'object' ? parsed : null;
}

/** A JSON log object on one line: its message-like fields, else null. */
export function messagesFromJsonLine(line: string): string[] | null {
  const parsed = jsonObjectOf(line);
  if (!parsed) return null;
  const out: string[] = [];
  collectMessages(parsed, out, 0);
  return out;
}

/**
 * journald's JSON export (`journalctl -o json`): its MESSAGE as the text form prints it, after the
 * program's name and pid (`systemd-journald[412]: Suppressed 18211 messages from myapp.service`):
 * the program is part of what the message says. Null for other objects.
 */
function journalLine(record: Record<string, unknown>): string | null {
  const message = record.MESSAGE;
  const program = record.SYSLOG_IDENTIFIER ?? record._COMM;
  if (typeof message !== 'string' || message.trim() === '' || typeof program !== 'string') return null;
  const pid = record._PID ?? record.SYSLOG_PID;
  return `${program}${typeof pid === 'string' || typeof pid === 'number' ? `[${pid}]` : ''}: ${message}`;
}

/** Level names that mark an error record in structured logs. */
const ERROR_LEVEL_NAME = /^(?:e|err|error|f|fatal|crit|critical|severe|panic|alert|emerg|emergency)$/i;
const LEVEL_KEYS = ['level', 'lvl', 'severity', 'levelname', 'loglevel', 'log_level', 'log.level', '@l', '@level'];

/**
 * Whether a structured log record says it is an error by its level: a level name (`"level":"ERROR"`,
 * `"severity":"CRITICAL"`, `level=error`), pino's and bunyan's numbers (50 error, 60 fatal) or
 * journald's syslog PRIORITY (0-3: emerg to err).
 */
export function isErrorLevel(record: Record<string, unknown>): boolean {
  for (const key of LEVEL_KEYS) {
    const v = record[key];
    if (typeof v === 'string' && ERROR_LEVEL_NAME.test(v.trim())) return true;
    if (key === 'level' && typeof v === 'number' && v >= 50) return true;
  }
  const priority = record.PRIORITY ?? record.priority;
  const p = typeof priority === 'string' && /^\d$/.test(priority) ? Number(priority) : priority;
  return typeof p === 'number' && p >= 0 && p <= 3;
}

/** Unescape JSON string escapes found inside a log line (`\n`, `\t`, `\"`, `\\`, `\u00e9`). */
export function unescapeJsonText(line: string): string {
  return line.replace(/\\(u[0-9a-fA-F]{4}|["\\/bfnrt])/g, (_m, esc: string) => {
    switch (esc[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '';
      case 'b':
      case 'f':
        return ' ';
      case 'u':
        return String.fromCharCode(parseInt(esc.slice(1), 16));
      default:
        return esc;
    }
  });
}

function looksJsonEscaped(line: string): boolean {
  // `\n` followed by something that is not a Windows path segment, an escaped quote, or `\t` not
  // followed by a lower-case letter (`C:\Users\tomas\code` is a path; an escaped stack trace's tab
  // comes after `\n`).
  return line.includes('\\') && /\\"|\\n(?:\s|\\t|at |File |Caused|Traceback|[A-Z]|$)|\\t(?![a-z])/.test(line);
}

// Prefixes removed from every line (they never belong to an error message).
const NOISE_PREFIXES: RegExp[] = [
  // syslog priority: "<3>Nov 20 10:00:01 host app[1]: "
  /^<\d{1,3}>/,
  // GitLab collapsible sections and the erase-line remains.
  /^section_(?:start|end):\d+:[\w.-]+(?:\[[^\]]*\])?\s*/,
  // kubectl logs --prefix: [pod/name/container]; and "pod/name " (kubectl logs -l … or stern-like output)
  /^\[pod\/[^\]\s]+\]\s*/,
  /^pod\/[a-z0-9][a-z0-9.-]*(?:\/[a-z0-9][a-z0-9.-]*)?:?\s+(?=\S)/,
  // docker compose: "web-1  | " / "web_1 | "
  /^[a-z0-9][\w.-]{0,40}(?:[-_]\d+\s*|\s+)\|\s/i,
  // ISO 8601 timestamp, optionally bracketed (GitHub Actions raw logs, most JSON-less loggers).
  // (Zones by name as PostgreSQL and others print them: `2024-12-03 19:48:01.123 CST`.)
  /^\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:\s?(?:Z|[+-]\d{2}:?\d{2})|\s(?:UTC|GMT|CST|CDT|EST|EDT|MST|MDT|PST|PDT|JST|KST|HKT|SGT|IST|BST|CET|CEST|EET|EEST|MSK|AEST|AEDT|AWST)(?![A-Za-z]))?\]?:?\s*/,
  // A date without a time before a level or message: "2026-11-20 ERROR …"
  /^\[?\d{4}-\d{2}-\d{2}\]?:?\s+(?=\S)/,
  // Day-first or month-first dates with a time: "20/11/2026 10:00:01", "11-20-2026 10:00:01 PM"
  /^\[?\d{1,2}[\/.-]\d{1,2}[\/.-]\d{4}[ T,]+\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:\s?[AP]M)?\]?:?\s*/,
  // java.util.logging: "Nov 20, 2026 10:00:01 AM "
  /^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2}:\d{2}(?: [AP]M)?\s+/,
  // Apache httpd: "[Thu Nov 20 10:00:01.123456 2026] "
  /^\[(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2}(?:\.\d+)? \d{4}\]\s*/,
  // Container runtime (CRI) log lines after their timestamp: "stderr F "
  /^(?:stdout|stderr) [FP] /,
  // Heroku's log lines after their timestamp: the dyno or Heroku's own component ("app[web.1]: ",
  // "heroku[router]: "), not a program the error comes from.
  /^(?:app|heroku)\[[a-z][\w.-]*\]:\s/,
  // Go log / other slash dates: 2024/01/02 15:04:05(.000000)
  /^\[?\d{4}\/\d{2}\/\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?\]?\s*/,
  // syslog: "Mar  3 12:04:05 host prog[123]: ": the date and host; the program stays, as in
  // journald's JSON export (journalLine): it names the tool (the core form drops it, below).
  /^[A-Z][a-z]{2}\s+\d{1,2}\s\d{2}:\d{2}:\d{2}\s+\S+\s+(?=[^\s:]+(?:\[\d+\])?:\s)/,
  // Bare time of day, e.g. "12:04:05.123 " or "[12:04:05]" (a bracket is removed only with its
  // pair), or fastlane's "[12:04:05]: "
  /^(?:\[\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\]:?|\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?)\s+/,
  // xcpretty's and fastlane's step marker: "▸ Compiling …"
  /^▸ /,
  // Epoch seconds / millis at line start, e.g. Jenkins or journald short-unix, a CloudWatch export's
  // first column (milliseconds, then a tab)
  /^\[?\d{10}(?:\d{3})?(?:\.\d+)?\]?\s+/,
  // Loki's logcli (after the line's timestamp): the stream's labels, `{app="api", namespace="prod"} `
  /^\{[a-zA-Z_]\w*="[^"\n]*"(?:,\s*[a-zA-Z_]\w*="[^"\n]*")*\}\s+/,
  // GitHub Actions workflow commands and annotations.
  /^##\[(?:error|warning|notice|debug|group|endgroup|section|command)\]\s*/i,
  /^::(?:error|warning|notice|debug)(?:\s[^:]*)?::\s*/i,
  // CI runners' own step markers
  /^\$\s(?=\S)/,
];

/** A syslog line's program, as kept after the date and host: `sshd[812]`, `app[2211]`. */
const SYSLOG_PROGRAM_NAME = '[a-z][\\w.-]{0,40}\\[\\d+\\]';

// Prefixes removed for the core form: levels, loggers and tool banners.
const LEVEL_PREFIXES: RegExp[] = [
  /^npm (?:ERR!|error|warn|WARN|notice)\s*(?:code\s+)?/,
  /^yarn (?:error|warn)\s*/i,
  /^(?:pnpm|ERR_PNPM_[A-Z_]+)\s*/,
  // A syslog line's program (`sshd[812]: `, `kernel: `), kept in the text as the tool's own name.
  new RegExp(`^(?:${SYSLOG_PROGRAM_NAME}|kernel):\\s*`),
  /^\[?(?:ERROR|ERR|FATAL|CRITICAL|CRIT|SEVERE|WARN(?:ING)?|INFO|DEBUG|TRACE|NOTICE|ALERT|EMERG|PANIC)\]?(?:\s*[:|-]\s*|\s+)/i,
  /^(?:error|fatal|warning|panic)(?:\[[^\]]*\])?:\s*/i,
  // The same levels in a Chinese locale (PostgreSQL, git, Go): `错误:  `, `致命错误：`, `详细信息:`, `提示：`.
  /^(?:错误|致命错误|严重错误|警告|注意|提示|详细信息|语句|上下文|恐慌)\s*[:：]\s*/,
  // Python logging: "ERROR:root:" / "ERROR:app.module:"
  /^(?:ERROR|WARNING|CRITICAL|INFO|DEBUG):[\w.]+:\s*/,
  // glog / klog: "E0102 15:04:05.123456   12 file.go:33] "
  /^[EWIF]\d{4}\s+\d{2}:\d{2}:\d{2}\.\d+\s+\d+\s+[\w./-]+:\d+\]\s*/,
  // logback/spring: "12345 --- [main] o.s.b.Foo   : "
  /^\d+\s+---\s+\[[^\]]*\]\s+[\w.$\[\]-]+\s*:\s*/,
  /^\[[\w .:/#@-]{1,60}\]\s*/,
  // Airflow / Python "{module.py:12} "
  /^\{[\w.\/-]+:\d+\}\s*/,
  /^\w[\w.$-]{0,80}\s+-\s+(?=\S)/,
];

/** Long lines are only ever examined by their head (bounded work, whatever the paste). */
const PROBE = 2000;
const probe = (line: string) => (line.length > PROBE ? line.slice(0, PROBE) : line);

/**
 * One regular expression that matches wherever any of `patterns` does (and maybe elsewhere: it is
 * case-insensitive), so that a line none of them touches — most lines — costs one test, not one per
 * pattern. Built from the sources; none of the lists uses back-references or named groups.
 */
function anyOf(patterns: RegExp[], flags = 'i'): RegExp {
  return new RegExp(patterns.map((re) => `(?:${re.source})`).join('|'), flags);
}
const prechecks = new WeakMap<RegExp[], RegExp>();
const anyNoise = anyOf(NOISE_PREFIXES);

function stripRepeated(line: string, patterns: RegExp[]): string {
  if (line.length > 512) {
    const head = line.slice(0, 512);
    return line.slice(head.length - stripRepeated(head, patterns).length);
  }
  let precheck = prechecks.get(patterns);
  if (!precheck) prechecks.set(patterns, (precheck = anyOf(patterns)));
  let current = line;
  for (let round = 0; round < 6; round++) {
    if (!precheck.test(current)) break;
    let changed = false;
    for (const re of patterns) {
      const m = re.exec(current);
      if (m && m[0].length > 0 && m[0].length < current.length) {
        current = current.slice(m[0].length);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return current;
}

/** "[10:00:01 ERR] msg" / "[2026-11-20 10:00:01 WARN] msg" (Serilog and others): keep the level, drop the time. */
const BRACKETED_TIME_LEVEL = /^\[(?:\d{4}-\d{2}-\d{2}[T ])?\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?(?:\s?(?:Z|[+-]\d{2}:?\d{2}))?\s+([A-Za-z]{3,8})\]\s*/;

export function stripNoisePrefixes(line: string): string {
  const m = line.startsWith('[') ? BRACKETED_TIME_LEVEL.exec(line.length > 512 ? line.slice(0, 512) : line) : null;
  if (m && m[0].length < line.length) line = `${m[1]} ${line.slice(m[0].length)}`;
  const rest = stripRepeated(line, NOISE_PREFIXES);
  return onlyNoise(rest) ? '' : rest;
}

/** A prefix alone is short (an ISO timestamp with nanoseconds is 30 characters): longer lines are not looked at. */
const ONLY_NOISE_LONGEST = 48;

/**
 * A line that is nothing but a prefix (a CI runner's timestamp on an empty line, `##[endgroup]`, a
 * compose service's empty line) is an empty line: left as it is, it would stand between the lines
 * of one message as a line of its own.
 */
function onlyNoise(line: string): boolean {
  const text = line.trimEnd();
  if (text.length > ONLY_NOISE_LONGEST || !anyNoise.test(text)) return false;
  for (const re of NOISE_PREFIXES) if (re.exec(text)?.[0].trimEnd().length === text.length) return true;
  return false;
}

const SYSLOG_PROGRAM = new RegExp(`^${SYSLOG_PROGRAM_NAME}: ?`);

/** Java's `Caused by: …` and .NET's ` ---> System.X: …`: the cause of the exception printed above. */
export const CAUSED_BY = /^\s*(?:Caused by:|--->\s)/;

/**
 * A syslog line's program before an indented line, a stack frame or an exception's cause is
 * dropped: journald and syslog prefix every line of a multi-line message (`app[2211]:   at
 * com.acme.Api.handle(Api.java:41)`), and there the program hides the frame, the indentation and the
 * `Caused by:` that make the message's structure. Lines of a message of their own keep it (it names
 * the tool).
 */
function withoutProgramOnContinuation(line: string): string {
  const m = line.length > 0 && line.charCodeAt(0) >= 97 ? SYSLOG_PROGRAM.exec(line) : null;
  if (!m) return line;
  const rest = line.slice(m[0].length);
  return rest.charCodeAt(0) === 32 || isStackFrame(rest) || CAUSED_BY.test(rest) ? rest : line;
}

export function stripLevelPrefixes(line: string): string {
  return stripRepeated(line, LEVEL_PREFIXES);
}

const FRAME_RES: RegExp[] = [
  // Java / Kotlin / Scala, C# ("at X.Y() in file:line 3"), Node ("at fn (file:1:2)" / "at file:1:2")
  /^\s*at\s+\S.*(?:\(.*\)|:\d+(?::\d+)?\)?|\sin\s.+:line\s\d+)(?:\s*\{)?\s*$/,
  /^\s*at\s+[\w$.<>\[\]/]+\s*$/,
  /^\s*\.\.\.\s*\d+\s+(?:more|common frames omitted)\s*$/,
  // Python
  /^\s*File\s+"[^"]+",\s+line\s+\d+/,
  // Go: goroutine header, file frames (function frames: GO_FUNCTION_FRAME)
  /^goroutine\s+\d+\s+\[[^\]]*\]:\s*$/,
  /^\s+\/[^\s:]+\.go:\d+(?:\s+\+0x[0-9a-f]+)?\s*$/,
  /^\s*created by\s+\S+/,
  // Rust backtrace
  /^\s*\d+:\s+(?:0x[0-9a-f]+\s+-\s+)?[\w:<>_$.]+(?:::\w+)+/,
  /^\s+at\s+[^\s]+\.rs:\d+(?::\d+)?\s*$/,
  // PHP "#0 /path/file.php(12): fn()"
  /^#\d+\s+(?:\/|\{main\}|\[internal)/,
  // Ruby "from /path/file.rb:12:in `x'"
  /^\s*from\s+\S+:\d+:in\s/,
];

/**
 * Go function frames: `main.(*Server).Serve(0xc000123, …)`. Kept apart because trying it backtracks
 * over every dotted name (`java.lang.IllegalStateException: …`), and only a line ending in `)` can match.
 * Their arguments hold no colon: a compiler's `HudController.cs(14,12): error CS0246: … reference?)`
 * also ends in `)` and was read as a frame (and so never matched) before.
 */
const GO_FUNCTION_FRAME = /^\s*[\w./*()-]+\.[\w*().-]+\([^:]*\)\s*$/;

/** All other frame patterns at once (none has flags): matches exactly where one of them does. */
const ANY_FRAME = anyOf(FRAME_RES, '');

export function isStackFrame(line: string): boolean {
  const head = probe(line);
  return ANY_FRAME.test(head) || (head.trimEnd().endsWith(')') && GO_FUNCTION_FRAME.test(head));
}

const ERROR_WORDS =
  /\b(?:error|errors|exception|fatal|failed|failure|fails|panic|panicked|traceback|denied|refused|cannot|can't|could not|couldn't|unable|invalid|not found|no such|timed? ?out|timeout|abort(?:ed)?|errno|segmentation fault|killed|undefined|unexpected|missing|exceeded|unavailable|forbidden|unauthori[sz]ed|conflict|deadlock|violation|rejected|too many|out of memory|oom|not allowed|unsupported|mismatch|incompatible|unresolved|unknown|illegal|corrupt(?:ed)?|crash(?:ed)?|too large|bad request|bad gateway|unprocessable|not recognized|unbound variable|ERR_[A-Z_]+)\b|\b[A-Za-z]\w{0,60}(?:Error|Exception|Fault)\b/i;
/**
 * Error codes, in capitals only: errno names (`EACCES`, `ECONNREFUSED`), compiler and tool codes
 * (`TS2304`, `CS1002`, `E0425`), and status names joined by `_` (`PERMISSION_DENIED`,
 * `DEADLINE_EXCEEDED`, `ALLOCATION_FAILED`: the `_` hides the error word from `\b`), with the rest of
 * gRPC's and the brokers' status names (`NOT_FOUND`, `ALREADY_EXISTS`, `FAILED_PRECONDITION`,
 * `UNAUTHENTICATED`: RabbitMQ's `NOT_FOUND - no queue 'x'` has no other error sign).
 * Case-insensitively these would be ordinary words ("every", "else").
 */
const ERROR_CODES = /\b(?:E[A-Z]{3,}|[A-Z]{2,}\d{3,}|E\d{4}|[A-Z][A-Z_]*_(?:FAILED|FAILURE|ERROR|DENIED|EXCEEDED|EXHAUSTED|TIMEOUT|REFUSED|INVALID|UNAVAILABLE|FOUND|EXISTS)|(?:INVALID|FAILED)_[A-Z_]+|UNAUTHENTICATED|UNIMPLEMENTED|OUT_OF_RANGE|DATA_LOSS)\b/;
/**
 * Reasons written as one CamelCase word, in capitals as printed (Kubernetes events and statuses:
 * `FailedScheduling`, `FailedMount`, `CrashLoopBackOff`, `OOMKilled`, `Evicted`): the line is an error
 * line though no error word stands alone in it.
 */
const ERROR_REASONS = /\b(?:Failed[A-Z]\w*|\w*BackOff|OOMKilled|Evicted|Unhealthy|ErrImagePull)\b/;
/**
 * A row of `kubectl get pods` whose pod has none of its containers ready (`0/1`) and has not
 * completed: `pg-0   0/1   ContainerCreating   0   27m`, `api-1   0/1   Pending   0   14m`. The status
 * says the pod is stuck, though no error word stands in the row.
 */
const POD_NOT_READY = /^\S+\s+0\/[1-9]\d*\s+(?!Completed\b)[A-Z][\w:./-]*\s+\d+(?:\s+\(|\s+\d|\s*$)/;
/**
 * An access log's request answered with a server error (nginx, Envoy, Apache: `"GET /items HTTP/1.1"
 * 503 UH …`): the status is the line's error sign, though no error word stands in it.
 */
const SERVER_ERROR_STATUS = /"[A-Z]{3,7} \S+ HTTP\/[\d.]+" 5\d\d\b/;
/**
 * A gRPC status other than OK named as a call's code, as grpcurl, Go and .NET print it (`Code:
 * Unimplemented`, `code = Unavailable`, `StatusCode="DeadlineExceeded"`): the status is the line's
 * error sign, though in CamelCase it is neither an error word nor a code in capitals.
 */
const GRPC_STATUS = /\b(?:[Cc]ode|[Ss]tatus(?:Code)?)\s*[:=]\s*"?(?:Cancell?ed|Unknown|InvalidArgument|DeadlineExceeded|NotFound|AlreadyExists|PermissionDenied|ResourceExhausted|FailedPrecondition|Aborted|OutOfRange|Unimplemented|Internal|Unavailable|DataLoss|Unauthenticated)\b/;
const LEVEL_ERROR = /^(?:\S+\s+)?\[?(?:ERROR|ERR!?|FATAL|CRITICAL|SEVERE|PANIC|E)\]?[\s:|]/;
/**
 * A line after `> ` is a command echoed (npm's `> app@1.0.0 build`, `> tsc -p .`) unless it starts like a
 * sentence: Gradle prints an error's causes under `* What went wrong:` as `> Could not resolve all
 * files for configuration …`, and a quoted message starts with its capital too.
 */
const ECHOED_COMMAND = /^\s*>\s(?![A-Z])/;
const BENIGN = /^(?:\s*(?:\+|\$|#)\s|\s*(?:Downloading|Collecting|Installing|Requirement already|Step \d+\/\d+|Running|Pulling|Successfully|Using cache|Fetching|Resolving|Compiling|Building|Finished|added \d+ packages|Digest:|Status:|Cloning|Checking out))/i;

/** The same signs in a Chinese locale (no word boundaries there): what git, glibc, bash and PostgreSQL print. */
const ZH_ERROR_WORDS = /错误|失败|拒绝|无法|不能|不允许|未找到|找不到|没有那个|不存在|超时|冲突|死锁|异常|权限不够|已杀死|终止|违反|过多|太多|已在使用|没有空间|不可用|非法|致命|中止|崩溃|溢出|恐慌|可疑|未绑定的变量/;
const ZH_LEVEL_ERROR = /^(?:\S+\s+)?(?:错误|致命错误|严重错误|恐慌)\s*[:：]/;
const ZH_LEADING_ERROR = /^\s*(?:错误|致命错误|严重错误)/;

/** What a level word (`ERROR`, `[E]`, `FATAL:`) adds to a line's errorness. */
const LEVEL_SHARE = 0.3;

export function errorness(text: string): number {
  const line = probe(text);
  if (line.trim() === '') return 0;
  let score = 0;
  const zh = NON_ASCII.test(line) && ZH_ERROR_WORDS.test(line);
  if (zh || ERROR_WORDS.test(line) || ERROR_CODES.test(line) || ERROR_REASONS.test(line) || (line.includes(' 0/') && POD_NOT_READY.test(line)) || (line.includes('HTTP/') && SERVER_ERROR_STATUS.test(line)) || ((line.includes('ode') || line.includes('tatus')) && GRPC_STATUS.test(line))) score += 0.6;
  if (LEVEL_ERROR.test(line) || (zh && ZH_LEVEL_ERROR.test(line))) score += LEVEL_SHARE;
  if (/^\s*(?:[A-Za-z_][\w.]*\.)?[A-Z]\w*(?:Error|Exception)\b|^\s*(?:error|fatal|panic)\b/i.test(line) || (zh && ZH_LEADING_ERROR.test(line))) score += 0.3;
  // (Without error signs the score is 0 whether or not the line is benign.)
  if (score > 0 && (BENIGN.test(line) || ECHOED_COMMAND.test(line))) score -= 0.4;
  return Math.max(0, Math.min(1, score));
}

const NON_ASCII = /[^\x00-\x7f]/;
const FULL_WIDTH = /[\uff01-\uff5e\u3000\u3002\u201c\u201d\u2018\u2019]/g;

/**
 * Full-width punctuation, as Chinese-locale messages print it (`错误：`, `（内容）`, `“main”`), as its
 * ASCII twin, so that patterns and words see one form. Letters and CJK text are left alone.
 */
export function foldFullWidth(line: string): string {
  if (!NON_ASCII.test(line)) return line;
  return line.replace(FULL_WIDTH, asciiTwin);
}

/** The ASCII twin of a character FULL_WIDTH matches. */
function asciiTwin(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return c === '\u3000' ? ' ' : c === '\u3002' ? '.' : c === '\u201c' || c === '\u201d' ? '"' : "'";
}

/** ASCII characters with a meaning in a pattern (and `-`, which has one in a character class). */
const PATTERN_SYNTAX = /[\\^$.|?*+()[\]{}\/-]/;

/** A full-width character FULL_WIDTH matches, with the backslashes before it. */
const ESCAPED_FULL_WIDTH = new RegExp(`(\\\\*)(${FULL_WIDTH.source})`, 'g');

/**
 * A record pattern's source with its full-width punctuation folded as a paste's is (foldFullWidth),
 * so that `对路径“…”的访问被拒绝` matches the folded line. A twin that means something in a pattern
 * (`（` → `(`, `。` → `.`) is written as a hex escape (`\x28`): literal in and out of character
 * classes, on both engines.
 */
export function foldFullWidthPattern(source: string): string {
  if (!NON_ASCII.test(source)) return source;
  // (An escaped full-width character, `\（`, is a literal one: its backslash goes with it.)
  return source.replace(ESCAPED_FULL_WIDTH, (_, backslashes: string, c: string) => {
    const twin = asciiTwin(c);
    const literal = PATTERN_SYNTAX.test(twin) ? `\\x${twin.charCodeAt(0).toString(16).padStart(2, '0')}` : twin;
    return backslashes.slice(backslashes.length % 2) + literal;
  });
}

/**
 * Split a paste into raw lines: ANSI removed, CRLF and progress-bar CRs resolved, what its transport
 * added taken off (transport.ts).
 */
function rawLines(text: string): string[] {
  const plain = foldFullWidth(stripAnsi(text));
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
 * Expand JSON log objects and JSON-escaped text into plain lines; `errorLevel` when the record says
 * by its level that it is an error (the level is not among the lines kept, so it is passed on).
 */
function expandJson(line: string, nested = false): { lines: string[]; errorLevel: boolean; errorValues?: ReadonlySet<string>; printed?: string } {
  // Only a line with a `{` can hold a JSON object, and only one with a `=` a logfmt record.
  if (!line.includes('{') && !line.includes('=')) return { lines: looksJsonEscaped(probe(line)) ? unescapeJsonText(line).split('\n') : [line], errorLevel: false };
  const trimmed = stripNoisePrefixes(line.trim());
  if (trimmed.includes('{') && trimmed.endsWith('}')) {
    const parsed = jsonObjectOf(trimmed);
    const messages: string[] = [];
    const errorValues = new Set<string>();
    if (parsed) {
      const journal = journalLine(parsed as Record<string, unknown>);
      if (journal) messages.push(journal);
      else collectMessages(parsed, messages, 0, errorValues);
    }
    if (parsed && messages.length > 0) {
      // Text before the object is part of the message (Ansible: `fatal: [web01]: UNREACHABLE! => {…}`):
      // the line stays, followed by the object's message fields.
      const out: string[] = /\p{L}/u.test(trimmed.slice(0, trimmed.indexOf('{'))) ? [line] : [];
      const fromError = new Set<string>();
      let errorLevel = !Array.isArray(parsed) && isErrorLevel(parsed as Record<string, unknown>);
      for (const m of messages) {
        for (const part of m.split(/\r?\n/)) {
          // A message that is itself a log record: Docker's json-file driver stores each line of an
          // app's JSON log as `{"log": "{\"level\":\"error\",…}\n"}`, and an error's text may end
          // in a response body (`HTTP response body: {"message": …}`). Expanded once more.
          const inner = !nested && part.includes('{') && part.trimEnd().endsWith('}') ? expandJson(part, true) : null;
          const parts = inner?.errorValues ? inner.lines : [part];
          if (inner?.errorValues && inner.errorLevel) errorLevel = true;
          for (const p of parts) {
            out.push(p);
            if (errorValues.has(m) || inner?.errorValues?.has(p)) fromError.add(p);
          }
        }
      }
      return { lines: out, errorLevel, errorValues: fromError, ...(out[0] === line ? {} : { printed: trimmed }) };
    }
  }
  const logfmt = messagesFromLogfmt(trimmed);
  if (logfmt) return { lines: logfmt, errorLevel: LOGFMT_ERROR_LEVEL.test(probe(trimmed)) };
  return { lines: looksJsonEscaped(probe(line)) ? unescapeJsonText(line).split('\n') : [line], errorLevel: false };
}

const LOGFMT_ERROR_LEVEL = /(?:^|\s)(?:level|lvl|severity)="?(?:e|err|error|f|fatal|crit|critical|panic)\b/i;
const LOGFMT_LEVEL = /(?:^|\s)(?:level|lvl|severity)=/;
const LOGFMT_FIELD = /(?:^|\s)([\w.@-]+)=("(?:[^"\\]|\\.)*"|\S+)/g;

/**
 * logfmt lines (logrus, Go kit, Heroku: `time=… level=error msg="…" error="…"`): the values of the
 * fields a JSON log's message is read from (MESSAGE_KEYS and keys naming an error: `body`, `reason`,
 * `detail` as well as `msg` and `error`), unescaped, in the same order; null when the line is not
 * logfmt.
 */
export function messagesFromLogfmt(line: string): string[] | null {
  const head = probe(line);
  if (!LOGFMT_LEVEL.test(head)) return null;
  const fields: Record<string, string> = Object.create(null);
  for (const m of head.matchAll(LOGFMT_FIELD)) {
    const key = m[1]!;
    const raw = m[2] ?? '';
    if (!(key in fields)) fields[key] = raw.startsWith('"') ? unescapeJsonText(raw.slice(1, -1)) : raw;
  }
  const out: string[] = [];
  collectMessages(fields, out, 0);
  return out.length > 0 ? out.flatMap((v) => v.split('\n')) : null;
}

/**
 * A command being run, as pasted: a shell prompt (`$ kubectl get events`, `deploy@web-02:/srv/app$ …`,
 * `(.venv) $ …`, `PS C:\app> …`) or, once CI prefixes are gone, a GitHub Actions step (`Run kubectl …`).
 */
const PROMPT = /^\s*(?:\(\S+\)\s+)?(?:[\w.-]+@[\w.-]+(?::\S*)?)?\$\s+\S|^\s*PS [^>]{1,200}>\s*\S/;
const STEP_RUN = /^Run \S/;

const SPACE_RUN = / {2,}/g;

/** Python's `File "…", line N` frame. */
const PYTHON_FRAME = /^\s*File\s+"/;
/**
 * The line that ends a Python traceback: the exception's (dotted) class name, alone or before `: `.
 * Python prints the exception after its frames, and not every class name says it is an error
 * (`django.core.exceptions.ImproperlyConfigured: …`, `kafka.errors.NoBrokersAvailable`, `StopIteration`).
 */
const PYTHON_EXCEPTION_LINE = /^(?:[A-Za-z_]\w*\.)*[A-Z][a-z]\w*(?::\s|:?$)/;
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
  if (!last || last.frame || last.command || last.err >= MESSAGE_ABOVE_FRAMES_ERR || !AT_FRAME.test(frame)) return;
  lines[lines.length - 1] = new Line(last.index, last.text, last.lower, MESSAGE_ABOVE_FRAMES_ERR, false, false, last.indented, last.printed);
}

/** Of a paste longer than `maxLines`, the first and last lines always kept (the command, the summary). */
const LONG_PASTE_HEAD = 200;
const LONG_PASTE_TAIL = 1000;
/** Lines kept before and after each error line picked from the middle of a long paste. */
const LONG_PASTE_BEFORE = 2;
const LONG_PASTE_AFTER = 4;

export function normalizePaste(text: string, options: NormalizeOptions = {}): PreparedLine[] {
  const framesKept = options.framesKept ?? 2;
  const maxLines = options.maxLines ?? 5000;
  const lines: Line[] = [];
  let frameRun = 0;
  let pythonFrames = false;
  const repair = options.repair;
  for (const read of rawLines(text)) {
    const raw = repair ? repair(read) : read;
    const { lines: expandedLines, errorLevel, errorValues, printed } = expandJson(raw);
    // The object as printed goes with the first line kept of those read from it.
    let printedPending = printed;
    for (const json of expandedLines) {
      const logcat = splitLogcat(json);
      const expanded = logcat ? logcat.message : json;
      // A structured record's error level, a key naming an error (`"error": "…"`) and logcat's
      // error priority count as a level word printed on the line would.
      const marks = (errorLevel || logcat?.error ? 1 : 0) + (errorValues?.has(json) ? 1 : 0);
      const cleaned = withoutProgramOnContinuation(stripNoisePrefixes((expanded.includes('\t') ? expanded.replace(/\t/g, '  ') : expanded).trimEnd()));
      // Runs of spaces inside a line as one: tools pad for alignment (PHP's `PHP Warning:  Undefined
      // variable`, columns), and patterns and signatures are written with one.
      const trimmed = cleaned.includes('  ') ? cleaned.trim().replace(SPACE_RUN, ' ') : cleaned.trim();
      if (trimmed === '') continue;
      const frame = isStackFrame(cleaned);
      let endsTraceback = false;
      if (frame) {
        frameRun++;
        pythonFrames = PYTHON_FRAME.test(cleaned);
        if (frameRun === 1) markMessageBeforeFrames(lines, cleaned);
        if (frameRun > framesKept) continue;
      } else {
        // A Python source line shown under a `File "…", line N` frame is part of the frame.
        if (frameRun > 0 && /^\s{2,}\S/.test(cleaned) && lines.length > 0 && PYTHON_FRAME.test(lines[lines.length - 1]!.text)) continue;
        if (frameRun > framesKept && /^\s{4,}\S/.test(cleaned)) continue;
        endsTraceback = frameRun > 0 && pythonFrames && PYTHON_EXCEPTION_LINE.test(probe(trimmed));
        frameRun = 0;
      }
      let err = frame ? 0 : marks > 0 ? Math.min(1, errorness(trimmed) + marks * LEVEL_SHARE) : errorness(trimmed);
      if (endsTraceback && err < TRACEBACK_EXCEPTION_ERR) err = TRACEBACK_EXCEPTION_ERR;
      // (The prompt is among the prefixes stripped above, so it is looked for in the line as pasted.)
      const command = !frame && (PROMPT.test(probe(expanded)) || STEP_RUN.test(trimmed));
      lines.push(new Line(lines.length, trimmed, trimmed.toLowerCase(), err, frame, command, cleaned.charCodeAt(0) === 32, printedPending));
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
      return new Line(index, line.text, line.lower, line.err, line.frame, line.command, line.indented, line.printed);
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
  readonly indented: boolean;
  readonly printed?: string;
  #core: string | undefined;

  constructor(index: number, text: string, lower: string, err: number, frame: boolean, command: boolean, indented: boolean, printed?: string) {
    this.index = index;
    this.text = text;
    this.lower = lower;
    this.err = err;
    this.frame = frame;
    this.command = command;
    this.indented = indented;
    if (printed !== undefined) this.printed = printed;
  }

  get core(): string {
    return (this.#core ??= stripLevelPrefixes(this.text));
  }
}
