/**
 * The two regex engines a record's pattern may run on: V8's (fast, backtracking) for patterns judged
 * safe, re2js (linear time) for patterns that could backtrack catastrophically. Both are wrapped as an
 * `Engine`, and long lines are run window by window.
 */
import { MAX_WINDOWS, REGEX_WINDOW, REGEX_WINDOW_OVERLAP } from './tuning.ts';
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
export function startsInsideWord(hit: { line: { text: string }; start: number }): boolean {
  if (hit.start <= 0) return false;
  const before = hit.line.text[hit.start - 1] ?? ' ';
  const first = hit.line.text[hit.start] ?? ' ';
  if (!WORD_CHAR.test(before) || !WORD_CHAR.test(first)) return false;
  return !(before !== before.toUpperCase() && first !== first.toLowerCase());
}
