/**
 * A lone CJK character between other text is a word (tokens.ts): `表` (table) in PostgreSQL's
 * Chinese `错误:  表 "t" 不存在`. Dropped, that wording was only `错误 … 不存在`, which any missing
 * object's error holds (`错误:  字段 "x" 不存在`, a missing column).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';
import { tokenize } from '../../../src/lib/matcher/tokens.ts';

test('a lone character is a word; longer runs are read as bigrams', () => {
  assert.deepEqual(tokenize('错误:  表 "orders" 不存在'), ['错误', '表', 'order', '不存', '存在']);
});

test("a missing column is not answered by the missing table's Chinese wording", async () => {
  const base = { resolvable: 'true', fix_success_rate: 0.8, regex: null } as const;
  const records = [
    { ...base, id: 'postgres/relation-does-not-exist', signature: 'ERROR:  relation "<table>" does not exist', localized_aliases: [{ locale: 'zh_CN', text: '错误:  关系 "<table>" 不存在' }, { locale: 'zh_CN', text: '错误:  表 "<table>" 不存在' }] },
    { ...base, id: 'postgres/too-many-clients', signature: 'FATAL:  sorry, too many clients already' },
  ] as MatcherRecordInput[];
  const matcher = await loadMatcher(buildMatcherIndex(records));
  assert.equal(matcher.match('错误:  表 "orders" 不存在')[0]?.id, 'postgres/relation-does-not-exist');
  assert.deepEqual(matcher.match('错误:  字段 "emial" 不存在'), []);
});
