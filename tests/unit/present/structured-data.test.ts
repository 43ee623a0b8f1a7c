import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildRelatedGraph } from '../../../src/lib/record/graph.ts';
import { buildRecordView } from '../../../src/lib/present/record.ts';
import { jsonLdText, recordJsonLd } from '../../../src/lib/present/structured-data.ts';
import { RecordSchema } from '../../../src/lib/record/schema.ts';
import { exampleRecord } from '../../helpers.ts';

test('JSON-LD describes the error as an article with its workarounds as linked steps, best first', () => {
  const record = RecordSchema.parse(exampleRecord());
  const view = buildRecordView(record, 'en', buildRelatedGraph([record]));
  const data = recordJsonLd(view, 'https://atlas.test/grpc/x/', 'en', '2026-01-02') as Record<string, any>;
  assert.equal(data['@type'], 'TechArticle');
  assert.equal(data.headline, record.signature);
  assert.equal(data.dateModified, '2026-01-02');
  assert.deepEqual(data.mainEntity.step.map((step: { position: number; url: string }) => [step.position, step.url]), [
    [1, 'https://atlas.test/grpc/x/#workaround-1'],
    [2, 'https://atlas.test/grpc/x/#workaround-2'],
    [3, 'https://atlas.test/grpc/x/#workaround-3'],
  ]);
  const noWorkarounds = buildRecordView({ ...record, workarounds: [] }, 'en', buildRelatedGraph([record]));
  assert.equal((recordJsonLd(noWorkarounds, 'https://atlas.test/grpc/x/', 'en', null) as Record<string, unknown>).mainEntity, undefined);
});

test('JSON-LD text cannot close its script element', () => {
  assert.equal(jsonLdText({ a: '</script><script>alert(1)</script>' }), '{"a":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}');
});
