/**
 * A matcher for a records directory, in Node (the CLI, benchmarks, snapshots): built from the records
 * as validated for the site, so the CLI answers exactly what the site's match page answers.
 */
import { RE2JS } from 're2js';
import { buildMatcherIndex, type MatcherIndex, type MatcherRecordInput } from '../lib/matcher/build.ts';
import { loadMatcher } from '../lib/matcher/match.ts';
import type { Matcher, Re2Like } from '../lib/matcher/types.ts';
import { loadRecords } from './records.ts';

/** The index as the site's build writes it: risky patterns tried on the linear-time engine too. */
export function matcherIndexOf(records: readonly MatcherRecordInput[]): MatcherIndex {
  return buildMatcherIndex(records, { re2: RE2JS as unknown as Re2Like });
}

export async function loadMatcherFromDir(dir: string): Promise<Matcher> {
  return loadMatcher(matcherIndexOf(loadRecords(dir)));
}
