/**
 * Matchers over records a test writes by hand: only the fields the test is about, so they are cast
 * to the index's input (the content schema is not what these tests check).
 */
import { loadMatcher, type Matcher, type MatcherIndex, type MatchResult } from '../../../src/lib/matcher/index.ts';
import { matcherIndexOf } from '../../../src/node/matcher.ts';

/** The index as the site builds it (src/node/matcher.ts). */
export const indexOf = (records: readonly object[]): MatcherIndex => matcherIndexOf(records as unknown as Parameters<typeof matcherIndexOf>[0]);

export const matcherOf = (records: readonly object[]): Promise<Matcher> => loadMatcher(indexOf(records));

/** The ranked ids and scores, for an assertion's message. */
export const ranking = (ranked: readonly Pick<MatchResult, 'id' | 'score'>[]): string => JSON.stringify(ranked.map((r) => [r.id, r.score]));
