/**
 * Another error of the same template: PostgreSQL's `column "x" does not exist` beside `relation "x"
 * does not exist`, Flask's `Working outside of request context` beside `… of application context`,
 * SQLite's `NOT NULL constraint failed` beside `UNIQUE constraint failed`. Found by
 * wording alone, such a line is most of a record's wording, but where the record has its deciding
 * word the line has another, between the same neighbours: it names a sibling error the knowledge
 * base does not hold. A result found by wording alone (not by a pattern, not holding a whole
 * wording) whose closest variant is contradicted so is discounted by CONTRADICTED_WORDING, and by
 * CONTRADICTED_DECIDING when the replaced words are much of what the signature says (`UNIQUE` of
 * `UNIQUE constraint failed`): the rest is what all the siblings share.
 */
import type { Paste } from './paste.ts';
import type { Scored } from './scoring.ts';
import { hasPlaceholder, lineWithoutJoinedWords, tokenize, tokenizeLine, withoutJoinedWords } from './tokens.ts';
import type { MatcherIndex } from './build.ts';
import { CONTRADICTED_DECIDING, CONTRADICTED_MIN_SCORE, CONTRADICTED_WORDING, DECIDING_SHARE, MAX_REPLACED_WORDS, MAX_REPLACED_WORDS_AT_END, MAX_REPLACING_WORDS, MAX_REPLACING_WORDS_AT_END } from './tuning.ts';
import type { Variant, Vocabulary } from './vocabulary.ts';

/**
 * Whether the line replaces words of the variant: a run of one to MAX_REPLACED_WORDS of the variant's
 * words, nowhere in the paste and holding a word of the record's templates (its signature and aliases
 * written with placeholders: other aliases are often examples, with values such as `Kill process
 * 1234 (java)`), stands between a word the line has and the next word it has (or the variant's end,
 * where the line ends too); the line has one to MAX_REPLACING_WORDS other words there, none of the
 * variant's nor longer or shorter forms of a replaced word (`AccessDenied` and
 * `AccessDeniedException`, `PLAIN` and `AMQPLAIN`).
 */
export function replacesWord(variantWords: readonly string[], lineWords: readonly string[], pasteWords: ReadonlySet<string>, template: ReadonlySet<string>, otherWordings: readonly (readonly string[])[] = []): boolean {
  return replacedRun(variantWords, lineWords, pasteWords, template, otherWordings) !== null;
}

/** The variant's words the line replaces (see replacesWord), or null. */
export function replacedRun(variantWords: readonly string[], lineWords: readonly string[], pasteWords: ReadonlySet<string>, template: ReadonlySet<string>, otherWordings: readonly (readonly string[])[] = []): readonly string[] | null {
  const own = new Set(variantWords);
  const variant = inOrder(withoutJoinedWords(variantWords));
  const line = inOrder(lineWithoutJoinedWords(lineWords));
  for (let i = 1; i < variant.length; i++) {
    if (pasteWords.has(variant[i]!) || !pasteWords.has(variant[i - 1]!)) continue;
    // The run of missing words from i.
    let j = i;
    while (j + 1 < variant.length && j + 1 - i < MAX_REPLACED_WORDS && !pasteWords.has(variant[j + 1]!)) j++;
    const run = variant.slice(i, j + 1);
    if (!run.some((m) => template.has(m))) continue;
    const atEnd = j + 1 === variant.length;
    // A longer run than MAX_REPLACED_WORDS is not a replacement.
    if (!atEnd && !pasteWords.has(variant[j + 1]!)) continue;
    const before = variant[i - 1]!;
    const after = atEnd ? null : variant[j + 1]!;
    const foreign = (t: string) => !own.has(t) && !run.some((m) => t.includes(m) || m.includes(t));
    for (let p = 0; p < line.length; p++) {
      if (line[p] !== before) continue;
      for (let gap = 1; gap <= (atEnd ? MAX_REPLACING_WORDS_AT_END : MAX_REPLACING_WORDS) && p + gap < line.length; gap++) {
        if (after === null ? p + gap + 1 !== line.length : line[p + gap + 1] !== after) continue;
        let all = true;
        for (let k = p + 1; k <= p + gap; k++) if (!foreign(line[k]!)) all = false;
        // Another wording of the record with those words between the same neighbours (Helm's
        // `Error: UPGRADE FAILED` beside `Error: INSTALLATION FAILED`) says it is the record's own.
        const seq = line.slice(p, after === null ? p + gap + 1 : p + gap + 2);
        if (all && !otherWordings.some((w) => holdsRun(inOrder(w), seq))) return run;
      }
    }
  }
  return null;
}

/**
 * The variant's closing words where the line gives another reason after the same head: Maven's goal
 * line ending `…: Compilation failure` where the record's ends `…: Fatal error compiling: error:
 * release version 21 not supported`. The line holds every word of the variant up to some word, then
 * ends with the words after its last colon, none of the variant's and one at least unlike all of the
 * variant's closing words; those (up to MAX_REPLACED_WORDS_AT_END) count as replaced when at least
 * half of them are nowhere in the paste (not wrapped onto the next line) and one is a word of the
 * record's templates. Longer than a replaced run (replacedRun), hence the colon and the whole head.
 */
export function replacedReason(variantWords: readonly string[], lineText: string, pasteWords: ReadonlySet<string>, template: ReadonlySet<string>, otherWordings: readonly (readonly string[])[] = [], lineWords: readonly string[] = tokenizeLine(lineText), reasonWords: number = wordsAfterColon(lineText)): readonly string[] | null {
  if (reasonWords === 0 || reasonWords > MAX_REPLACING_WORDS_AT_END) return null;
  const own = new Set(variantWords);
  const variant = withoutJoinedWords(variantWords);
  const line = lineWithoutJoinedWords(lineWords);
  for (let i = Math.max(1, variant.length - MAX_REPLACED_WORDS_AT_END); i < variant.length; i++) {
    const p = line.lastIndexOf(variant[i - 1]!);
    const closing = line.slice(p + 1);
    if (p < 0 || closing.length !== reasonWords) continue;
    const head = new Set(line.slice(0, p + 1));
    if (!variant.slice(0, i).every((w) => head.has(w))) continue;
    const run = variant.slice(i);
    if (closing.some((t) => own.has(t)) || !closing.some((t) => !run.some((m) => t.includes(m) || m.includes(t)))) continue;
    const absent = run.filter((m) => !pasteWords.has(m));
    if (absent.length * 2 < run.length || !absent.some((m) => template.has(m))) continue;
    if (otherWordings.some((w) => holdsRun(inOrder(w), line.slice(p)))) continue;
    return absent;
  }
  return null;
}

/** The number of words after a line's last colon (hyphenated words counted once); 0 without a colon. */
export function wordsAfterColon(lineText: string): number {
  const colon = lineText.lastIndexOf(':');
  return colon < 0 ? 0 : lineWithoutJoinedWords(tokenizeLine(lineText.slice(colon + 1))).length;
}

/** The share of the record's signature weight (idf) that `run`'s words hold. */
function signatureShare(vocabulary: Vocabulary, r: number, run: readonly string[]): number {
  const signature = vocabulary.variantsOf(r)[0]!;
  let held = 0;
  for (let i = 0; i < signature.tokens.length; i++) if (run.includes(signature.tokens[i]!)) held += signature.idfs[i]!;
  return signature.weight > 0 ? held / signature.weight : 0;
}

/** Whether `words` holds `run` as consecutive words. */
function holdsRun(words: readonly string[], run: readonly string[]): boolean {
  for (let i = 0; i + run.length <= words.length; i++) {
    let k = 0;
    while (k < run.length && words[i + k] === run[k]) k++;
    if (k === run.length) return true;
  }
  return false;
}

/**
 * Words in the order printed: tokenize adds a snake_case word's parts after it (`tfhub_modules`,
 * `tfhub`, `modules`), which are not words of their own between its neighbours.
 */
function inOrder(words: readonly string[]): readonly string[] {
  if (!words.some((w) => w.includes('_'))) return words;
  const out: string[] = [];
  let whole = '';
  for (const w of words) {
    if (whole && whole.includes(w)) continue;
    out.push(w);
    whole = w.includes('_') ? w : '';
  }
  return out;
}

/** The variant sharing most of its weight with the line. */
function closestVariant(variants: readonly Variant[], line: ReadonlySet<string>): Variant | null {
  let best: Variant | null = null;
  let bestShare = 0;
  for (const v of variants) {
    let shared = 0;
    for (let i = 0; i < v.tokens.length; i++) if (line.has(v.tokens[i]!)) shared += v.idfs[i]!;
    const share = v.weight > 0 ? shared / v.weight : 0;
    if (share > bestShare) {
      bestShare = share;
      best = v;
    }
  }
  return best;
}

/** The discount of results whose wording a line contradicts, for one index. */
export function contradictedWording(index: MatcherIndex, vocabulary: Vocabulary) {
  const templates = new Map<number, ReadonlySet<string>>();
  const templateOf = (r: number): ReadonlySet<string> => {
    let words = templates.get(r);
    if (!words) {
      const row = index.rec[r]!;
      words = new Set([row[1], ...(row[4] ?? []).filter(hasPlaceholder)].flatMap((text) => tokenize(text)));
      templates.set(r, words);
    }
    return words;
  };
  return function discount(scored: Scored[], paste: Paste, pasteWords: ReadonlySet<string>): void {
    const lineWords = new Map<number, { words: string[]; reason: number }>();
    for (const s of scored) {
      if (s.evidence !== 'similarity' || s.whole || s.score < CONTRADICTED_MIN_SCORE) continue;
      const at = s.lines[0]?.index;
      const line = at === undefined ? undefined : paste.lines.find((l) => l.index === at);
      if (!line) continue;
      let seen = lineWords.get(line.index);
      if (!seen) lineWords.set(line.index, (seen = { words: tokenizeLine(line.text), reason: -1 }));
      const tokens = seen.words;
      const variant = closestVariant(vocabulary.variantsOf(s.r), new Set(tokens));
      const wordings = vocabulary.variantsOf(s.r).map((v) => v.tokens);
      const run = variant && (replacedRun(variant.tokens, tokens, pasteWords, templateOf(s.r), wordings) ?? replacedReason(variant.tokens, line.text, pasteWords, templateOf(s.r), wordings, tokens, seen.reason < 0 ? (seen.reason = wordsAfterColon(line.text)) : seen.reason));
      if (!run) continue;
      s.score *= signatureShare(vocabulary, s.r, run) >= DECIDING_SHARE ? CONTRADICTED_DECIDING : CONTRADICTED_WORDING;
      if (s.why) s.why = { ...s.why, contradicted: 1 };
    }
  };
}
