/**
 * Headings for workarounds and dead ends. Records often put a whole paragraph (with a command) in
 * `action`; a heading takes its first sentence and the body keeps the rest, so nothing is shown twice
 * and nothing is lost.
 */

/** Headings longer than this are cut at a word and end in "…"; the body then shows the whole text. */
export const TITLE_MAX_CHARS = 96;

export interface SplitText {
  title: string;
  /** What the title does not already say; null when the title is the whole text. */
  rest: string | null;
}

/**
 * The first sentence: up to a full stop, question or exclamation mark followed by a space (or a
 * Chinese full stop), and never inside something like "e.g." or a version number.
 */
export function firstSentence(text: string): string {
  const match = /^(.+?(?:[.!?](?=\s+[A-Z(`"'])|[。！？]))/su.exec(text);
  if (!match) return text;
  const candidate = match[1] ?? text;
  // "e.g." or "i.e." ending the candidate means the sentence goes on.
  return /\b(?:e\.g|i\.e|etc|vs)\.$/i.test(candidate) ? text : candidate;
}

/** Split `text` into a heading and the rest (the rest keeps its line breaks: it may hold commands). */
export function splitTitle(text: string, max: number = TITLE_MAX_CHARS): SplitText {
  const original = text.trim();
  const sentence = firstSentence(original);
  const title = sentence.replace(/\s+/g, ' ');
  if (title.length <= max) {
    const rest = original.slice(sentence.length).trim();
    return { title: title.replace(/[.。]$/u, ''), rest: rest === '' ? null : rest };
  }
  const cut = title.slice(0, max - 1).replace(/\s+\S*$/, '').replace(/[,;:]$/, '');
  return { title: `${cut}…`, rest: original };
}

/** The gist of a "why it fails" text, as a heading for a dead end that names no action: its first clause. */
export function gistOf(text: string, max: number = TITLE_MAX_CHARS): string {
  const sentence = firstSentence(text.replace(/\s+/g, ' ').trim()).replace(/[.。]$/u, '');
  const clause = sentence.split(/\s*[;；]\s*/u)[0] ?? sentence;
  return clause.length <= max ? clause : `${clause.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** Titles in lists that point at entries (contents, the short answer) are cut shorter, to stay one or two lines. */
export const SHORT_TITLE_CHARS = 60;

export function shortTitle(title: string): string {
  if (title.length <= SHORT_TITLE_CHARS) return title;
  return `${title.slice(0, SHORT_TITLE_CHARS - 1).replace(/\s+\S*$/, '').replace(/…$/, '')}…`;
}

/** A title's width in Latin characters: CJK characters are set about twice as wide. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u.test(char) ? 2 : 1;
  return width;
}
