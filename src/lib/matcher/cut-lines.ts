/**
 * A line cut short: by a preview or a column that ends it in an ellipsis (a Sentry title, a chat
 * notification: `… React limits the number of renders to prev…`), or by a hurried copy that stops
 * in the middle of a word (`fatal: refusing to merge unrelated hist`). The words of a record's
 * wording after the cut cannot be on the line; read against the head of the wording up to the word
 * the line stops in, the line is compared with what it could hold (similarity.ts, `cutSim`).
 */
import { tokenize } from './tokens.ts';

/** An ellipsis at the end of a line, as one character or three dots. */
const CUT_END = /(?:…|\.\.\.)\s*$/;
/** A line ending in a letter: perhaps in the middle of a word. */
const ENDS_IN_WORD = /\p{L}$/u;
/** The last word of a line as printed (tokenize appends joined hyphenations after the words). */
const LAST_WORD = /([\p{L}\p{N}_]+)[^\p{L}\p{N}_]*$/u;
const WORDS = /[\p{L}\p{N}_]+/gu;
/** Without an ellipsis, the word a line stops in has at least this many letters. */
const CUT_WORD_MIN = 3;
/** A cut line is read against the head of a wording of at least this many words. */
const CUT_MIN_WORDS = 4;

export interface Cut {
  /** The word (token) the line stops in, whole or its beginning. */
  last: string;
  /** Whether an ellipsis marks the cut: then the last word may be whole. */
  marked: boolean;
}

/**
 * Where a line is cut: after an ellipsis, or, without one, in a word that is no word of the records
 * (`isWord`: the vocabulary's), a word's beginning. Null for a line that ends as printed.
 */
export function cutOf(text: string, isWord: (token: string) => boolean): Cut | null {
  const marked = CUT_END.test(text);
  if (!marked) {
    if (!ENDS_IN_WORD.test(text)) return null;
    const last = tokenize(LAST_WORD.exec(text)?.[1] ?? '')[0];
    return last !== undefined && last.length >= CUT_WORD_MIN && !isWord(last) ? { last, marked } : null;
  }
  // Before an ellipsis, the last word that counts (`… renders to...` stops after `renders`).
  const words = text.match(WORDS) ?? [];
  for (let k = words.length - 1; k >= 0; k--) {
    const last = tokenize(words[k]!)[0];
    if (last !== undefined) return { last, marked };
  }
  return null;
}

/**
 * The weight (summed idfs) of a wording's head up to the word the line stops in, when the line holds
 * every word before it and the head has CUT_MIN_WORDS words or more; 0 otherwise. `partial`: the
 * line holds only the beginning of the head's last word.
 */
export function cutHead(tokens: readonly string[], idfs: readonly number[], line: ReadonlySet<string>, cut: Cut): { weight: number; partial: boolean } {
  let weight = 0;
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!;
    weight += idfs[i]!;
    if ((cut.marked && word === cut.last) || (word.length > cut.last.length && word.startsWith(cut.last))) {
      return i + 1 >= CUT_MIN_WORDS ? { weight, partial: word !== cut.last } : { weight: 0, partial: false };
    }
    if (!line.has(word)) break;
  }
  return { weight: 0, partial: false };
}
