/**
 * Structured log lines read as text: a JSON log object gives its message-like fields (and says by its
 * level or its keys whether it is an error), a logfmt record likewise, and JSON-escaped text (`\n`,
 * `\"` inside a line) is unescaped.
 */
import { stripNoisePrefixes } from './line-prefixes.ts';
import { probe } from './probe.ts';

/**
 * What one raw line reads as: its lines; whether its record says by its level that it is an error;
 * the lines read from a key naming an error; the object as printed, when its fields replaced it.
 */
export interface StructuredRead {
  lines: string[];
  errorLevel: boolean;
  errorValues?: ReadonlySet<string>;
  printed?: string;
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

/**
 * The text of a line that is one JSON string and nothing else (`"Traceback (most recent call
 * last):\n  File …"`: a value copied with its quotes from a JSON viewer or an API's response), when
 * it holds more than one line; null otherwise.
 */
function jsonStringText(line: string): string | null {
  const trimmed = line.trim();
  if (trimmed.length < 4 || trimmed.charCodeAt(0) !== 34 || trimmed.charCodeAt(trimmed.length - 1) !== 34 || !trimmed.includes('\\n')) return null;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === 'string' && value.includes('\n') ? value : null;
  } catch {
    return null;
  }
}

/** A JSON string's lines, each read as a line of the paste would be (a JSON or logfmt record among them too). */
function stringLines(text: string): StructuredRead & { errorValues: ReadonlySet<string> } {
  const lines: string[] = [];
  const fromError = new Set<string>();
  for (const part of text.split(/\r?\n/)) {
    const read = expandJson(part, true);
    lines.push(...read.lines);
    // A record's error level, or an error field, marks the lines read from it (there is no level for
    // the string as a whole).
    for (const l of read.lines) if (read.errorLevel || read.errorValues?.has(l)) fromError.add(l);
  }
  return { lines, errorLevel: false, errorValues: fromError };
}

/**
 * A quoted literal in a line holding line breaks as escapes (Python's `stderr=b'npm ERR! code
 * E404\nnpm ERR! 404 …'`, a repr or a JSON value inside a message): the line is its text before the
 * literal, then the literal's lines, then any words after it; `start` and `end` are where the literal
 * opens and closes. At least two escaped breaks in twenty characters or more, or any bytes literal
 * (`b'…'`) that long: a bytes repr escapes its quotes and backslashes even on one line. A `\\n` (an
 * escaped backslash, `C:\\new` in a repr) is no break. One pass over the line: each quote is scanned
 * to its closing one once.
 */
function quotedLiteral(line: string): { start: number; end: number; lines: string[] } | null {
  const anyBreaks = line.indexOf('\\n') !== line.lastIndexOf('\\n');
  if (!anyBreaks && !BYTES_LITERAL.test(line)) return null;
  for (let start = 0; start < line.length; start++) {
    const quote = line[start];
    if ((quote !== "'" && quote !== '"') || !opensLiteral(line, start)) continue;
    let breaks = 0;
    let end = start + 1;
    for (; end < line.length && line[end] !== quote; end++) {
      if (line[end] !== '\\') continue;
      if (line[end + 1] === 'n') breaks++;
      end++;
    }
    if (end >= line.length) return null; // unclosed: no literal from here on
    const bytes = start > 0 && (line[start - 1] === 'b' || line[start - 1] === 'B');
    if ((breaks >= 2 || bytes) && end - start > 20) {
      const open = start > 0 && /\w/.test(line[start - 1]!) ? start - 1 : start;
      const before = line.slice(0, open).trimEnd();
      const after = line.slice(end + 1).trim();
      const inner = unescapeJsonText(line.slice(start + 1, end).replace(/\\'/g, "'")).split('\n');
      return { start: open, end, lines: [...(before ? [before] : []), ...inner, ...(/\p{L}/u.test(after) ? [after] : [])] };
    }
    start = end;
  }
  return null;
}

/** A Python bytes literal's opening (`b'`, `b"` after a space, `=`, `(` or a sign). */
const BYTES_LITERAL = /(?:^|[^\w])[bB]['"]/;

/** Whether the quote at `at` opens a literal: not an apostrophe inside a word (`it's`), but after a space or a sign, or after a prefix such as Python's `b`. */
function opensLiteral(line: string, at: number): boolean {
  const before = line[at - 1] ?? ' ';
  if (!/\w/.test(before)) return true;
  return /[bruBRU]/.test(before) && !/\w/.test(line[at - 2] ?? ' ');
}

function looksJsonEscaped(line: string): boolean {
  // `\n` followed by something that is not a Windows path segment, an escaped quote, or `\t` not
  // followed by a lower-case letter (`C:\Users\tomas\code` is a path; an escaped stack trace's tab
  // comes after `\n`).
  return line.includes('\\') && /\\"|\\n(?:\s|\\t|at |File |Caused|Traceback|[A-Z]|$)|\\t(?![a-z])/.test(line);
}
/**
 * Expand JSON log objects and JSON-escaped text into plain lines; `errorLevel` when the record says
 * by its level that it is an error (the level is not among the lines kept, so it is passed on).
 */
export function expandJson(line: string, nested = false): StructuredRead {
  const text = jsonStringText(line);
  if (text !== null) return stringLines(text);
  const member = line.includes('":') ? messageMember(line) : null;
  if (member) return member;
  // Only a line with a `{` can hold a JSON object, and only one with a `=` a logfmt record.
  if (!line.includes('{') && !line.includes('=')) return plainLine(line);
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
  // A literal holding a whole logfmt log (`RuntimeError: … stderr=b'time=… level=error msg=…\n…'`):
  // its lines are the records, not one record of the line's own fields.
  const literal = quotedLiteral(trimmed);
  const level = literal && LOGFMT_LEVEL.exec(probe(trimmed));
  if (literal && (!level || (level.index > literal.start && level.index < literal.end))) return stringLines(literal.lines.join('\n'));
  const logfmt = messagesFromLogfmt(trimmed);
  if (logfmt) return { lines: logfmt, errorLevel: LOGFMT_ERROR_LEVEL.test(probe(trimmed)) };
  return plainLine(line);
}

/**
 * One member of a JSON object printed over many lines (`gh api`, `kubectl get -o json`, an API's
 * response): `"message": "Property 'user' does not exist on type 'Request'.",`. A member whose key
 * carries a message (MESSAGE_KEYS, or a key naming an error) and whose value is words, not one name
 * (`"exception": "Error"`, a code), is read as its value, as a one-line object's would be; the
 * member as printed stays for patterns that spell the key. Other members stay as they are.
 */
// (The value's loop unrolled, `[^"\\]*(?:\\.[^"\\]*)*`: one alternation per escape, not per character.)
const JSON_MEMBER = /^\s*"([\w.@$-]{1,40})"\s*:\s*"([^"\\]*(?:\\.[^"\\]*)*)"\s*,?\s*$/;
function messageMember(line: string): StructuredRead | null {
  const m = JSON_MEMBER.exec(line);
  if (!m || !m[2]!.trim().includes(' ') || !(MESSAGE_KEY_SET.has(m[1]!) || ERROR_KEY.test(m[1]!))) return null;
  const lines = unescapeJsonText(m[2]!).split('\n');
  return { lines, errorLevel: false, ...(ERROR_NAMED_KEY.test(m[1]!) ? { errorValues: new Set(lines) } : {}), printed: line.trim() };
}

/** A line that is no JSON or logfmt record: its escaped line breaks read, in a quoted literal or throughout. */
function plainLine(line: string): StructuredRead {
  const literal = quotedLiteral(line);
  if (literal) return stringLines(literal.lines.join('\n'));
  return { lines: looksJsonEscaped(probe(line)) ? unescapeJsonText(line).split('\n') : [line], errorLevel: false };
}

const LOGFMT_ERROR_LEVEL = /(?:^|\s)(?:level|lvl|severity)="?(?:e|err|error|f|fatal|crit|critical|panic)\b/i;
const LOGFMT_LEVEL = /(?:^|\s)(?:level|lvl|severity)=/;
/**
 * How far into a logfmt line its fields are read. A message holding a whole log as escapes
 * (`msg="…\n…"`) runs far past the head other tests look at; past this it is cut.
 */
const LOGFMT_MAX = 200_000;

/** Whether the character code is whitespace as logfmt separates fields by it (space, tab, CR, LF). */
const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 10;
/** Whether the character code may be part of a logfmt key: a word character, `.`, `@` or `-`. */
const isKeyChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 64 || c === 45;

/** A logfmt line's fields, the first of each key, quoted values unescaped (one pass, no regex over the whole line). */
function logfmtFields(line: string): Record<string, string> {
  const fields: Record<string, string> = Object.create(null);
  const end = Math.min(line.length, LOGFMT_MAX);
  let i = 0;
  while (i < end) {
    while (i < end && isSpace(line.charCodeAt(i))) i++;
    const keyStart = i;
    while (i < end && isKeyChar(line.charCodeAt(i))) i++;
    if (i === keyStart || line.charCodeAt(i) !== 61 /* = */) {
      while (i < end && !isSpace(line.charCodeAt(i))) i++; // not a field: its word skipped
      continue;
    }
    const key = line.slice(keyStart, i++);
    let value: string;
    if (line.charCodeAt(i) === 34 /* " */) {
      let close = ++i;
      while (close < end && line.charCodeAt(close) !== 34) close += line.charCodeAt(close) === 92 /* \ */ ? 2 : 1;
      // An unclosed quote (a line cut short) holds the rest of the line.
      value = unescapeJsonText(line.slice(i, Math.min(close, end)));
      i = close + 1;
    } else {
      const start = i;
      while (i < end && !isSpace(line.charCodeAt(i))) i++;
      value = line.slice(start, i);
    }
    if (!(key in fields)) fields[key] = value;
  }
  return fields;
}

/**
 * logfmt lines (logrus, Go kit, Heroku: `time=… level=error msg="…" error="…"`): the values of the
 * fields a JSON log's message is read from (MESSAGE_KEYS and keys naming an error: `body`, `reason`,
 * `detail` as well as `msg` and `error`), unescaped, in the same order; null when the line is not
 * logfmt.
 */
export function messagesFromLogfmt(line: string): string[] | null {
  if (!LOGFMT_LEVEL.test(probe(line))) return null;
  const out: string[] = [];
  collectMessages(logfmtFields(line), out, 0);
  return out.length > 0 ? out.flatMap((v) => v.split('\n')) : null;
}
