/**
 * Confidence in words (ranking.ts): how far the first result stands out, one step less when its score
 * is only just above the abstention threshold (CONFIDENT_SCORE).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex } from '../../../src/lib/matcher/index.ts';
import { rank } from '../../../src/lib/matcher/ranking.ts';
import type { Scored } from '../../../src/lib/matcher/scoring.ts';
import { ABSTAIN_BELOW, CONFIDENT_LEAD, CONFIDENT_SCORE } from '../../../src/lib/matcher/tuning.ts';

const base = { domain: 'app', category: 'runtime_error', regex: null } as const;
const index = buildMatcherIndex([
  { ...base, id: 'app/a', signature: 'the first error of the application' },
  { ...base, id: 'app/b', signature: 'the second error of the application' },
] as Parameters<typeof buildMatcherIndex>[0]);
const ids = index.rec.map((row) => row[0]);
const scored = (...scores: number[]): Scored[] => scores.map((score, r) => ({ r, score, evidence: 'similarity', lines: [{ index: 0, text: 'x', start: -1, end: -1 }], spec: 0 }));
const confidence = (...scores: number[]) => rank(scored(...scores), index, ids, 10, false)[0]?.confidence;

test('a result alone is high confidence, and medium just above the abstention threshold', () => {
  assert.ok(ABSTAIN_BELOW < CONFIDENT_SCORE);
  assert.equal(confidence(0.8), 'high');
  assert.equal(confidence(CONFIDENT_SCORE), 'high');
  assert.equal(confidence((ABSTAIN_BELOW + CONFIDENT_SCORE) / 2), 'medium');
});

test('a result leading another is medium confidence, and low just above the abstention threshold', () => {
  const lead = CONFIDENT_LEAD - 0.1; // the second's share of the first: listed, but behind
  assert.equal(confidence(0.8, 0.8 * lead), 'medium');
  const low = (ABSTAIN_BELOW + CONFIDENT_SCORE) / 2;
  assert.equal(confidence(low, low * lead), 'low');
  // Close behind, low whatever the score.
  assert.equal(confidence(0.9, 0.88), 'low');
});
