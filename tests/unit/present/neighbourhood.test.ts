import assert from 'node:assert/strict';
import { test } from 'node:test';
import { neighbourhood, NEIGHBOURS_SHOWN } from '../../../src/lib/present/neighbourhood.ts';
import type { RelatedGroup, RelatedItem } from '../../../src/lib/present/record.ts';

const item = (id: string): RelatedItem => ({ id, href: `/${id}/`, title: { text: id, lang: 'en', untranslated: false }, notes: [] });
const group = (kind: RelatedGroup['kind'], count: number): RelatedGroup => ({ kind, label: kind, items: Array.from({ length: count }, (_, k) => item(`a/${kind}-${k}`)) });

test('a record with no related errors draws nothing', () => {
  assert.equal(neighbourhood([]), null);
});

test('before, after and confused-with come from their groups; a long side shows the first few and counts the rest', () => {
  const diagram = neighbourhood([group('leads_to', 2), group('preceded_by', NEIGHBOURS_SHOWN + 3)])!;
  assert.deepEqual(diagram.after!.items.map((entry) => entry.id), ['a/leads_to-0', 'a/leads_to-1']);
  assert.equal(diagram.after!.more, 0);
  assert.equal(diagram.before!.items.length, NEIGHBOURS_SHOWN);
  assert.equal(diagram.before!.more, 3);
  assert.equal(diagram.confused, null);
  assert.deepEqual(Object.keys(neighbourhood([group('frequently_confused_with', 1)])!.confused!), ['label', 'items', 'more']);
});
