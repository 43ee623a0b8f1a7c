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
/**
 * A terminal's break that fell on a space keeps it, at the line's end or the next line's start: a
 * line printed so is rare, so one such break is enough at any width.
 */
const BREAK_AT_SPACE = /\S $/;
const BREAK_AT_SPACE_NEXT = /^ [a-z0-9]/;
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
 * stack's, are lines of their own). With WRAP_MIN_LINES such lines, each different (one at a
 * TERMINAL_WIDTHS width, or one whose break fell on a kept space), each runs on into the next. Nothing is added between: a terminal breaks inside a word as readily
 * as between two.
 */
function joinHardWraps(lines: string[], hard = hardBreaks(lines)): string[] {
  if (hard.distinct < (TERMINAL_WIDTHS.has(hard.width) || hard.atSpace ? 1 : WRAP_MIN_LINES)) return lines;
  const out: string[] = [];
  let run = '';
  for (let k = 0; k < lines.length; k++) {
    run += lines[k]!;
    if (hard.broken[k]) continue;
    out.push(run);
    run = '';
  }
  return out;
}

/** Where a terminal broke lines (see joinHardWraps): which lines run on, how many distinct ones, at which width. */
function hardBreaks(lines: string[]): { broken: boolean[]; distinct: number; width: number; atSpace: boolean } {
  let width = 0;
  for (const line of lines) width = Math.max(width, columns(line));
  if (width < WRAP_MIN_WIDTH) return { broken: [], distinct: 0, width, atSpace: false };
  let atSpace = false;
  const broken: boolean[] = [];
  // Distinct lines: one line printed twice (a source line in the question's code and again in its
  // traceback) fills the longest width twice by itself.
  const seen = new Set<string>();
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const next = lines[k + 1];
    const runsOn = next !== undefined && columns(line) === width && CONTINUATION.test(next) && !RULE.test(line) && !line.endsWith('  ') && next.slice(0, SAME_OPENING) !== line.slice(0, SAME_OPENING);
    broken.push(runsOn);
    if (!runsOn) continue;
    seen.add(line);
    if (BREAK_AT_SPACE.test(line) || BREAK_AT_SPACE_NEXT.test(next!)) atSpace = true;
  }
  return { broken, distinct: seen.size, width, atSpace };
}

/** The widths at which mail clients wrap text between words (72 to 78 columns; the paste's longest line a little under). */
const WORD_WRAP_WIDTHS = { least: 60, most: 80 };
/**
 * What an indented line's rest opens with (a frame or a source line broken: `\tat` before a class
 * path too long to fit, Python's `File "…", line` before `565, in _api_call`): no capital, as
 * the margin after a frame (`Caused by: `, `ValueError: `) or a statement has.
 */
const INDENTED_CONTINUATION = /^(?![A-Z])/;
/** A line that may be the rest of one broken between words: at the margin, no prompt, comment, quote, fence, list item or label (`ssh: `, `error: `). */
const WORD_CONTINUATION = /^(?![$#>`]|- |[\w.-]+:(?: |$))\S/;
/** A space between two words: where a mail client can break a line. */
const INNER_SPACE = /\S\s+\S/;
/** How much shorter than the width a line broken between words may be (the next word was that long). */
const WORD_WRAP_SLACK = 25;

/** A frame's `at` alone on its line: the class path after it did not fit. */
const LONE_FRAME_WORD = /^\s+at$/;

/** Where a mail or chat client broke lines: which lines run on; how many distinct ones short of the width, how many at it. */
interface WordBreaks {
  broken: boolean[];
  short: number;
  full: number;
}

/**
 * The lines a mail or chat client broke between words (a message copied from an e-mail or a ticket
 * wrapped at 72 columns). A line is broken there when the next line's first word would not have
 * fitted after it within the paste's width (its longest line with a space in it), it is at most
 * WORD_WRAP_SLACK short of that width unless that word is that long, the next line may be its rest
 * (WORD_CONTINUATION; after an indented line, INDENTED_CONTINUATION) and does not open as it does
 * (lines of a log share their time), and it is no rule. Null when the width is no mail client's.
 */
function wordBreaks(lines: string[]): WordBreaks | null {
  // (A word too long for any line, a URL or an ARN, stands alone past the width.) Characters, not
  // columns: a mail client counts a tab as one.
  let width = 0;
  for (const line of lines) {
    const length = line.length;
    if (length > width && INNER_SPACE.test(line)) width = length;
  }
  if (width < WORD_WRAP_WIDTHS.least || width > WORD_WRAP_WIDTHS.most) return null;
  const broken: boolean[] = [];
  const short = new Set<string>();
  const full = new Set<string>();
  let run = '';
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (!broken[k - 1]) run = line;
    const runsOn = brokenBetweenWords(line, lines[k + 1], width, run);
    broken.push(runsOn);
    // A line far short of the width, broken before a long word (a path), tells no mail client,
    // unless it is a frame's `at` alone: no tool prints that (each one counts, as each frame differs).
    const lone = LONE_FRAME_WORD.test(line);
    if (runsOn && (line.length >= width - WORD_WRAP_SLACK || lone)) (line.length < width ? short : full).add(lone ? `${k}` : line);
  }
  return { broken, short: short.size, full: full.size };
}

/** The runs of lines that `broken` says run on, each joined with the space the break took. */
function joinBroken(lines: string[], broken: boolean[]): string[] {
  const out: string[] = [];
  let run = '';
  for (let k = 0; k < lines.length; k++) {
    run += run ? ` ${lines[k]!.trimStart()}` : lines[k]!;
    if (broken[k]) continue;
    out.push(run);
    run = '';
  }
  return out;
}

/**
 * Lines broken by a mail client or a terminal joined again. A mail client breaks between words, and
 * lines short of the width among them; a terminal only full lines, inside words as readily. So when
 * more distinct lines were broken short of the width than at it or by a terminal's reading
 * (WRAP_MIN_LINES at least), the paste is a mail's and only its word breaks are joined; otherwise a
 * terminal's breaks first (joinHardWraps), then any word breaks left (WRAP_MIN_LINES, each different).
 */
export function joinWraps(lines: string[]): string[] {
  const mail = wordBreaks(lines);
  const hard = hardBreaks(lines);
  if (mail && mail.short >= WRAP_MIN_LINES && mail.short > Math.max(mail.full, hard.distinct)) return joinBroken(lines, mail.broken);
  const unbroken = joinHardWraps(lines, hard);
  const words = unbroken === lines ? mail : wordBreaks(unbroken);
  return words && words.short + words.full >= WRAP_MIN_LINES ? joinBroken(unbroken, words.broken) : unbroken;
}

/** Whether a mail client broke `line` before `next` (see wordBreaks). */
function brokenBetweenWords(line: string, next: string | undefined, width: number, run: string): boolean {
  const length = line.trimEnd().length;
  if (next === undefined || length === 0 || !WORD_CONTINUATION.test(next)) return false;
  if (/^\s/.test(run) && !INDENTED_CONTINUATION.test(next)) return false;
  const space = next.indexOf(' ');
  const word = space < 0 ? next.length : space;
  if (length < width - WORD_WRAP_SLACK && word < WORD_WRAP_SLACK) return false;
  const opening = next.slice(0, SAME_OPENING);
  return length + 1 + word > width && opening !== line.slice(0, SAME_OPENING) && opening !== run.slice(0, SAME_OPENING) && !RULE.test(line);
}
