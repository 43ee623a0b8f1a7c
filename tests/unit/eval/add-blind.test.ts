/**
 * Blind pastes added to a set (scripts/eval/add-blind.ts): the split by qid hash, and the twins a
 * paste accepts (records with the expected record's signature).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signatureKey, splitOf, twinsOf } from '../../../scripts/eval/add-blind.ts';

test('a qid always goes to the same split', () => {
  assert.equal(splitOf('bs4a-001'), splitOf('bs4a-001'));
  const splits = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((s) => splitOf(`q-${s}`)));
  assert.deepEqual([...splits].sort(), ['dev', 'test']);
});

test('twins: the same message up to case, quotes and a closing full stop', () => {
  assert.equal(signatureKey("OOM command not allowed when used memory > 'maxmemory'."), 'oom command not allowed when used memory > maxmemory');
  const twins = twinsOf([
    { id: 'redis/oom-maxmemory', signature: "OOM command not allowed when used memory > 'maxmemory'" },
    { id: 'redis/maxmemory-reached', signature: 'OOM command not allowed when used memory > maxmemory.' },
    { id: 'redis/other', signature: 'READONLY You can\'t write against a read only replica.' },
  ]);
  assert.deepEqual(twins('redis/oom-maxmemory'), ['redis/maxmemory-reached']);
  assert.deepEqual(twins('redis/other'), []);
});
