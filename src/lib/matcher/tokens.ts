/**
 * Word tokens for the similarity part of the ranking. Variable parts of messages (numbers, hex ids,
 * quoted values, placeholders like `<target>` or `{name}`) carry no evidence and are dropped, so that
 * `No module named 'requests'` and the signature `No module named 'x'` share exactly their fixed words.
 *
 * Chinese (and Japanese, Korean) is written without spaces: a run of such characters becomes its
 * character bigrams (`无法读取` → `无法`, `法读`, `读取`), so that a message shares words with the same
 * message in another sentence, whatever the segmentation.
 */
import { NON_ASCII } from './probe.ts';

/**
 * Not `no`: it is what tells errors of one family apart (`no matching files` beside `found 37
 * matching artifact files`, `no such table` beside `null value in column … of relation`).
 */
const STOPWORDS = new Set(
  'a an the of to in on at by for with and or is are was be been this that it its as from into not but if then than when while which who what there their they them we you your our i me my has have had do does did so such can may might will would should could'
    .split(' '),
);
/**
 * Longer words are dropped as noise (base64, minified code). Java and .NET class names run long:
 * `ForegroundServiceStartNotAllowedException` has 41 letters, and at a limit of 40 a record whose
 * signature is that class name had no words at all.
 */
const LONGEST_WORD = 64;

/** Whether a lower-cased word is one of the stopwords tokenize drops. */
export const isStopword = (word: string) => STOPWORDS.has(word);

// Placeholders found in signatures: <target>, {name}, 'x', "X", N, M, PORT ... A `{word}` right after a
// word is part of it, not a placeholder: Envoy prints `upstream_reset_before_response_started{overflow}`.
// Nor is a map with `=` (Kafka's `{orders=LEADER_NOT_AVAILABLE}`): its value is the error's code.
const PLACEHOLDER_RE = /<[^<>\s]{1,40}>|\{(?<!\w\{)[^{}\s=]{1,40}\}|\$\{[^}]*\}/g;
const HAS_PLACEHOLDER = new RegExp(PLACEHOLDER_RE.source);

/** Whether a wording is a template (`relation "<table>" does not exist`), not an example of one. */
export function hasPlaceholder(text: string): boolean {
  return (text.includes('<') || text.includes('{')) && HAS_PLACEHOLDER.test(text);
}
/** A wording split at its placeholders: the fixed text between them. */
export function placeholderSplit(text: string): string[] {
  return hasPlaceholder(text) ? text.split(PLACEHOLDER_RE) : [text];
}
const QUOTED_RE = /'[^'\n]{0,80}'|"[^"\n]{0,80}"|`[^`\n]{0,80}`/g;
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

/**
 * A word of two parts joined by a hyphen (`brown-out`, `read-only`, `non-zero`) is also the two
 * written as one (`brownout`): tools and people write either. Not chains (`x-forwarded-for`, file names).
 */
const HYPHENATED = /(?<![\w-])([a-z]{2,})-([a-z]{2,})(?![\w-])/g;
/**
 * TypeScript's diagnostic code as editors print it (`ts(2322)` in VS Code's hover and problems
 * panel): also the code as the compiler prints it (`TS2322`), the word records hold.
 */
const EDITOR_TS_CODE = /\bts\((\d{4,5})\)/g;
/** A cheap test first: most texts with a hyphen have none between two letters (`--flag`, `2024-01-02`). */
const HYPHEN_BETWEEN_LETTERS = /[a-z]-[a-z]/;

function isLetters(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** The last word of a text (letters, digits, `_`), whatever follows it (`)`, `.`, quotes); '' when none. */
const LAST_WORD = /([\p{L}\p{N}_]+)[^\p{L}\p{N}_]*$/u;

/** Whether the text's last word is, as a token, `token` (`… Permission denied.` ends with `deni`). */
export function endsWithToken(text: string, token: string): boolean {
  const last = LAST_WORD.exec(text);
  return last !== null && tokenize(last[1]!).includes(token);
}

/** Tokens of a text: lower-cased words, without stopwords, pure numbers, hex ids or single letters. */
export function tokenize(text: string, dropQuoted = false): string[] {
  let source = text.includes('<') || text.includes('{') ? text.replace(PLACEHOLDER_RE, ' ') : text;
  if (dropQuoted) source = source.replace(QUOTED_RE, ' ');
  const out: string[] = [];
  const hasCjk = NON_ASCII.test(source) && CJK.test(source);
  // (`match` and plain loops, with the filter of `keep` written out: this runs over every signature
  // and alias when a worker loads the index, in code not yet optimised, where the regular
  // expression's compiled matcher is the fastest split and a call per word costs.)
  const lower = source.toLowerCase();
  for (const t of lower.match(TOKEN_RE) ?? []) {
    if (t.length < 2 && t.charCodeAt(0) < 128) continue;
    if (hasCjk && CJK.test(t)) {
      cjkTokens(t, out);
      continue;
    }
    if (t.length > LONGEST_WORD || STOPWORDS.has(t)) continue;
    if (hasDigit(t) && (/^\d+$/.test(t) || /^(?=.*\d)[0-9a-f]{6,}$/.test(t) || /^0x[0-9a-f]+$/.test(t))) continue;
    out.push(t.length < 6 ? t : stem(t));
    if (t.includes('_')) snakeParts(t, out);
  }
  if (HYPHEN_BETWEEN_LETTERS.test(lower)) for (const m of lower.matchAll(HYPHENATED)) keep(m[1]! + m[2]!, out);
  editorCodes(lower, out);
  return out;
}

function editorCodes(lower: string, out: string[]): void {
  if (lower.includes('ts(')) for (const m of lower.matchAll(EDITOR_TS_CODE)) keep(`ts${m[1]!}`, out);
}

/**
 * tokenize(text), for the lines of pastes: these are tokenised on every paste, in optimised code,
 * where splitting ASCII text by hand is about twice as fast (its word characters are exactly
 * [a-z0-9_] once lower-cased). Other text goes to tokenize.
 */
export function tokenizeLine(text: string): string[] {
  const source = text.includes('<') || text.includes('{') ? text.replace(PLACEHOLDER_RE, ' ') : text;
  const lower = source.toLowerCase();
  if (NON_ASCII.test(lower)) return tokenize(text);
  const out: string[] = [];
  let prevStart = -1;
  let prevEnd = -1;
  for (let i = 0; i < lower.length; ) {
    if (!isAsciiWordChar(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < lower.length && isAsciiWordChar(lower.charCodeAt(end))) end++;
    if (end - i >= 2) keep(lower.slice(i, end), out);
    // `brown-out` is also `brownout` (see HYPHENATED).
    if (prevEnd === i - 1 && lower.charCodeAt(prevEnd) === 45 && end - i >= 2 && prevEnd - prevStart >= 2 && lower.charCodeAt(end) !== 45 && (prevStart === 0 || lower.charCodeAt(prevStart - 1) !== 45) && isLetters(lower, prevStart, prevEnd) && isLetters(lower, i, end)) {
      keep(lower.slice(prevStart, prevEnd) + lower.slice(i, end), out);
    }
    prevStart = i;
    prevEnd = end;
    i = end;
  }
  editorCodes(lower, out);
  return out;
}

/** Scripts written without spaces between words. */
const CJK_CHAR = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const CJK = new RegExp(`[${CJK_CHAR}]`, 'u');
const CJK_RUNS = new RegExp(`[${CJK_CHAR}]+|[^${CJK_CHAR}]+`, 'gu');

/** Whether a text holds a character of such a script. */
export function hasCjk(text: string): boolean {
  return NON_ASCII.test(text) && CJK.test(text);
}

/** Whether a token is a bigram of such a script (it says more than two Latin letters do). */
export function isCjkToken(t: string): boolean {
  return t.charCodeAt(0) >= 0x1100 && CJK.test(t);
}

/** A word holding CJK characters: each CJK run as its bigrams, other parts as words. */
function cjkTokens(word: string, out: string[]): void {
  for (const run of word.match(CJK_RUNS) ?? []) {
    if (!CJK.test(run)) {
      if (run.length >= 2) keep(run, out);
      continue;
    }
    // A lone character between other text is a word of its own (`表` in `错误: 表 "t" 不存在`).
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 2 <= run.length; i++) out.push(run.slice(i, i + 2));
  }
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}

/** Adds a word unless it is too long, a stopword, a number or a hex id (as tokenize does). */
function keep(t: string, out: string[]): void {
  if (t.length > LONGEST_WORD || STOPWORDS.has(t)) return;
  if (hasDigit(t) && (/^\d+$/.test(t) || /^(?=.*\d)[0-9a-f]{6,}$/.test(t) || /^0x[0-9a-f]+$/.test(t))) return;
  out.push(t.length < 6 ? t : stem(t));
  if (t.includes('_')) snakeParts(t, out);
}

/**
 * A light stemmer (callers pass words of six characters or more): they lose one ending (-ing, -ed, -es, -s, -e), so that
 * `dispose()` and "disposed", "refused" and "refuses", "requests" and "request" are one word. Other
 * versions of a tool word the same error with another tense or number; idf and every comparison
 * see the stem. Shorter words (`class`, `cache`, `uses`) stay as they are: there an ending is
 * often part of the word.
 */
function stem(t: string): string {
  // (Character codes rather than endsWith: this runs for every word of every signature when a worker
  // loads the index, in code not yet optimised.)
  const n = t.length;
  const last = t.charCodeAt(n - 1);
  if (last === 103 /* g */) return t.charCodeAt(n - 2) === 110 && t.charCodeAt(n - 3) === 105 ? t.slice(0, -3) : t;
  if (last === 100 /* d */) return t.charCodeAt(n - 2) === 101 ? t.slice(0, -2) : t;
  if (last === 115 /* s */) {
    const before = t.charCodeAt(n - 2);
    return before === 115 ? t : before === 101 ? t.slice(0, -2) : t.slice(0, -1);
  }
  return last === 101 /* e */ ? t.slice(0, -1) : t;
}

/**
 * The parts of a snake_case word, after the word itself: `ERR_DLOPEN_FAILED` is also "err", "dlopen",
 * "failed", so it shares words with "dlopen failed", while the whole word still names the code.
 */
function snakeParts(t: string, out: string[]): void {
  for (const part of t.split('_')) {
    if (part.length < 2 || part === t || STOPWORDS.has(part) || /^\d+$/.test(part)) continue;
    out.push(part.length < 6 ? part : stem(part));
  }
}

function hasDigit(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * A record wording's words without the hyphenated ones written as one (`ordersapi` of `orders-api`),
 * which tokenize adds after the wording's words: not words of their own there. Computed once per
 * word list (a record's variants are kept).
 */
export function withoutJoinedWords(words: readonly string[]): readonly string[] {
  let kept = joinsLeftOut.get(words);
  if (!kept) joinsLeftOut.set(words, (kept = leaveOutJoins(words)));
  return kept;
}

const joinsLeftOut = new WeakMap<readonly string[], readonly string[]>();

function leaveOutJoins(words: readonly string[]): readonly string[] {
  const parts = new Set(words);
  const isJoin = (w: string): boolean => {
    if (w.includes('_')) return false; // a snake_case word, followed by its parts
    for (let k = 2; k <= w.length - 2; k++) {
      if (!parts.has(w.slice(0, k))) continue;
      // The first part may have lost its ending to the stemmer (`orders` → `order`).
      for (let j = k; j <= k + 2 && j <= w.length - 2; j++) if (parts.has(w.slice(j))) return true;
    }
    return false;
  };
  const joins = words.filter(isJoin);
  return joins.length === 0 ? words : words.filter((w) => !joins.includes(w));
}

/**
 * withoutJoinedWords for a line's words, where tokenizeLine puts a hyphenated word's joined form
 * right after its two parts: a check of each word against the two before it.
 */
export function lineWithoutJoinedWords(words: readonly string[]): readonly string[] {
  const isJoin = (w: string, i: number) => i >= 2 && w.length > 4 && w.startsWith(words[i - 2]!) && w.endsWith(words[i - 1]!) && !w.includes('_');
  return words.some(isJoin) ? words.filter((w, i) => !isJoin(w, i)) : words;
}
