/**
 * Quoted values weigh little in a paste line's wording (similarity.ts, QUOTED_VALUE_WEIGHT): they fill
 * the placeholders of a message (`User "<user>"`), which the record's wording cannot hold.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';

const base = { resolvable: 'true', fix_success_rate: 0.8, regex: null } as const;
const records: MatcherRecordInput[] = [
  { ...base, id: 'kubernetes/forbidden-cannot-list', signature: 'Error from server (Forbidden): <resource> is forbidden: User "<user>" cannot list resource "<resource>" in API group "<group>" in the namespace "<namespace>"' },
  { ...base, id: 'kubernetes/unauthorized', signature: 'error: You must be logged in to the server (Unauthorized)' },
  { ...base, id: 'postgres/relation-missing', signature: 'ERROR: relation "<name>" does not exist' },
];

const QUOTED = 'deployments.apps is forbidden: User "system:serviceaccount:ops:reporter" cannot list resource "deployments" in API group "apps" in the namespace "prod"';
const BARE = QUOTED.replace(/"/g, '');

test('words inside quotes weigh less than the same words outside them', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const sim = (text: string) => matcher.match(text, { explain: true }).find((r) => r.id === 'kubernetes/forbidden-cannot-list')?.why?.sim ?? 0;
  assert.ok(sim(QUOTED) > sim(BARE) + 0.05, `${sim(QUOTED)} vs ${sim(BARE)}`);
});
