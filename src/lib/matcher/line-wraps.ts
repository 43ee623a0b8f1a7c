/**
 * Lines a terminal or a mail client broke joined again: a terminal breaks at its width, inside a
 * word as readily as between two (a copy from an old Windows console or `screen`); a mail or chat
 * client between words, at 72 to 78 columns (a message copied from an e-mail or a ticket).
 */

/**
 * A paste whose longest line is shorter is not looked at. Terminals open at 80 columns, but a phone's
 * SSH client or a split pane is narrower. (At 80, the records' examples copied from a 60-column
 * terminal were answered first 1,187 times of 1,463; at 40, 1,366; no dev answer changed.)
 */
const WRAP_MIN_WIDTH = 40;
/** Lines broken at the paste's width before it is taken for hard-wrapped. */
const WRAP_MIN_LINES = 2;
/** The widths terminals open with (80, and 120 on Windows): at these one broken line is enough. */
const TERMINAL_WIDTHS: ReadonlySet<number> = new Set([80, 120]);
/** A rule or banner (`=====`, `_____ test_login _____`, `-----`) fills a terminal's width on purpose. */
const RULE = /^(?:([=_*#~+-])\1{5,}.*|.*([=_*#~+-])\2{5,})$/;
/** A line and the next one open alike when they share this many characters: both are lines of their own. */
const SAME_OPENING = 5;
/**
 * How the rest of a broken line opens: anywhere inside a word or after one space, but not as a line
 * of its own does: indented (a frame, a source line), a prompt or a comment (`$ `, `# `, `> `), a
 * capitalised word (`Waiting for pod …`, `Preparing environment`), a label (`hint: `, `note: `) or
 * a list's dash.
 */
const CONTINUATION = /^ ?(?!(?:hint|note|help|info|warning|error|fatal): |- )(?:[^\s$#>A-Z]|[A-Z](?![a-z]))/;

/** Columns a line takes in a terminal: a tab moves to the next multiple of 8. */
function columns(line: string): number {
  if (!line.includes('\t')) return line.length;
  let width = 0;
  for (const c of line) width = c === '\t' ? (width + 8) & ~7 : width + 1;
  return width;
}

/**
 * The lines a terminal broke at its width joined again (a copy from an old Windows console or
 * `screen` keeps the breaks). A line is broken there when it fills exactly the width of the paste's
 * longest line, is no rule nor padded (a table's row ends in spaces), and the next line opens as the
 * rest of a line does (CONTINUATION) and not as it does (repeated lines of one length, a retry's or a
 * stack's, are lines of their own). With WRAP_MIN_LINES such lines, each different (one at a TERMINAL_WIDTHS width),
 * each runs on into the next. Nothing is added between: a terminal breaks inside a word as readily
 * as between two.
 */
export function joinHardWraps(lines: string[]): string[] {
  let width = 0;
  for (const line of lines) width = Math.max(width, columns(line));
  if (width < WRAP_MIN_WIDTH) return lines;
  const broken = (k: number) => {
    const line = lines[k]!;
    const next = lines[k + 1];
    return next !== undefined && columns(line) === width && CONTINUATION.test(next) && !RULE.test(line) && !line.endsWith('  ') && next.slice(0, SAME_OPENING) !== line.slice(0, SAME_OPENING);
  };
  // Distinct lines: one line printed twice (a source line in the question's code and again in its
  // traceback) fills the longest width twice by itself.
  const seen = new Set<string>();
  for (let k = 0; k < lines.length && seen.size < WRAP_MIN_LINES; k++) if (broken(k)) seen.add(lines[k]!);
  if (seen.size < (TERMINAL_WIDTHS.has(width) ? 1 : WRAP_MIN_LINES)) return lines;
  const out: string[] = [];
  let run = '';
  for (let k = 0; k < lines.length; k++) {
    run += lines[k]!;
    if (broken(k)) continue;
    out.push(run);
    run = '';
  }
  return out;
}

/** The widths at which mail clients wrap text between words (72 to 78 columns; the paste's longest line a little under). */
const WORD_WRAP_WIDTHS = { least: 60, most: 80 };
/**
 * A line that may run on into the next: at the margin (an indented line is code or a frame, and the
 * margin after it a new statement), not ending in a space.
 */
const SENTENCE_RUNS_ON = /^\S.*\S$/;
/** A line that may be the rest of one broken between words: at the margin, no prompt, comment, quote, fence, list item or label (`ssh: `, `error: `). */
const WORD_CONTINUATION = /^(?![$#>`]|- |[\w.-]+: )\S/;
/** A space between two words: where a mail client can break a line. */
const INNER_SPACE = /\S\s+\S/;
/** How much shorter than the width a line broken between words may be (the next word was that long). */
const WORD_WRAP_SLACK = 25;

/**
 * The lines a mail or chat client broke between words joined again, with the space it took (a
 * message copied from an e-mail or a ticket wrapped at 72 columns). A line is broken there when the
 * next line's first word would not have fitted after it within the paste's width (its longest line
 * with a space in it), it is at most WORD_WRAP_SLACK short of that width, the next line may be its
 * rest (WORD_CONTINUATION) and does not open as it does (lines of a log share their time), and it is
 * no rule. Only with WRAP_MIN_LINES such lines, each different.
 */
export function joinWordWraps(lines: string[]): string[] {
  // (A word too long for any line, a URL or an ARN, stands alone past the width.)
  let width = 0;
  for (const line of lines) {
    const length = columns(line);
    if (length > width && INNER_SPACE.test(line)) width = length;
  }
  if (width < WORD_WRAP_WIDTHS.least || width > WORD_WRAP_WIDTHS.most) return lines;
  const broken = (k: number) => {
    const line = lines[k]!;
    const next = lines[k + 1];
    const length = columns(line);
    if (next === undefined || length < width - WORD_WRAP_SLACK || !SENTENCE_RUNS_ON.test(line) || !WORD_CONTINUATION.test(next)) return false;
    const space = next.indexOf(' ');
    const word = space < 0 ? next.length : space;
    return length + 1 + word > width && next.slice(0, SAME_OPENING) !== line.slice(0, SAME_OPENING) && !RULE.test(line);
  };
  const seen = new Set<string>();
  for (let k = 0; k + 1 < lines.length && seen.size < WRAP_MIN_LINES; k++) if (broken(k)) seen.add(lines[k]!);
  if (seen.size < WRAP_MIN_LINES) return lines;
  const out: string[] = [];
  let run = '';
  for (let k = 0; k < lines.length; k++) {
    run += run ? ` ${lines[k]!.trimStart()}` : lines[k]!;
    if (broken(k)) continue;
    out.push(run);
    run = '';
  }
  return out;
}
