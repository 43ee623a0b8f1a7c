/**
 * The crowd discount (docs/matcher.md, "Score, rank, abstain"): a line that several records' patterns hit is generic
 * text, but a record hitting it only by a weaker (short or common) word counts in proportion.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';

const base = { resolvable: 'true', fix_success_rate: 0.8 } as const;
const records: MatcherRecordInput[] = [
  { ...base, id: 'emergency/fi', signature: 'Finland emergency number is 112', regex: 'finland.*emergency' },
  { ...base, id: 'emergency/us-a', signature: 'Calling 911 abroad', regex: '\\b911\\b' },
  { ...base, id: 'emergency/us-b', signature: 'Dial 911 from a hotel phone', regex: '\\b911\\b' },
  { ...base, id: 'emergency/us-c', signature: 'Text 911 instead of calling', regex: '\\b911\\b' },
  { ...base, id: 'emergency/se', signature: 'Sweden emergency number is 112', regex: 'sweden.*emergency' },
  { ...base, id: 'emergency/no', signature: 'Norway emergency number is 112', regex: 'norway.*emergency|finland.*emergency' },
];

const why = async (paste: string, id: string) => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const found = matcher.match(paste, { explain: true }).find((r) => r.id === id);
  assert.ok(found?.why, `${id} is a candidate`);
  return found.why;
};

test('weaker hits on the same line count in proportion to their specificity', async () => {
  const paste = 'In Finland, dial 911 for any emergency and the operator will route you.';
  const fi = await why(paste, 'emergency/fi');
  const us = await why(paste, 'emergency/us-a');
  // Four records hit the line; for the specific one the three `911` hits count less than one each ...
  assert.ok(us.spec! < fi.spec!);
  assert.ok(fi.crowd! > 1 && fi.crowd! < 4, `crowd ${fi.crowd}`);
  // ... while for a `911` hit the more specific records count fully (as before).
  assert.ok(us.crowd! >= 4, `crowd ${us.crowd}`);
});

test('records hitting a line as specifically count fully', async () => {
  // emergency/no's alternative `finland.*emergency` is the same as emergency/fi's.
  const fi = await why('Finland emergency services are reached on 112', 'emergency/fi');
  assert.equal(fi.crowd, 2);
});
