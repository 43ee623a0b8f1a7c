/**
 * "This looks like a pasted error log. Match it instead": when someone pastes a multi-line error
 * into the header search box, the matcher (`/match/`) is the better tool. Framework-free so the rules
 * are unit-tested (`tests/unit/search/paste-offer.test.ts`) and the header only wires them up.
 */

/** A URL carries at most this much of the paste; the matcher finds the error line in the first few KB. */
export const MAX_MATCH_CHARS = 4000;
/** A single line at least this long is a paste, not a query, if it also looks like an error. */
export const LONG_LINE_CHARS = 100;

/** Words and shapes that error lines carry: exception names, codes, levels, exit statuses. */
const ERROR_LOOKING = /\b(?:error|errno|exception|fatal|panic(?:ked)?|traceback|failed|failure|denied|refused|timed? ?out|unavailable|segmentation fault|not found|cannot|could not|unable to|invalid|uncaught|abort(?:ed)?|killed)\b|\b[A-Z][A-Za-z]*(?:Error|Exception)\b|\bERR_[A-Z_]+\b|\bE\d{3,5}\b|\b0x[0-9a-f]{6,}\b|\bexit (?:code|status) \d+|^\s*at \S+|\w+\.\w+:\d+/i;

/** The non-empty lines of a paste (CRLF, CR and LF all count as breaks). */
export function pasteLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}

/**
 * True when the text is an error log rather than a search query: two or more non-empty lines, or
 * one very long line that looks like an error (a JSON log line, a flattened stack trace).
 */
export function looksLikeErrorPaste(text: string): boolean {
  const lines = pasteLines(text);
  if (lines.length >= 2) return true;
  const line = lines[0]?.trim() ?? '';
  return line.length >= LONG_LINE_CHARS && ERROR_LOOKING.test(line);
}

/** The first `max` UTF-16 units of `text`, never ending inside a surrogate pair (encodeURIComponent would throw). */
export function capText(text: string, max = MAX_MATCH_CHARS): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return text.slice(0, end);
}

/** `/match/?q=…` (or `/zh/match/?q=…`) for a paste: trimmed, capped, line breaks kept. */
export function matchUrl(text: string, matchPath: string): string {
  const trimmed = text.replace(/\r\n?/g, '\n').replace(/^\s*\n|\s+$/g, '');
  return `${matchPath}?q=${encodeURIComponent(capText(trimmed))}`;
}
