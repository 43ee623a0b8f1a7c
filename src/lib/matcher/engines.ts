/**
 * The two regex engines a record's pattern may run on: V8's (fast, backtracking) for patterns judged
 * safe, re2js (linear time) for patterns that could backtrack catastrophically. Both are wrapped as an
 * `Engine`, and long lines are run window by window.
 */
import { MAX_WINDOWS, REGEX_WINDOW, REGEX_WINDOW_OVERLAP, WORD_START_TRIES } from './tuning.ts';
import type { Re2Like } from './types.ts';

export interface Engine {
  exec(text: string): { start: number; end: number } | null;
}

export function v8Engine(source: string, flags: string): Engine {
  const re = new RegExp(source, flags.replace(/[gy]/g, ''));
  return {
    exec(text) {
      const m = re.exec(text);
      return m ? { start: m.index, end: m.index + m[0].length } : null;
    },
  };
}

export function re2Engine(re2: Re2Like, source: string, flags: string): Engine {
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

/** re2js's `RE2JS`, imported on demand (about 65 KB gzipped: only indexes with risky patterns need it). */
export async function importLinearEngine(): Promise<Re2Like> {
  const { RE2JS } = await import('re2js');
  return RE2JS as unknown as Re2Like;
}

/** Run a compiled pattern over a line, window by window when the line is long. */
export function execLine(regex: Engine, text: string): { start: number; end: number } | null {
  if (text.length <= REGEX_WINDOW) return regex.exec(text);
  const step = REGEX_WINDOW - REGEX_WINDOW_OVERLAP;
  for (let w = 0, from = 0; w < MAX_WINDOWS && from < text.length; w++, from += step) {
    const m = regex.exec(text.slice(from, from + REGEX_WINDOW));
    if (m) return { start: m.start + from, end: m.end + from };
  }
  return null;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Whether a match starts inside a word: a letter or digit on both sides of its start, other than a
 * camelCase boundary (`processTicksAndRejections` -> `Rejections` starts a word). `_`, `.`, `-` are
 * boundaries (identifiers such as `HAL_UART_ErrorCallback`).
 */
function insideWordAt(text: string, start: number): boolean {
  if (start <= 0) return false;
  const before = text[start - 1] ?? ' ';
  const first = text[start] ?? ' ';
  if (!WORD_CHAR.test(before) || !WORD_CHAR.test(first)) return false;
  return !(before !== before.toUpperCase() && first !== first.toLowerCase());
}

/**
 * Whether a hit starts on a directory of a file path or URL: the word it starts with is followed by
 * `/` or `\\` (`internal/discount/tiered.go`, `/home/ubuntu/ws`). A directory's name is not the word
 * the pattern names (`INTERNAL.*error`, `ubuntu`), so such a hit counts like one inside a word;
 * patterns that spell a path themselves (their source holds a `/`) are left alone.
 */
export function startsOnDirectory(text: string, start: number, source: string): boolean {
  if (start < 0 || source.includes('/')) return false;
  let end = start;
  while (end < text.length && isWordCode(text.charCodeAt(end))) end++;
  if (end === start) return false;
  const next = text[end];
  return next === '/' || next === '\\';
}

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

/** A match starting inside a word or on a path's directory: weaker evidence than one starting on a word. */
export function startsWeakly(text: string, start: number, source: string): boolean {
  return insideWordAt(text, start) || startsOnDirectory(text, start, source);
}

/**
 * Runs a pattern over a line preferring a match that starts on a word (`startsWeakly`): the engines
 * report the leftmost match, which may start inside a word or a path (`SSL.*handshake` in
 * `OpenSSL/3.0.13: error:0A000410:SSL routines::sslv3 alert handshake failure`) while a later one
 * starts on a word of its own. Unanchored patterns only: a slice moves where `^` matches.
 */
export function execAtWord(regex: Engine, text: string, source: string): { start: number; end: number } | null {
  const first = execLine(regex, text);
  if (!first || !startsWeakly(text, first.start, source)) return first;
  let from = first.start;
  for (let tries = 0; tries < WORD_START_TRIES; tries++) {
    do from++;
    while (from < text.length && (insideWordAt(text, from) || !WORD_CHAR.test(text[from]!)));
    if (from >= text.length) break;
    const m = execLine(regex, text.slice(from));
    if (!m) break;
    const start = m.start + from;
    if (!startsWeakly(text, start, source)) return { start, end: m.end + from };
    from = start;
  }
  return first;
}
