/**
 * Words read back from a picture: an error reaches the paste box as a screenshot in a ticket or a
 * photo of a screen, read back by OCR or retyped from it, and a few letters come back as their
 * look-alikes (`Perrnission denied`, `no such tab1e`, `NXD0MAIN`, `C1assNotFoundException`,
 * `SDK |ocation`). A word no record knows is given back its letters when exactly one way of undoing
 * such confusions makes it a word the records know; words the records know, and words no repair
 * makes known, stay as they are (`warn`, `return`, hex ids, `E0277`). Lines are repaired before anything reads them, so
 * that patterns and words see the text the tool printed.
 */
import { isStopword, tokenize } from './tokens.ts';

/** A word of letters and digits, as a look-alike may sit anywhere in it (a bar only before a letter). */
const WORD = /(?:[A-Za-z0-9]|\|(?=[A-Za-z]))(?:[A-Za-z0-9]|\|(?=[A-Za-z])){2,}/g;
/**
 * The look-alikes OCR reads for letters: `rn` for `m`, `1` or `|` for `l` or `I`, `0` for `o`, `5`
 * for `s`, `vv` for `w`. (Not `cl` for `d`: `cloning` became `doning`, a word the records know.)
 */
const LOOK_ALIKES = /rn|RN|[015|]|vv|VV/g;
/** What each look-alike may stand for (lower case; upper in an upper-case word). */
const LETTERS: Readonly<Record<string, readonly string[]>> = { rn: ['m'], '1': ['l', 'i'], '|': ['l', 'i'], '0': ['o'], '5': ['s'], vv: ['w'] };
/** Look-alikes tried in one word at most: each doubles the ways to undo them. */
const MOST_SITES = 4;

/** Whether the records know a word: each of its tokens is theirs, or it is a stopword. */
export type KnownWord = (word: string) => boolean;

export function knownWordOf(tokenId: ReadonlyMap<string, number>): KnownWord {
  return (word) => {
    // (Most words are their own token: a lookup before tokenising.)
    if (tokenId.has(word.toLowerCase())) return true;
    const tokens = tokenize(word);
    return tokens.length === 0 ? isStopword(word.toLowerCase()) : tokens.every((t) => tokenId.has(t));
  };
}

/** The one known word `word` stands for, or null (none, or more than one). */
export function repairWord(word: string, known: KnownWord): string | null {
  // A digit stands for a letter only beside one (`tab1e`, `1ist`), not in a number or an id's digits.
  const sites = [...word.matchAll(LOOK_ALIKES)].filter((m) => !/\d/.test(m[0]) || /[A-Za-z]/.test(word[m.index! - 1] ?? '') || /[A-Za-z]/.test(word[m.index! + 1] ?? '')).slice(0, MOST_SITES);
  if (sites.length === 0) return null;
  const upper = word === word.toUpperCase();
  let found: string | null = null;
  let ambiguous = false;
  // Each site either stays or becomes one of its letters: every combination but "all stay". Returns
  // false to stop once two different known words have come of it.
  const choose = (k: number, built: string, from: number, changed: boolean): boolean => {
    if (k === sites.length) {
      if (!changed) return true;
      const candidate = built + word.slice(from);
      if (!known(candidate)) return true;
      if (found !== null && found.toLowerCase() !== candidate.toLowerCase()) {
        ambiguous = true;
        return false;
      }
      found = candidate;
      return true;
    }
    const site = sites[k]!;
    const at = site.index!;
    const text = site[0];
    const head = built + word.slice(from, at);
    if (!choose(k + 1, head + text, at + text.length, changed)) return false;
    for (const letter of LETTERS[text.toLowerCase()]!) if (!choose(k + 1, head + (upper ? letter.toUpperCase() : letter), at + text.length, true)) return false;
    return true;
  };
  choose(0, '', 0, false);
  return ambiguous ? null : found;
}

/** A look-alike beside a letter somewhere in a line: only then are its words looked at. */
const LOOK_ALIKE_BY_LETTER = /[A-Za-z](?:rn|RN|vv|VV|[015|])|(?:rn|RN|vv|VV|[015|])[A-Za-z]/;
/** Digits OCR never reads for a letter: a word with one is a number, an id or a code. */
const OTHER_DIGIT = /[2-9]/;
const THREE_LETTERS = /[A-Za-z][^A-Za-z]*[A-Za-z][^A-Za-z]*[A-Za-z]/;
/** Words remembered per repairer (logs repeat theirs), forgotten all at once past this many. */
const MEMO_SIZE = 20_000;

/**
 * A number read back with letters for some of its digits (`l34217728`, `8O80`): digits, of which at
 * least three are digits already, and `l`, `I` or `O` (`o` would be a word's letter too often).
 */
const NUMBER_READ_AS_LETTERS = /^(?=(?:[lIO]*\d){3})[\dlIO]+$/;
const LETTER_BY_DIGIT = /\d[lIO]|[lIO]\d/;
const DIGIT_OF: Readonly<Record<string, string>> = { l: '1', I: '1', O: '0' };
/** glog's and klog's info lines open with `I` and the date (`I1130 10:00:01.123456`): no number. */
const GLOG_INFO = /^I\d{4}$/;

/** A number's look-alike letters as the digits they stand for. */
export function repairNumber(word: string): string | null {
  if (GLOG_INFO.test(word) || !NUMBER_READ_AS_LETTERS.test(word) || !LETTER_BY_DIGIT.test(word)) return null;
  return word.replace(/[lIO]/g, (c) => DIGIT_OF[c]!);
}

/** A line's words repaired (repairWord, repairNumber), each word looked at once per repairer. */
export function ocrRepairer(known: KnownWord): (line: string) => string {
  const memo = new Map<string, string>();
  return (line) => {
    if (!LOOK_ALIKE_BY_LETTER.test(line) && !LETTER_BY_DIGIT.test(line)) return line;
    return line.replace(WORD, (word) => {
      // (A word the records know, `O365`, is no number read back.)
      const number = repairNumber(word);
      if (number !== null) return known(word) ? word : number;
      if (OTHER_DIGIT.test(word) || !LOOK_ALIKE_BY_LETTER.test(word) || !THREE_LETTERS.test(word)) return word;
      const cached = memo.get(word);
      if (cached !== undefined) return cached;
      const fixed = known(word) ? word : (repairWord(word, known) ?? word);
      if (memo.size >= MEMO_SIZE) memo.clear();
      memo.set(word, fixed);
      return fixed;
    });
  };
}
