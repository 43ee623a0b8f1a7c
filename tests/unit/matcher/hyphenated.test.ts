/**
 * A two-part hyphenated word is also the two parts written as one (tokens.ts, HYPHENATED):
 * "Brown-out detected" and "Brownout detector was triggered" share a word.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineWithoutJoinedWords, tokenize, tokenizeLine, withoutJoinedWords } from '../../../src/lib/matcher/tokens.ts';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';

test('signatures and paste lines get the joined form of a hyphenated word, besides its parts', () => {
  for (const tokens of [tokenize('BOD: Brown-out detected'), tokenizeLine('BOD: Brown-out detected')]) {
    assert.ok(tokens.includes('brownout'), tokens.join(' '));
    assert.ok(tokens.includes('brown') && tokens.includes('out'), tokens.join(' '));
  }
  assert.deepEqual(new Set(tokenize('mount is read-only, exit non-zero')), new Set(tokenizeLine('mount is read-only, exit non-zero')));
});

test('the joined forms can be left out again, where words are read in order', () => {
  const text = 'on project orders-api: There are test failures (default-test)';
  const wording = tokenize(text);
  assert.ok(wording.includes('ordersapi') && wording.includes('defaulttest'), wording.join(' '));
  assert.deepEqual(withoutJoinedWords(wording), wording.filter((w) => w !== 'ordersapi' && w !== 'defaulttest'));
  assert.equal(withoutJoinedWords(wording), withoutJoinedWords(wording)); // computed once per list
  const line = tokenizeLine(text);
  assert.deepEqual(lineWithoutJoinedWords(line), line.filter((w) => w !== 'ordersapi' && w !== 'defaulttest'));
  // A snake_case word is followed by its parts, and is no join of them.
  const snake = tokenize('tfhub_modules not found');
  assert.deepEqual(withoutJoinedWords(snake), snake);
});

test('chains of hyphens and parts with digits are not joined', () => {
  for (const text of ['X-Forwarded-For header', 'utf-8 text', 'the a-b case']) {
    assert.deepEqual(new Set(tokenize(text)), new Set(tokenize(text.replace(/-/g, ' '))), text);
    assert.deepEqual(new Set(tokenizeLine(text)), new Set(tokenizeLine(text.replace(/-/g, ' '))), text);
  }
});

const base = { resolvable: 'true', fix_success_rate: 0.8, regex: null } as const;
const records: MatcherRecordInput[] = [
  { ...base, id: 'embedded/brownout', signature: 'Brown-out detected, system held in reset' },
  { ...base, id: 'embedded/watchdog', signature: 'Task watchdog got triggered, system reset' },
  { ...base, id: 'embedded/stack-overflow', signature: 'Stack overflow in task, system reset' },
];

test('a paste writing the word joined finds the record writing it hyphenated', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const sim = matcher.match('Brownout detected, resetting system', { explain: true }).find((r) => r.id === 'embedded/brownout')?.why?.sim ?? 0;
  const simApart = matcher.match('Brown out detected, resetting system', { explain: true }).find((r) => r.id === 'embedded/brownout')?.why?.sim ?? 0;
  // Without the joined form the paste shares only "detected" and "system" with the signature (0.32).
  assert.ok(sim > 0.4, `sim ${sim} (apart: ${simApart})`);
});
