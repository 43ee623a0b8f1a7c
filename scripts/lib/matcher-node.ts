/**
 * Node helpers shared by the matcher CLI and benchmarks: read a records directory and build a matcher.
 */
import { readRecordFiles } from '../../src/lib/record/load.ts';
import { buildMatcherIndex, type MatcherRecordInput } from '../../src/lib/matcher/build.ts';
import { loadMatcher } from '../../src/lib/matcher/match.ts';
import type { Matcher } from '../../src/lib/matcher/match.ts';
import type { MatcherIndex } from '../../src/lib/matcher/build.ts';

/** Parse every record file of a directory; names the file that is not valid JSON or lacks id/signature. */
export function readMatcherRecords(dir: string): MatcherRecordInput[] {
  let files;
  try {
    files = readRecordFiles(dir);
  } catch (error) {
    throw new Error(`cannot read records directory ${dir}: ${(error as Error).message}`);
  }
  return files.map((file) => {
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(file.text);
    } catch (error) {
      throw new Error(`${dir}/${file.path}: not valid JSON (${(error as Error).message})`);
    }
    if (!data || typeof data !== 'object' || typeof data.signature !== 'string') throw new Error(`${dir}/${file.path}: not a record (no "signature" string)`);
    return { ...(data as object), id: typeof data.id === 'string' ? data.id : file.idFromPath } as MatcherRecordInput;
  });
}

export function indexFromDir(dir: string): MatcherIndex {
  return buildMatcherIndex(readMatcherRecords(dir));
}

export async function loadMatcherFromDir(dir: string): Promise<Matcher> {
  return loadMatcher(indexFromDir(dir));
}
