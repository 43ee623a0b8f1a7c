import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { RecordSchema } from '../../../src/lib/record/schema.ts';
import { MISSING_DATE, MISSING_RATE, recordSearchData } from '../../../src/lib/search/record-data.ts';

const example = RecordSchema.parse(JSON.parse(readFileSync(new URL('../../../content/errors/grpc/grpc-connection-reset-by-peer.json', import.meta.url), 'utf8')));

test('the result title is the signature in the page language, falling back to English', () => {
  assert.equal(recordSearchData(example, 'en').meta.title, example.signature);
  const zhTitle = recordSearchData(example, 'zh').meta.title;
  assert.equal(zhTitle, example.signature_zh?.trim() ? example.signature_zh : example.signature);
});

test('filters carry the domain, and the category, resolvable and tier as labels in the page language', () => {
  const en = recordSearchData(example, 'en');
  assert.equal(en.filters.domain, 'grpc');
  assert.equal(example.category, 'network_error');
  assert.equal(en.filters.category, 'Network error');
  assert.equal(recordSearchData(example, 'zh').filters.category, '网络错误');
  assert.equal(recordSearchData({ ...example, verification_tier: 'ai_generated' }, 'en').filters.tier, 'Written by AI, not reviewed by a person');
  assert.equal(en.filters.resolvable, { true: 'Yes', partial: 'Partly', false: 'No' }[example.resolvable!]);
  assert.equal(recordSearchData(example, 'zh').filters.resolvable, { true: '能', partial: '部分能', false: '不能' }[example.resolvable!]);
});

test('sort keys are always present, so records without a value sort last instead of vanishing', () => {
  const bare = { ...example, last_updated: null, fix_success_rate: null, resolvable: null, verification_tier: '' };
  const data = recordSearchData(bare, 'en');
  assert.deepEqual(data.sorts, { last_updated: MISSING_DATE, fix_rate: MISSING_RATE });
  assert.equal(data.filters.resolvable, undefined);
  assert.equal(data.filters.tier, undefined);
});
