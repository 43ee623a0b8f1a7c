import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarizeRecord } from '../../../src/lib/present/match-summary.ts';
import { RecordSchema } from '../../../src/lib/record/schema.ts';
import { exampleRecord as rawExample } from '../../helpers.ts';

const exampleRecord = () => RecordSchema.parse(rawExample());

test('a match result says why (first sentence of the root cause) and what to try first', () => {
  const record = { ...exampleRecord(), root_cause: 'The peer reset the connection. It crashed or timed out.' };
  const summary = summarizeRecord(record, 'en');
  assert.equal(summary.title.text, record.signature);
  assert.equal(summary.cause?.text, 'The peer reset the connection.');
  assert.deepEqual(summary.tryFirst, { text: 'Use a connection pool with retry logic', lang: 'en', anchor: 'workaround-1', rate: 0.8 });
});

test('on the Chinese page the summary is Chinese where the record has it', () => {
  const record = { ...exampleRecord(), workarounds_zh: ['优雅关闭。', '使用连接池重试。', '检查防火墙。'] };
  const summary = summarizeRecord(record, 'zh');
  assert.equal(summary.title.lang, 'zh');
  assert.equal(summary.cause?.lang, 'zh');
  assert.deepEqual(summary.tryFirst && [summary.tryFirst.text, summary.tryFirst.lang], ['使用连接池重试', 'zh']);
});

test('a record without root cause or workarounds summarises to its title only', () => {
  const summary = summarizeRecord({ ...exampleRecord(), root_cause: null, root_cause_zh: null, workarounds: [] }, 'en');
  assert.equal(summary.cause, null);
  assert.equal(summary.tryFirst, null);
});
