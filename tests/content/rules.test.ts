/**
 * Checks that keep the shipped knowledge base true: every record valid without warnings, regexes that
 * match their own error's real variants and no other record's, real Chinese, and a graph that resolves.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readRecordFiles } from '../../src/node/records.ts';
import { formatProblem, validateRecordFiles } from '../../src/lib/record/validate.ts';
import { edgeTarget, RELATION_KINDS } from '../../src/lib/record/schema.ts';
import { compileRecordRegex } from '../../src/lib/regex/dialect.ts';
import { ROOT } from '../helpers.ts';

/** The user's record, kept exactly as it came: its workarounds_zh are untranslated copies. */
const USER_EXAMPLE = 'grpc/grpc-connection-reset-by-peer';

const files = readRecordFiles(`${ROOT}content/errors`);
const validation = validateRecordFiles(files);
const records = validation.records;
const byId = new Map(records.map((record) => [record.id, record]));

const examples = new Map<string, string[]>();
for (const name of readdirSync(`${ROOT}tests/content/examples`)) {
  const data = JSON.parse(readFileSync(`${ROOT}tests/content/examples/${name}`, 'utf8')) as Record<string, string[]>;
  for (const [id, list] of Object.entries(data)) examples.set(id, [...(examples.get(id) ?? []), ...list]);
}

interface Overlap {
  regex_of: string;
  matches_example_of: string;
  reason: string;
}
const overlaps: Overlap[] = readdirSync(`${ROOT}tests/content/overlaps`).flatMap(
  (name) => JSON.parse(readFileSync(`${ROOT}tests/content/overlaps/${name}`, 'utf8')) as Overlap[],
);
const declared = new Set(overlaps.map((overlap) => `${overlap.regex_of} -> ${overlap.matches_example_of}`));

const regexes = new Map(
  records.map((record) => {
    const compiled = compileRecordRegex(record.regex ?? '');
    assert.ok(compiled.ok, `${record.id}: regex does not compile`);
    return [record.id, compiled.regex] as const;
  }),
);

/** The texts a record's regex must match: its signature, aliases and example messages. */
function textsOf(id: string): string[] {
  const record = byId.get(id);
  return record ? [record.signature, ...(record.aliases ?? []), ...(examples.get(id) ?? [])] : [];
}

const CJK = /[\u3400-\u9fff]/;

test('the knowledge base has 80+ records in 12+ domains', () => {
  assert.ok(records.length >= 80, `${records.length} records`);
  assert.ok(new Set(records.map((record) => record.domain)).size >= 12);
});

test('every record passes check:content with no error and no warning', () => {
  assert.deepEqual(validation.problems.map((problem) => formatProblem(problem)), []);
  assert.equal(records.length, files.length);
});

test('every record has example messages beside the tests (at least 2), and no example names an unknown record', () => {
  for (const record of records) assert.ok((examples.get(record.id) ?? []).length >= 2, `${record.id}: fewer than 2 examples`);
  assert.deepEqual([...examples.keys()].filter((id) => !byId.has(id)), []);
});

test('every regex matches its own signature, aliases and examples', () => {
  const misses: string[] = [];
  for (const record of records) {
    const regex = regexes.get(record.id) as RegExp;
    for (const text of textsOf(record.id)) if (!regex.test(text)) misses.push(`${record.id}: ${JSON.stringify(text)}`);
  }
  assert.deepEqual(misses, []);
});

test('no regex matches another record\'s signature, aliases or examples unless the overlap is declared', () => {
  const clashes: string[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    const regex = regexes.get(record.id) as RegExp;
    for (const other of records) {
      if (other.id === record.id) continue;
      const hit = textsOf(other.id).find((text) => regex.test(text));
      if (hit === undefined) continue;
      const key = `${record.id} -> ${other.id}`;
      seen.add(key);
      if (!declared.has(key)) clashes.push(`${key}: ${JSON.stringify(hit)}`);
    }
  }
  assert.deepEqual(clashes, []);
  // A declared overlap that no longer happens is stale: remove it so the list stays honest.
  assert.deepEqual([...declared].filter((key) => !seen.has(key)), []);
  for (const overlap of overlaps) assert.ok(overlap.reason.trim().length > 20, `${overlap.regex_of}: the overlap needs a reason`);
});

test('Chinese fields hold Chinese text and are not copies of the English', () => {
  const problems: string[] = [];
  for (const record of records) {
    if (record.id === USER_EXAMPLE) continue;
    const fields: [string, string | null | undefined, string | null | undefined][] = [
      ['signature_zh', record.signature_zh, record.signature],
      ['root_cause_zh', record.root_cause_zh, record.root_cause],
      ...(record.workarounds ?? []).map((workaround, index) => [`workarounds_zh[${index}]`, record.workarounds_zh?.[index], workaround.action] as [string, string | null | undefined, string | null | undefined]),
    ];
    for (const [field, chinese, english] of fields) {
      if (!chinese || !CJK.test(chinese)) problems.push(`${record.id}: ${field} has no Chinese text`);
      else if (chinese.trim() === english?.trim()) problems.push(`${record.id}: ${field} copies the English`);
    }
    if ((record.workarounds_zh ?? []).length !== (record.workarounds ?? []).length) problems.push(`${record.id}: workarounds_zh is not one per workaround`);
  }
  assert.deepEqual(problems, []);
});

test('the user example is the one allowed exception, and stays as it came', () => {
  const example = byId.get(USER_EXAMPLE);
  assert.ok(example);
  assert.deepEqual(example.workarounds_zh, (example.workarounds ?? []).map((workaround) => workaround.action));
});

test('every record is complete: dead ends and workarounds with substance and sources', () => {
  const problems: string[] = [];
  for (const record of records) {
    if (record.id === USER_EXAMPLE) continue;
    const deadEnds = record.dead_ends ?? [];
    const workarounds = record.workarounds ?? [];
    if (deadEnds.length < 2) problems.push(`${record.id}: fewer than 2 dead ends`);
    if (workarounds.length < 2) problems.push(`${record.id}: fewer than 2 workarounds`);
    deadEnds.forEach((deadEnd, index) => {
      if (!deadEnd.action?.trim() || !deadEnd.why_fails?.trim()) problems.push(`${record.id}: dead_ends[${index}] needs an action and why it fails`);
    });
    workarounds.forEach((workaround, index) => {
      if (!workaround.how?.trim()) problems.push(`${record.id}: workarounds[${index}] has no how`);
      if (!(workaround.sources ?? []).length) problems.push(`${record.id}: workarounds[${index}] has no sources`);
    });
    if (!record.root_cause?.trim()) problems.push(`${record.id}: no root cause`);
    if (!record.official_doc_url) problems.push(`${record.id}: no official_doc_url`);
    if (!(record.versions ?? []).length) problems.push(`${record.id}: no versions`);
  }
  assert.deepEqual(problems, []);
});

test('every transition_graph reference resolves to a record', () => {
  const dangling: string[] = [];
  for (const record of records) {
    for (const kind of RELATION_KINDS) {
      for (const edge of record.transition_graph?.[kind] ?? []) {
        if (!byId.has(edgeTarget(edge))) dangling.push(`${record.id}: ${kind} -> ${edgeTarget(edge)}`);
      }
    }
  }
  assert.deepEqual(dangling, []);
});
