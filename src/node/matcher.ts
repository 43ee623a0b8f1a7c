/**
 * A matcher for a records directory, in Node (the CLI, benchmarks, snapshots): built from the records
 * as validated for the site, so the CLI answers exactly what the site's match page answers.
 */
import { buildMatcherIndex, type MatcherIndex } from '../lib/matcher/build.ts';
import { loadMatcher } from '../lib/matcher/match.ts';
import type { Matcher } from '../lib/matcher/types.ts';
import { loadRecords } from './records.ts';

function indexFromDir(dir: string): MatcherIndex {
  return buildMatcherIndex(loadRecords(dir));
}

export async function loadMatcherFromDir(dir: string): Promise<Matcher> {
  return loadMatcher(indexFromDir(dir));
}
