/**
 * Cheap, bounded tests on pasted lines: a long line is only ever read by its head, and a list of
 * patterns is first tried as one union, so that the lines none of them touches (most lines) cost one
 * test, not one per pattern.
 */

/** A character outside ASCII: most lines have none, and the tests for other scripts are skipped. */
export const NON_ASCII = /[^\x00-\x7f]/;

/** Long lines are only ever examined by their head (bounded work, whatever the paste). */
const PROBE = 2000;
export const probe = (line: string) => (line.length > PROBE ? line.slice(0, PROBE) : line);

/**
 * One regular expression that matches wherever any of `patterns` does (and maybe elsewhere: it is
 * case-insensitive), so that a line none of them touches — most lines — costs one test, not one per
 * pattern. Built from the sources; none of the lists uses back-references or named groups.
 */
export function anyOf(patterns: RegExp[], flags = 'i'): RegExp {
  return new RegExp(patterns.map((re) => `(?:${re.source})`).join('|'), flags);
}
