/**
 * A line cut short by a preview or a copy (similarity.ts, cutSim): read against the head of a
 * record's wording up to where it stops, not against the words it cannot hold.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';
import { cutOf } from '../../../src/lib/matcher/cut-lines.ts';

const base = { resolvable: 'true', fix_success_rate: 0.8 } as const;
const records: MatcherRecordInput[] = [
  { ...base, id: 'react/too-many-re-renders', signature: 'Error: Too many re-renders. React limits the number of renders to prevent an infinite loop.' },
  { ...base, id: 'mysql/too-many-connections', signature: 'ERROR 1040 (HY000): Too many connections' },
  { ...base, id: 'git/refusing-to-merge-unrelated-histories', signature: 'fatal: refusing to merge unrelated histories' },
  { ...base, id: 'git/not-a-git-repository', signature: 'fatal: not a git repository (or any of the parent directories): .git' },
  { ...base, id: 'node/econnrefused', signature: 'Error: connect ECONNREFUSED <host>:<port>' },
];

test('where a line is cut: after an ellipsis, or inside a word no record has', () => {
  const none = () => false;
  assert.deepEqual(cutOf('React limits the number of renders to prev…', none), { last: 'prev', marked: true });
  assert.deepEqual(cutOf('React limits the number of renders to...', none), { last: 'render', marked: true });
  assert.deepEqual(cutOf('fatal: refusing to merge unrelated hist', none), { last: 'hist', marked: false });
  // A known word ends the line as printed; so does punctuation, or a word too short to tell.
  assert.equal(cutOf('fatal: refusing to merge unrelated hist', (t) => t === 'hist'), null);
  assert.equal(cutOf('Killed.', none), null);
  assert.equal(cutOf('exit status 1 ok', none), null);
});

test('a line cut by a preview (an ellipsis) is read against the head of the wording', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const paste = 'Error: Too many re-renders. React limits the number of renders to prev…\napp/components/CartDrawer.tsx in CartDrawer';
  const [first] = matcher.match(paste, { explain: true });
  assert.equal(first?.id, 'react/too-many-re-renders');
  assert.equal(first?.why?.cut, 1);
  assert.equal(matcher.match(paste)[0]?.id, 'react/too-many-re-renders');
  assert.equal(matcher.match('Error: Too many re-renders. React limits the number of renders to...')[0]?.id, 'react/too-many-re-renders');
});

test('a line cut in the middle of a word is read so too', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const paste = '$ git pull origin main\n * branch            main       -> FETCH_HEAD\nfatal: refusing to merge unrelated hist';
  const [first] = matcher.match(paste, { explain: true });
  assert.equal(first?.id, 'git/refusing-to-merge-unrelated-histories');
  assert.equal(first?.why?.cut, 1);
  assert.equal(matcher.match(paste)[0]?.id, 'git/refusing-to-merge-unrelated-histories');
});

test('not where the head of the wording is incomplete, or the line ends on a whole word', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  // A word of the head missing: another message that happens to stop at a word of this one.
  const other = matcher.match('Error: Too many renders in the list, React limits prev…', { explain: true }).find((r) => r.id === 'react/too-many-re-renders');
  assert.notEqual(other?.why?.cut, 1);
  // A whole word at the end, without an ellipsis, is where the message ends.
  const whole = matcher.match('fatal: refusing to merge unrelated', { explain: true }).find((r) => r.id === 'git/refusing-to-merge-unrelated-histories');
  assert.notEqual(whole?.why?.cut, 1);
});
