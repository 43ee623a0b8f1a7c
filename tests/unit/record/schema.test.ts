import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { RecordSchema } from '../../../src/lib/record/schema.ts';
import { formatProblem, validateRecordFiles } from '../../../src/lib/record/validate.ts';
import { EXAMPLE_PATH, exampleRecord, recordFile, ROOT } from '../../helpers.ts';

test('the example record passes the schema exactly as the user gave it', () => {
  const result = RecordSchema.safeParse(JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8')));
  assert.equal(result.success, true, result.success ? '' : JSON.stringify(result.error.issues));
});

test('the example as received validates with no error and no warning, as a records directory of its own', () => {
  const validation = validateRecordFiles([recordFile('grpc/grpc-connection-reset-by-peer.json', readFileSync(EXAMPLE_PATH, 'utf8'))]);
  assert.deepEqual(validation.problems.map((problem) => formatProblem(problem)), []);
  assert.equal(validation.records.length, 1);
});

test('the example kept as a fixture is byte-for-byte the one in ../shared', () => {
  const shared = `${ROOT}../shared/record-format/example.json`;
  let original: string;
  try {
    original = readFileSync(shared, 'utf8');
  } catch {
    // Outside the workspace (a plain clone) there is nothing to compare with; the schema test above still runs.
    return;
  }
  assert.equal(readFileSync(EXAMPLE_PATH, 'utf8'), original);
});

test('Chinese fields may be missing, null or empty', () => {
  const record = exampleRecord();
  delete record.signature_zh;
  record.root_cause_zh = null;
  record.workarounds_zh = [];
  assert.equal(RecordSchema.safeParse(record).success, true);
});

test('keys the schema does not know are kept, at the top and inside lists', () => {
  const record = exampleRecord();
  record.team_notes = 'seen in staging';
  record.dead_ends[0].common_misconception = 'timeouts';
  const parsed = RecordSchema.parse(record) as Record<string, any>;
  assert.equal(parsed.team_notes, 'seen in staging');
  assert.equal(parsed.dead_ends[0].common_misconception, 'timeouts');
});

test('transition edges may be bare ids or objects', () => {
  const record = exampleRecord();
  record.transition_graph.leads_to = ['grpc/other', { error_id: 'grpc/third', probability: 0.4, condition: 'under load' }];
  assert.equal(RecordSchema.safeParse(record).success, true);
});

test('resolvable is a string, not a boolean', () => {
  const record = exampleRecord();
  record.resolvable = true;
  assert.equal(RecordSchema.safeParse(record).success, false);
  record.resolvable = 'partial';
  assert.equal(RecordSchema.safeParse(record).success, true);
});

test('rates outside [0, 1] and impossible dates are refused', () => {
  for (const [field, value] of [['confidence', 1.2], ['fix_success_rate', -0.1], ['first_seen', '2024-02-30'], ['last_updated', '06/01/2024']] as const) {
    const record = exampleRecord();
    record[field] = value;
    assert.equal(RecordSchema.safeParse(record).success, false, `${field} = ${value} should fail`);
  }
});

test('links must be http(s)', () => {
  for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://example.com/x', 'not a url']) {
    const record = exampleRecord();
    record.workarounds[0].sources = [url];
    assert.equal(RecordSchema.safeParse(record).success, false, url);
  }
  const record = exampleRecord();
  record.official_doc_url = '';
  assert.equal(RecordSchema.safeParse(record).success, true, 'an empty link means none');
});
