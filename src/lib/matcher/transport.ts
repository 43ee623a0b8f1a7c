/**
 * What carrying a paste added to it, taken off before it is read. Text copied from a web page, a
 * chat or an issue is not the text the tool printed:
 *
 * - non-breaking and other Unicode spaces stand between its words (a page's `&nbsp;`, a chat's
 *   narrow spaces), and zero-width characters inside them (where a page allows a line break);
 * - HTML escapes stand for its quotes and brackets (a log copied from a page's source, a JUnit
 *   XML report's `message="expected &quot;x&quot;"`);
 * - every line starts with a quote marker (Markdown and e-mail quotes: `> `), with a comment's (the
 *   error kept in a script, a Dockerfile or a YAML file as `# …`, in code as `// …`), with a list
 *   item's (`- `: a log pasted as a Markdown list), or
 * - with a line-number gutter (an editor's or a log viewer's `  12 | `, `cat -n`'s `    12<TAB>`,
 *   `grep -n`'s `12:`);
 * - every line opens with the pod and container it came from (stern);
 * - the log is a log viewer's CSV export (`"@timestamp","message"`, a row per entry, its values
 *   quoted with `""` inside and line breaks kept), read as its message column;
 * - every line is indented alike (a Markdown code block written by indenting, a ticket's or an
 *   e-mail's indented quote, a YAML block scalar), or every line of a block under a sentence (a
 *   question with its log indented as code) or under a YAML key opening a block scalar (Ansible's
 *   `stderr: |-`);
 * - long lines are broken where the terminal's width ended (an old Windows console, `screen`, a
 *   phone's SSH client);
 * - a message retyped from a screenshot or a colleague's screen loses its apostrophes
 *   (`couldnt resolve module/action`).
 *
 * Each of these left a paste's words unread: `permission\u00a0denied` is one word, `> at foo(…)`
 * is no stack frame, `> ` is how npm echoes a command (normalize.ts, ECHOED_COMMAND), and an
 * indented line reads as a frame or as an item under the line before it.
 */
import { withoutAssistantTurns } from './chat-turns.ts';
import { fromCsvExport } from './csv-export.ts';
import { joinWraps } from './line-wraps.ts';
import { NON_ASCII } from './probe.ts';

/** Unicode spaces other than the ASCII one: no-break, the typographic spaces, narrow no-break, math. */
const UNICODE_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f]/g;
/** Zero-width characters (space, joiners, word joiner, a byte-order mark within the text). */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/** The HTML escapes a page or an XML report writes for text: the five of XML, `&nbsp;` and numeric ones. */
const HTML_ESCAPE = /&(?:(quot|apos|amp|lt|gt|nbsp)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/g;
const NAMED_ESCAPES: Readonly<Record<string, string>> = { quot: '"', apos: "'", amp: '&', lt: '<', gt: '>', nbsp: ' ' };

/** A line's Unicode spaces as ASCII spaces, its zero-width characters removed. */
export function plainSpaces(line: string): string {
  if (!NON_ASCII.test(line)) return line;
  return line.replace(UNICODE_SPACE, ' ').replace(ZERO_WIDTH, '');
}

/**
 * A typographic dash inside a word (`github—actions`, `utf‑8`, `x86‐64`): OCR, a word processor or a
 * chat reads a hyphen back so, and a pattern's `-` matches none of them. Hyphens proper (U+2010,
 * U+2011) and minus signs anywhere; figure, en and em dashes only between letters or digits, where
 * they are no sentence's dash.
 */
const HYPHEN_LIKE = /[\u2010\u2011\u2212]|(?<=[A-Za-z0-9])[\u2012-\u2015](?=[A-Za-z0-9])/g;

/** A line's typographic hyphens as ASCII ones (HYPHEN_LIKE). */
export function plainDashes(line: string): string {
  return NON_ASCII.test(line) ? line.replace(HYPHEN_LIKE, '-') : line;
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

/** A quote marker: `>`, then a space unless the line ends there (an empty quoted line) or a second marker follows (e-mail nests as `>> `; `>>> ` is Python's prompt). */
const QUOTE_MARKER = /^[ \t]{0,3}>(?: |$|(?=>(?: |$)))/;
/**
 * A line-number gutter: digits, then a bar (`12 | `, `12│`), a tab (`cat -n`), a colon with the text
 * right after it (`grep -n`'s `12:text`; `  0: main` is a Rust backtrace frame, and `12:04:05` a time)
 * or a numbered list's `12. ` (a log pasted line by line as one).
 */
const GUTTER = /^[ \t]*(\d{1,7})(?:[ \t]*[|│] ?|\t|:(?![\d\s])|\. )/;
/** Of the lines that are not empty, the share that must carry a marker for it to be the transport's. */
const MARKED_SHARE = 0.8;
/** Fewer lines than this are too few to tell a gutter from text that starts with a number. */
const GUTTER_MIN_LINES = 3;
/**
 * An e-mail's attribution above the text it quotes (`On Fri, Nov 20, 2026 at 10:42 AM Jane <…>
 * wrote:`, `> Bob wrote:`): no line of the quote, and none against its markers either.
 */
const ATTRIBUTION = /\b(?:wrote|schrieb|écrit|escribió|scritto|escreveu)\s?:\s*$/i;
/** Quotes nest (`> > `): at most this many levels are taken off. */
const QUOTE_LEVELS = 3;

const NOT_BLANK = /\S/;
/** Fewer lines than this are not taken for a list. */
const LIST_MIN_LINES = 2;

/** Whether most non-empty lines match `marker` (looking no further once too many do not). */
function mostlyMarked(lines: readonly string[], marker: RegExp, aside?: RegExp): boolean {
  // (Written as `n - n * share`, not `n * (1 - share)`: 1 - 0.8 is a hair under 0.2.)
  const unmarkedAtMost = lines.length - lines.length * MARKED_SHARE;
  let filled = 0;
  let unmarked = 0;
  for (const line of lines) {
    if (!NOT_BLANK.test(line) || aside?.test(line)) continue;
    filled++;
    if (!marker.test(line) && ++unmarked > unmarkedAtMost) return false;
  }
  return filled > 0 && filled - unmarked >= filled * MARKED_SHARE;
}

/**
 * A comment marker before a line: `#` or `//`, then a space unless the line ends there. (BuildKit's
 * step numbers, `#8 [2/4] RUN …`, have no space; a root shell's prompt, `# `, is on its commands only.)
 */
const COMMENT_MARKER = /^[ \t]*(?:#|\/\/)(?: |$)/;

/**
 * A list item's marker before a line: `-`, `*` or `•` at the margin, then a space (a log pasted as a
 * Markdown list, line by line). Taken off only from two lines on: one is a sentence's dash.
 */
const LIST_MARKER = /^(?:[-*\u2022] |[-*\u2022]$)/;

/** Consecutive lines that make a quote inside a paste of other lines (an e-mail's reply above the text it quotes). */
const QUOTE_RUN_MIN = 3;

/**
 * The lines with the quote markers of each run of QUOTE_RUN_MIN quoted lines or more taken off (a
 * reply written above the log it quotes: most lines of the paste may be the reply's). npm's echoed
 * command is two such lines.
 */
function withoutQuotedRuns(lines: string[]): string[] {
  let out: string[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    let end = i;
    while (end < lines.length && QUOTE_MARKER.test(lines[end]!)) end++;
    if (end - i >= QUOTE_RUN_MIN) {
      out ??= [...lines];
      for (let k = i; k < end; k++) out[k] = lines[k]!.replace(QUOTE_MARKER, '');
    }
    i = end;
  }
  return out ?? lines;
}

/** The lines without the quote markers, the comment markers or the list markers every line of the paste starts with. */
function unquote(lines: string[]): string[] {
  for (let level = 0; level < QUOTE_LEVELS; level++) {
    const unquoted = mostlyMarked(lines, QUOTE_MARKER, ATTRIBUTION) ? lines.map((line) => line.replace(QUOTE_MARKER, '')) : withoutQuotedRuns(lines);
    if (unquoted === lines) break;
    lines = unquoted;
  }
  if (mostlyMarked(lines, COMMENT_MARKER)) lines = lines.map((line) => line.replace(COMMENT_MARKER, ''));
  else if (lines.length >= LIST_MIN_LINES && mostlyMarked(lines, LIST_MARKER)) lines = lines.map((line) => line.replace(LIST_MARKER, ''));
  return lines;
}

/**
 * The lines without a line-number gutter: taken off only when most lines carry one and its numbers
 * rise from line to line, as a gutter's do and a table's or a backtrace's first column need not.
 */
function withoutGutter(lines: string[]): string[] {
  if (!mostlyMarked(lines, GUTTER)) return lines;
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
  if (count < GUTTER_MIN_LINES || !rising) return lines;
  return lines.map((line) => line.replace(GUTTER, ''));
}

/**
 * stern's prefix (and that of other tools tailing several pods): the pod, then the container, before
 * each line (`checkout-7f9b6c5d8-2vxkq checkout `). A pod's name ends in its ReplicaSet's hash and its
 * own suffix, in a suffix with a digit (a DaemonSet's or Job's pod), or in an ordinal (a StatefulSet's).
 */
const POD_CONTAINER = /^[a-z0-9][a-z0-9.-]*-(?:[a-z0-9]{6,10}-[a-z0-9]{5}|(?=[a-z]*\d)[a-z0-9]{5}|\d{1,3}) [a-z0-9][a-z0-9_.-]{0,62}(?: |$)/;

/** The lines without the pod and container before most of them. */
function withoutPodPrefix(lines: string[]): string[] {
  return mostlyMarked(lines, POD_CONTAINER) ? lines.map((line) => line.replace(POD_CONTAINER, '')) : lines;
}

/** A table's cell before a tab: a time, a level, a host, a pod (a few words at most). */
const LEADING_CELL = /^[^\t]{1,40}\t/;
/** A log viewer's first cell: the entry's time (`Nov 20, 2026 @ 10:11:12.345`, `2026-11-20 10:11:12`). */
const TIME_CELL = /^[^\t]{0,30}\b\d{1,2}:\d{2}(?::\d{2})?\b[^\t]{0,12}\t/;
/** Rows copied out of a log viewer's table, at least: fewer could be any lines with a tab. */
const TABLE_MIN_ROWS = 3;

/** How many cells (LEADING_CELL) open a line. */
function leadingCells(line: string): number {
  let cells = 0;
  for (let rest = line, m = LEADING_CELL.exec(rest); m; m = LEADING_CELL.exec(rest)) {
    cells++;
    rest = rest.slice(m[0].length);
  }
  return cells;
}

/**
 * The lines without the cells a log viewer's table puts before each message (Kibana's Discover,
 * copied: `Nov 20, 2026 @ 10:11:12.345<TAB>api-7d9f8c6b5-x2k4q<TAB>message`): when most lines open
 * with a time and a tab, the number of cells most lines open with, taken off where a line has that
 * many. A message's own tab (a Java frame's) follows an empty cell, and is kept. (Other tables keep
 * their cells: an IDE's error list opens with the severity and the code, which tell errors apart.)
 */
function withoutTableCells(lines: string[]): string[] {
  if (lines.length < TABLE_MIN_ROWS || !lines.some((line) => line.includes('\t')) || !mostlyMarked(lines, TIME_CELL)) return lines;
  const counts = new Map<number, number>();
  for (const line of lines) if (NOT_BLANK.test(line)) counts.set(leadingCells(line), (counts.get(leadingCells(line)) ?? 0) + 1);
  let cells = 0;
  for (const [n, count] of counts) if (n > 0 && count > (counts.get(cells) ?? 0)) cells = n;
  if (cells === 0) return lines;
  const marker = new RegExp(`^(?:[^\\t]{1,40}\\t){${cells}}`);
  return mostlyMarked(lines, marker) ? lines.map((line) => line.replace(marker, '')) : lines;
}

const INDENT = /^[ \t]*/;

/**
 * The lines without the indentation all of them share (the longest run of spaces and tabs every
 * line that is not blank starts with): a stack trace keeps its frames' indentation under its header.
 */
function dedent(lines: string[]): string[] {
  let common: string | null = null;
  for (const line of lines) {
    if (!NOT_BLANK.test(line)) continue;
    const indent = INDENT.exec(line)![0];
    if (common === null) common = indent;
    else {
      let k = 0;
      while (k < common.length && k < indent.length && common[k] === indent[k]) k++;
      common = common.slice(0, k);
    }
    if (common === '') return lines;
  }
  if (!common) return lines;
  const cut = common.length;
  return lines.map((line) => (NOT_BLANK.test(line) ? line.slice(cut) : line.slice(Math.min(cut, INDENT.exec(line)![0].length))));
}

/** A YAML key opening a block scalar (`stderr: |-`, `message: >`): the lines under it are its text. */
const BLOCK_SCALAR = /^([ \t]*)(?:- )?[\w.@/-]+: [|>][-+]?[1-9]?\s*$/;

/**
 * The text of YAML block scalars at the margin (Ansible's YAML output, `kubectl get -o yaml`): the
 * run of lines under a key opening one, indented further than the key, loses the indentation its
 * lines share, as a paste indented whole does (dedent).
 */
function dedentBlockScalars(lines: string[]): string[] {
  return dedentRuns(lines, (i) => {
    const header = i > 0 ? BLOCK_SCALAR.exec(lines[i - 1]!) : null;
    if (!header) return i;
    const keyIndent = header[1]!.length;
    let end = i;
    while (end < lines.length && (!NOT_BLANK.test(lines[end]!) || INDENT.exec(lines[end]!)![0].length > keyIndent)) end++;
    while (end > i && !NOT_BLANK.test(lines[end - 1]!)) end--;
    return end;
  });
}

/** A line of an indented code block: four spaces or a tab in (Markdown's rule). */
const CODE_BLOCK_LINE = /^(?: {4}|\t)/;

/**
 * Indented code blocks under text (a question or a ticket with the log indented as code after a
 * sentence): each run of lines after a blank line, every one of them four spaces or a tab in, loses
 * the indentation its lines share, as a paste indented whole does (dedent).
 */
function dedentCodeBlocks(lines: string[]): string[] {
  return dedentRuns(lines, (i) => {
    if ((i > 0 && NOT_BLANK.test(lines[i - 1]!)) || !CODE_BLOCK_LINE.test(lines[i]!)) return i;
    let end = i;
    while (end < lines.length && (CODE_BLOCK_LINE.test(lines[end]!) || (!NOT_BLANK.test(lines[end]!) && end + 1 < lines.length && CODE_BLOCK_LINE.test(lines[end + 1]!)))) end++;
    return i === 0 && end === lines.length ? i : end; // indented whole: dedent's
  });
}

/**
 * The lines with each run `runAt` finds losing the indentation its lines share (dedent): `runAt(i)`
 * is where a run starting at line `i` ends (exclusive), or `i` when none starts there.
 */
function dedentRuns(lines: string[], runAt: (i: number) => number): string[] {
  let out: string[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const end = runAt(i);
    if (end <= i) continue;
    const block = dedent(lines.slice(i, end));
    out ??= [...lines];
    for (let k = i; k < end; k++) out[k] = block[k - i]!;
    i = end - 1;
  }
  return out ?? lines;
}

/**
 * A negation written without its apostrophe (`couldnt`, `doesnt`, `cant`): not in a flag or a name
 * (`--dont-ask`, `dont_wait`), where it is no word of a message.
 */
const BARE_NEGATION = /(?<![\w-])(could|would|should|does|do|did|is|was|are|were|has|have|had|must|need|ca|wo)(n)(t)(?![\w-])/gi;

/** Negations retyped without their apostrophe given it back, so that a pattern's `couldn't` holds. */
export function restoreApostrophes(line: string): string {
  return line.includes('nt') || line.includes('NT') ? line.replace(BARE_NEGATION, "$1$2'$3") : line;
}

/**
 * What is taken off, in order: markers before lines, then prefixes, then indentation; an assistant's
 * turns once the person's lines are at the margin; then lines a mail client or a terminal broke.
 */
const STEPS: readonly ((lines: string[]) => string[])[] = [
  unquote,
  withoutGutter,
  withoutPodPrefix,
  withoutTableCells,
  dedent,
  withoutAssistantTurns,
  dedentCodeBlocks,
  dedentBlockScalars,
  joinWraps,
];

/** The lines of `text` as the tool printed them: see the module's comment. */
export function unwrapTransport(rawLines: string[], text: string): string[] {
  const lines = fromCsvExport(rawLines);
  const plain = NON_ASCII.test(text) || text.includes('&') ? lines.map((line) => unescapeHtml(plainDashes(plainSpaces(line)))) : lines;
  let out = plain;
  for (const step of STEPS) out = step(out);
  return out.map(restoreApostrophes);
}
