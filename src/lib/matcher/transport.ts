/**
 * What carrying a paste added to it, taken off before it is read. Text copied from a web page, a
 * chat or an issue is not the text the tool printed:
 *
 * - non-breaking and other Unicode spaces stand between its words (a page's `&nbsp;`, a chat's
 *   narrow spaces), and zero-width characters inside them (where a page allows a line break);
 * - HTML escapes stand for its quotes and brackets (a log copied from a page's source, a JUnit
 *   XML report's `message="expected &quot;x&quot;"`);
 * - every line starts with a quote marker (Markdown and e-mail quotes: `> `), or
 * - with a line-number gutter (an editor's or a log viewer's `  12 | `, `cat -n`'s `    12<TAB>`,
 *   `grep -n`'s `12:`).
 *
 * Each of these left a paste's words unread: `permission\u00a0denied` is one word, `> at foo(…)`
 * is no stack frame, and `> ` is how npm echoes a command (normalize.ts, ECHOED_COMMAND).
 */

/** Unicode spaces other than the ASCII one: no-break, the typographic spaces, narrow no-break, math. */
const UNICODE_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f]/g;
/** Zero-width characters (space, joiners, word joiner, a byte-order mark within the text). */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** The HTML escapes a page or an XML report writes for text: the five of XML, `&nbsp;` and numeric ones. */
const HTML_ESCAPE = /&(?:(quot|apos|amp|lt|gt|nbsp)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/g;
const NAMED_ESCAPES: Readonly<Record<string, string>> = { quot: '"', apos: "'", amp: '&', lt: '<', gt: '>', nbsp: ' ' };

/** A line's Unicode spaces as ASCII spaces, its zero-width characters removed. */
export function plainSpaces(line: string): string {
  if (!NON_ASCII.test(line)) return line;
  return line.replace(UNICODE_SPACE, ' ').replace(ZERO_WIDTH, '');
}

/** HTML escapes replaced by the characters they stand for (once: `&amp;lt;` is `&lt;`). */
export function unescapeHtml(line: string): string {
  if (!line.includes('&')) return line;
  return line.replace(HTML_ESCAPE, (escape: string, name?: string, decimal?: string, hex?: string) => {
    if (name) return NAMED_ESCAPES[name]!;
    const code = decimal ? Number(decimal) : parseInt(hex!, 16);
    // Control characters and surrogates are not text a tool printed; such an escape stays as written.
    if (code < 0x20 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return escape;
    return String.fromCodePoint(code);
  });
}

/** A quote marker: `>`, then a space unless the line ends there (an empty quoted line). */
const QUOTE_MARKER = /^[ \t]{0,3}>(?: |$)/;
/**
 * A line-number gutter: digits, then a bar (`12 | `, `12│`), a tab (`cat -n`) or a colon with the text
 * right after it (`grep -n`'s `12:text`; `  0: main` is a Rust backtrace frame, and `12:04:05` a time).
 */
const GUTTER = /^[ \t]*(\d{1,7})(?:[ \t]*[|│] ?|\t|:(?![\d\s]))/;
/** Of the lines that are not empty, the share that must carry a marker for it to be the transport's. */
const MARKED_SHARE = 0.8;
/** Fewer lines than this are too few to tell a gutter from text that starts with a number. */
const GUTTER_MIN_LINES = 3;
/** Quotes nest (`> > `): at most this many levels are taken off. */
const QUOTE_LEVELS = 3;

/** Whether most non-empty lines match `marker`. */
function mostlyMarked(lines: readonly string[], marker: RegExp): boolean {
  let filled = 0;
  let marked = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    filled++;
    if (marker.test(line)) marked++;
  }
  return filled > 0 && marked >= filled * MARKED_SHARE;
}

/** The lines without the quote markers every line of a quoted paste starts with. */
function unquote(lines: string[]): string[] {
  for (let level = 0; level < QUOTE_LEVELS && mostlyMarked(lines, QUOTE_MARKER); level++) {
    lines = lines.map((line) => line.replace(QUOTE_MARKER, ''));
  }
  return lines;
}

/**
 * The lines without a line-number gutter: taken off only when most lines carry one and its numbers
 * rise from line to line, as a gutter's do and a table's or a backtrace's first column need not.
 */
function withoutGutter(lines: string[]): string[] {
  let count = 0;
  let previous = -1;
  let rising = true;
  for (const line of lines) {
    const m = GUTTER.exec(line);
    if (!m) continue;
    const n = Number(m[1]);
    if (n <= previous) rising = false;
    previous = n;
    count++;
  }
  if (count < GUTTER_MIN_LINES || !rising || !mostlyMarked(lines, GUTTER)) return lines;
  return lines.map((line) => line.replace(GUTTER, ''));
}

/** The paste's lines as the tool printed them: see the module's comment. */
export function unwrapTransport(lines: string[]): string[] {
  const plain = lines.map((line) => unescapeHtml(plainSpaces(line)));
  return withoutGutter(unquote(plain));
}
