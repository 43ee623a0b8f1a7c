/**
 * `npm run link:back`: where a record links to another that does not link back, add the link back
 * to the other record's file (`leads_to` ↔ `preceded_by`, a confusion on both), so both pages state
 * the relation. The link back copies the condition or the distinction (both languages), which read
 * the same from either end; it leaves out the probability, which does not (P(B | A) is not P(A | B)).
 *
 * Files are rewritten as `JSON.stringify(record, null, 2)` plus a newline, the shipped records' form.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { oneWayLinks } from '../../src/lib/record/rules.ts';
import { edgeTarget, INVERSE_RELATION, type TransitionEdge } from '../../src/lib/record/schema.ts';
import { loadRecords, recordsDir } from '../../src/node/records.ts';

const dir = recordsDir();
const records = loadRecords(dir);
const byId = new Map(records.map((record) => [record.id, record]));
// One link back per pair and kind, however often the link is repeated.
const missing = [...new Map(oneWayLinks(records).map((link) => [link.join(' '), link])).values()];
const SYMMETRIC_NOTES = ['condition', 'condition_zh', 'distinction', 'distinction_zh', 'typical_delay'] as const;

for (const [from, kind, to] of missing) {
  const edge = (byId.get(from)?.transition_graph?.[kind] ?? []).find((candidate) => edgeTarget(candidate) === to) as TransitionEdge;
  const back: Record<string, unknown> = { error_id: from };
  if (typeof edge !== 'string') for (const key of SYMMETRIC_NOTES) if (edge[key]) back[key] = edge[key];
  const file = join(dir, `${to}.json`);
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
  raw.transition_graph ??= {};
  const inverse = INVERSE_RELATION[kind];
  raw.transition_graph[inverse] = [...(raw.transition_graph[inverse] ?? []), back];
  writeFileSync(file, `${JSON.stringify(raw, null, 2)}\n`);
  console.log(`${to}: ${inverse} += ${from}`);
}
console.log(`${missing.length} link${missing.length === 1 ? '' : 's'} added back`);
