/**
 * A record found by wording alone, whose near twins are candidates too, needs some of its own words
 * in the paste (twins.ts, discountTwinsWithoutOwnWords): the shared part of a message names the
 * family, not the member.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';

const base = { resolvable: 'true', fix_success_rate: 0.8, regex: null } as const;
const records: MatcherRecordInput[] = [
  { ...base, id: 'meshproxy/upstream-reset-overflow', signature: 'upstream connect error or disconnect/reset before headers. reset reason: overflow' },
  { ...base, id: 'meshproxy/upstream-reset-connection-termination', signature: 'upstream connect error or disconnect/reset before headers. reset reason: connection termination' },
  { ...base, id: 'meshproxy/upstream-reset-connection-failure', signature: 'upstream connect error or disconnect/reset before headers. reset reason: connection failure' },
  { ...base, id: 'dns/could-not-resolve-host', signature: 'Could not resolve host: <host>' },
];

test('a member of a family the corpus does not cover is not answered with a sibling', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const paste = '$ curl -s http://gateway.internal:8080/v1/health\nupstream connect error or disconnect/reset before headers. reset reason: protocol error';
  const explained = matcher.match(paste, { explain: true });
  assert.ok(explained.some((r) => r.why?.withoutOwnWords === 1), JSON.stringify(explained.map((r) => [r.id, r.score, r.why])));
  assert.deepEqual(matcher.match(paste).map((r) => r.id), []);
});

test('the member the paste shows is still answered, first', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const results = matcher.match('upstream connect error or disconnect/reset before headers. reset reason: overflow');
  assert.equal(results[0]?.id, 'meshproxy/upstream-reset-overflow', JSON.stringify(results.map((r) => [r.id, r.score])));
});
