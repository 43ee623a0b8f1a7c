/**
 * Full-width punctuation of Chinese-locale output (`错误：`, `（内容）`, `“main”`) folded to its ASCII
 * twin, in pastes and in record patterns alike, so that both are read in one form.
 */
import { NON_ASCII } from './probe.ts';

/** Full-width forms (`：`, `（`), the ideographic space and full stop. */
const FORMS = '\\uff01-\\uff5e\\u3000\\u3002';
/** Typographic quotes (`“”‘’`). */
const QUOTES = '\\u201c\\u201d\\u2018\\u2019';
const FULL_WIDTH = new RegExp(`[${FORMS}${QUOTES}]`, 'g');
const FULL_WIDTH_FORMS = new RegExp(`[${FORMS}]`, 'g');
const TYPOGRAPHIC_QUOTES = new RegExp(`[${QUOTES}]`, 'g');
const TYPOGRAPHIC_QUOTE = new RegExp(`[${QUOTES}]`);

/**
 * A paste's full-width punctuation, as Chinese-locale messages print it (`错误：`, `（内容）`), as its
 * ASCII twin, so that patterns and words see one form; letters and CJK text are left alone. Its
 * typographic quotes (`“main”`) are folded later, line by line, once its JSON and logfmt records are
 * read (foldQuotes): a JSON log keeps a `“` inside a string as it is (macOS's `x509: “api.corp”
 * certificate is not trusted`, a Chinese message), and folded early it would end the string.
 */
export function foldFullWidthForms(text: string): string {
  return NON_ASCII.test(text) ? text.replace(FULL_WIDTH_FORMS, asciiTwin) : text;
}

/** A paste line's typographic quotes as ASCII ones (see foldFullWidthForms). */
export function foldQuotes(line: string): string {
  return NON_ASCII.test(line) ? line.replace(TYPOGRAPHIC_QUOTES, asciiTwin) : line;
}

/** Whether a line holds typographic quotes. */
export function hasTypographicQuotes(line: string): boolean {
  return NON_ASCII.test(line) && TYPOGRAPHIC_QUOTE.test(line);
}

/** The ASCII twin of a character FULL_WIDTH matches. */
function asciiTwin(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return c === '\u3000' ? ' ' : c === '\u3002' ? '.' : c === '\u201c' || c === '\u201d' ? '"' : "'";
}

/** ASCII characters with a meaning in a pattern (and `-`, which has one in a character class). */
const PATTERN_SYNTAX = /[\\^$.|?*+()[\]{}\/-]/;

/** A full-width character FULL_WIDTH matches, with the backslashes before it. */
const ESCAPED_FULL_WIDTH = new RegExp(`(\\\\*)(${FULL_WIDTH.source})`, 'g');

/**
 * A record pattern's source with its full-width punctuation folded as a paste's is (foldFullWidthForms, foldQuotes),
 * so that `对路径“…”的访问被拒绝` matches the folded line. A twin that means something in a pattern
 * (`（` → `(`, `。` → `.`) is written as a hex escape (`\x28`): literal in and out of character
 * classes, on both engines.
 */
export function foldFullWidthPattern(source: string): string {
  if (!NON_ASCII.test(source)) return source;
  // (An escaped full-width character, `\（`, is a literal one: its backslash goes with it.)
  return source.replace(ESCAPED_FULL_WIDTH, (_, backslashes: string, c: string) => {
    const twin = asciiTwin(c);
    const literal = PATTERN_SYNTAX.test(twin) ? `\\x${twin.charCodeAt(0).toString(16).padStart(2, '0')}` : twin;
    return backslashes.slice(backslashes.length % 2) + literal;
  });
}
