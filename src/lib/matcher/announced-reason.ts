/**
 * A line that ends with a colon announces the reason that follows (Maven's `Failed to execute goal
 * …:test (default-test) on project x:` with the reason on the lines under it). A tool prints that
 * head for many of its errors, and a record whose wording is the head and one reason (`… on project
 * <project>: There are test failures.`) holds most of its words on any of them. So when a record
 * found by wording alone on such a line lacks its deciding word there (the most informative word of
 * its signature the line does not hold) and the lines that follow do not hold it either, the line
 * shows the head and not the record's reason: another reason under it (a crashed fork) is another
 * error.
 */
import type { PreparedLine } from './normalize.ts';
import { tokenize } from './tokens.ts';
import { ANNOUNCED_LINES } from './tuning.ts';
import type { Variant } from './vocabulary.ts';

const ENDS_WITH_COLON = /:\s*$/;

/**
 * Whether `line` ends with a colon and the signature's most informative word it lacks is on none of
 * the ANNOUNCED_LINES lines after it. False for other lines, and when the line holds every word.
 */
export function reasonMissing(signature: Variant, line: PreparedLine, lines: readonly PreparedLine[]): boolean {
  if (!ENDS_WITH_COLON.test(line.text)) return false;
  const own = new Set(tokenize(line.text));
  let deciding: string | null = null;
  let weight = 0;
  for (let i = 0; i < signature.tokens.length; i++) {
    const word = signature.tokens[i]!;
    if (!own.has(word) && signature.idfs[i]! > weight) {
      deciding = word;
      weight = signature.idfs[i]!;
    }
  }
  if (deciding === null) return false;
  for (let k = line.index + 1; k <= line.index + ANNOUNCED_LINES && k < lines.length; k++) if (tokenize(lines[k]!.text).includes(deciding)) return false;
  return true;
}
