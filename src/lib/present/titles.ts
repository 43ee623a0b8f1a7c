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

/** How far back from the cut a space may be to cut there instead; further back, the word is cut. */
const NEAR_SPACE = 20;

/**
 * `text` cut to at most `max` characters (code points), ending in "…" when cut: at the last space if
 * one is near the end, inside a long unbroken run (a path, a URL) otherwise, never after a comma or a
 * second "…". The one way headings, short titles, excerpts and the atlas's labels are shortened.
 */
export function clipAtWord(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.search(/\s\S*$/);
  const kept = space > 0 && space >= cut.length - NEAR_SPACE ? cut.slice(0, space) : cut;
  return `${kept.trimEnd().replace(/[,;:…]$/u, '')}…`;
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
  return { title: clipAtWord(title, max), rest: original };
}

/** The gist of a "why it fails" text, as a heading for a dead end that names no action: its first clause. */
export function gistOf(text: string, max: number = TITLE_MAX_CHARS): string {
  const sentence = firstSentence(text.replace(/\s+/g, ' ').trim()).replace(/[.。]$/u, '');
  const clause = sentence.split(/\s*[;；]\s*/u)[0] ?? sentence;
  return clipAtWord(clause, max);
}

/** Titles in lists that point at entries (contents, the short answer) are cut shorter, to stay one or two lines. */
export const SHORT_TITLE_CHARS = 60;

export function shortTitle(title: string): string {
  return clipAtWord(title, SHORT_TITLE_CHARS);
}

/** A title's width in Latin characters: CJK characters are set about twice as wide. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u.test(char) ? 2 : 1;
  return width;
}
