import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildRelatedGraph } from '../../../src/lib/record/graph.ts';
import { RecordSchema, type ErrorRecord } from '../../../src/lib/record/schema.ts';
import { buildRecordView } from '../../../src/lib/present/record.ts';
import { exampleRecord } from '../../helpers.ts';

const parse = (data: Record<string, any>): ErrorRecord => RecordSchema.parse(data);
const example = parse(exampleRecord());
const view = (record: ErrorRecord, locale: 'en' | 'zh' = 'en') => buildRecordView(record, locale, buildRelatedGraph([record]));

test('workarounds are titled by the first sentence of their action, best first', () => {
  const { workarounds } = view(example);
  assert.deepEqual(workarounds.map((item) => item.title.text), [
    'Use a connection pool with retry logic',
    'Configure the server to handle graceful shutdown and increase idle timeout',
    'Check firewall or load balancer settings for idle connection timeouts',
  ]);
  assert.equal(workarounds[0]?.body?.text.startsWith('In Python, use grpc.aio'), true, 'the rest of the action is the body');
  assert.ok(workarounds.every((item) => !item.title.derived));
});

test('dead ends without an action get distinct titles from why they fail, never a placeholder', () => {
  const { deadEnds } = view(example);
  const titles = deadEnds.map((item) => item.title.text);
  assert.deepEqual(titles, ['The server or network issue persists', 'Connection reset is not a timeout issue', 'TLS is not the cause']);
  assert.equal(new Set(titles).size, titles.length);
  assert.ok(deadEnds.every((item) => item.title.derived));
  const bare = parse({ ...exampleRecord(), dead_ends: [{ action: '', why_fails: '' }, { action: null, why_fails: null }] });
  assert.deepEqual(view(bare).deadEnds.map((item) => item.title.text), ['Dead end 1', 'Dead end 2']);
});

test('the short answer points at the best workaround and the worst dead end', () => {
  const { quick } = view(example);
  assert.deepEqual(quick.tryFirst, { anchor: 'workaround-1', title: 'Use a connection pool with retry logic', lang: 'en', rate: 0.8 });
  assert.equal(quick.avoid?.anchor, 'dead-end-1');
  assert.equal(quick.avoid?.rate, 0.85);
  const none = parse({ ...exampleRecord(), workarounds: [], dead_ends: [] });
  assert.deepEqual(view(none).quick, { tryFirst: null, avoid: null });
});

test('badges say in words what the numbers mean, and say the numbers are estimates', () => {
  const texts = view(example).badges.map((badge) => badge.text);
  assert.deepEqual(texts, ['You can fix this', 'Fixes usually work (estimated 76%)', 'Written by AI, not reviewed by a person']);
  const zh = view(example, 'zh').badges.map((badge) => badge.text);
  assert.ok(zh.includes('修复通常有效（估计 76%）'));
});

test('a documented review is shown by name and date; a tier alone is not trusted', () => {
  const claimed = view({ ...example, verification_tier: 'human_reviewed' }).badges.find((badge) => badge.key === 'verification_tier');
  assert.deepEqual(claimed, { key: 'verification_tier', text: 'Reviewed by a person', tone: 'warn' });
  const reviewed = view({ ...example, verification_tier: 'human_reviewed', reviews: [{ by: 'Ana Li', on: '2026-10-02' }, { by: 'Wei Zhang', on: '2026-11-20', note: 'reproduced on grpc-go 1.68' }] });
  assert.equal(reviewed.badges.find((badge) => badge.key === 'verification_tier')?.text, 'Reviewed by Wei Zhang on 2026-11-20');
  assert.equal(reviewed.details.find((row) => row.key === 'reviews')?.value, 'Reviewed by Wei Zhang on 2026-11-20 (reproduced on grpc-go 1.68); Reviewed by Ana Li on 2026-10-02');
});

test('no stored value or field name reaches the page: enums are labelled, other-language rows numbered as shown', () => {
  const en = view(example);
  assert.equal(en.category, 'Network error');
  assert.equal(en.rootCauseType, 'General: several causes lead to this message');
  assert.equal(en.details.find((row) => row.key === 'verification_tier')?.value, 'Written by AI, not reviewed by a person');
  assert.equal(en.versions.rows[0]?.status, 'Current');
  const zh = view(parse({ ...exampleRecord(), workarounds_zh: ['甲', '乙', '丙'] }));
  assert.deepEqual(zh.otherLanguage.rows.filter((row) => row.label.startsWith('Workaround')).map((row) => [row.label, row.value]), [
    ['Workaround 2', '甲'],
    ['Workaround 1', '乙'],
    ['Workaround 3', '丙'],
  ]);
  assert.ok(!JSON.stringify(zh.otherLanguage).includes('workarounds_zh['));
});

test('the table of contents lists the sections in page order, entries under theirs', () => {
  const toc = view(example).toc;
  assert.deepEqual(toc.map((entry) => entry.anchor), ['root-cause', 'workarounds', 'dead-ends', 'related', 'versions', 'details']);
  assert.deepEqual(toc[1]?.children.map((entry) => entry.anchor), ['workaround-1', 'workaround-2', 'workaround-3']);
  assert.ok(toc[1]?.children.every((entry) => entry.label.length <= 60));
  const zh = buildRecordView(example, 'zh', buildRelatedGraph([example])).toc;
  assert.equal(zh[2]?.children[0]?.lang, 'en', 'untranslated entry titles carry their language');
});
