import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildRelatedGraph } from '../../../src/lib/record/graph.ts';
import { RecordSchema, type ErrorRecord } from '../../../src/lib/record/schema.ts';
import { buildRecordView } from '../../../src/lib/present/record.ts';
import { exampleRecord } from '../../helpers.ts';

function parse(data: Record<string, any>): ErrorRecord {
  return RecordSchema.parse(data);
}

const example = parse(exampleRecord());
const graphOf = (...records: ErrorRecord[]) => buildRelatedGraph(records);

test('workarounds are sorted by success rate and numbered for their anchors', () => {
  const view = buildRecordView(example, 'en', graphOf(example));
  assert.deepEqual(view.workarounds.map((w) => [w.anchor, w.successRate]), [
    ['workaround-1', 0.8],
    ['workaround-2', 0.75],
    ['workaround-3', 0.7],
  ]);
});

test('dead ends are sorted by fail rate', () => {
  const view = buildRecordView(example, 'en', graphOf(example));
  assert.deepEqual(view.deadEnds.map((d) => [d.anchor, d.failRate]), [
    ['dead-end-1', 0.85],
    ['dead-end-2', 0.8],
    ['dead-end-3', 0.7],
  ]);
  assert.equal(view.deadEnds[0]?.action, null, 'an empty action is "not given", not an empty string');
});

test('a Chinese workaround follows its English original through sorting', () => {
  const data = exampleRecord();
  data.workarounds_zh = ['第一条：优雅关闭', '第二条：连接池重试', '第三条：检查防火墙'];
  const view = buildRecordView(parse(data), 'zh', graphOf(parse(data)));
  // Stored order: 0.75, 0.8, 0.7 → shown: 0.8 (second), 0.75 (first), 0.7 (third).
  assert.deepEqual(view.workarounds.map((w) => w.action?.text), ['第二条：连接池重试', '第一条：优雅关闭', '第三条：检查防火墙']);
  assert.ok(view.workarounds.every((w) => w.action?.lang === 'zh' && !w.action.untranslated));
});

test('untranslated copies show the English, marked, on the Chinese page', () => {
  const view = buildRecordView(example, 'zh', graphOf(example));
  assert.equal(view.signature.lang, 'zh');
  assert.equal(view.signature.untranslated, false);
  assert.equal(view.rootCause?.lang, 'zh');
  for (const workaround of view.workarounds) {
    assert.equal(workaround.action?.lang, 'en');
    assert.equal(workaround.action?.untranslated, true);
  }
});

test('how is shown only where it adds to the action', () => {
  const view = buildRecordView(example, 'en', graphOf(example));
  assert.ok(view.workarounds.every((w) => w.how === null), 'the example repeats the action in how');
  const data = exampleRecord();
  data.workarounds[0].how = 'sysctl -w net.ipv4.tcp_keepalive_time=600';
  const changed = buildRecordView(parse(data), 'en', graphOf(parse(data)));
  assert.deepEqual(changed.workarounds.find((w) => w.successRate === 0.75)?.how, { text: 'sysctl -w net.ipv4.tcp_keepalive_time=600', lang: 'en' });
});

test('versions keep only the columns some row fills', () => {
  const view = buildRecordView(example, 'en', graphOf(example));
  assert.deepEqual(view.versions.columns.map((c) => c.key), ['version', 'status']);
  assert.deepEqual(view.versions.rows.map((r) => r.version), ['gRPC v1.42.0', 'gRPC v1.55.0', 'gRPC v1.61.0']);
});

test('details never carry null or empty values', () => {
  const view = buildRecordView(example, 'en', graphOf(example));
  const keys = view.details.map((row) => row.key);
  assert.ok(!keys.includes('subcategory') && !keys.includes('error_code') && !keys.includes('official_doc_section') && !keys.includes('tags'));
  assert.ok(view.details.every((row) => row.value !== '' && row.value !== 'null'));
  assert.equal(view.details.find((row) => row.key === 'official_doc_url')?.href, 'https://grpc.io/docs/guides/error-handling/');
  assert.equal(view.details.find((row) => row.key === 'fix_success_rate')?.value, 'estimated 76%');
});

test('unknown keys are kept as extra fields', () => {
  const data = exampleRecord();
  data.owner = 'platform-team';
  data.workarounds[0].tradeoff = 'longer idle connections';
  const view = buildRecordView(parse(data), 'en', graphOf(parse(data)));
  assert.deepEqual(view.extra, [{ key: 'owner', value: 'platform-team' }]);
  assert.deepEqual(view.workarounds.find((w) => w.successRate === 0.75)?.extra, [{ key: 'tradeoff', value: 'longer idle connections' }]);
});

test('related links resolve existing records and show missing ones as text; links are seen from both ends', () => {
  const a = parse({ ...exampleRecord(), transition_graph: { leads_to: [{ error_id: 'grpc/b', probability: 0.5 }, 'grpc/missing'], preceded_by: [], frequently_confused_with: [] } });
  const bData = exampleRecord();
  bData.id = 'grpc/b';
  bData.signature = 'DEADLINE_EXCEEDED';
  bData.signature_zh = '超时';
  const b = parse(bData);
  const graph = graphOf(a, b);
  const viewA = buildRecordView(a, 'zh', graph);
  assert.deepEqual(viewA.related.map((g) => g.kind), ['leads_to']);
  assert.deepEqual(viewA.related[0]?.items.map((i) => [i.id, i.href, i.title?.text ?? null]), [
    ['grpc/b', '/zh/grpc/b/', '超时'],
    ['grpc/missing', null, null],
  ]);
  assert.deepEqual(viewA.related[0]?.items[0]?.notes, [{ text: '估计概率 50%', lang: 'zh' }]);
  const viewB = buildRecordView(b, 'en', graph);
  assert.deepEqual(viewB.related.map((g) => [g.kind, g.items.map((i) => i.id)]), [['preceded_by', [a.id]]]);
});

test('the other language\'s text is kept on each page', () => {
  const en = buildRecordView(example, 'en', graphOf(example));
  assert.equal(en.otherLanguage.lang, 'zh');
  assert.ok(en.otherLanguage.rows.some((row) => row.value === example.signature_zh));
  assert.ok(en.otherLanguage.rows.some((row) => row.value === example.root_cause_zh));
  const zh = buildRecordView(example, 'zh', graphOf(example));
  assert.ok(zh.otherLanguage.rows.some((row) => row.value === example.root_cause));
});

test('the best fix and the worst trap lead, only where two or more rates can be compared', () => {
  const view = buildRecordView(example, 'en', graphOf(example));
  assert.deepEqual(view.workarounds.map((item) => item.leading), [true, false, false]);
  assert.deepEqual(view.deadEnds.map((item) => item.leading), [true, false, false]);
  const one = parse({ ...exampleRecord(), workarounds: [{ action: 'a', success_rate: 0.5 }, { action: 'b' }], dead_ends: [] });
  assert.deepEqual(buildRecordView(one, 'en', graphOf(one)).workarounds.map((item) => item.leading), [false, false]);
  const tie = parse({ ...exampleRecord(), workarounds: [{ action: 'a', success_rate: 0.5 }, { action: 'b', success_rate: 0.5 }] });
  assert.deepEqual(buildRecordView(tie, 'en', graphOf(tie)).workarounds.map((item) => item.leading), [true, true]);
});
