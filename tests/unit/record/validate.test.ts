import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatProblem, validateRecordFiles } from '../../../src/lib/record/validate.ts';
import { exampleRecord, recordFile } from '../../helpers.ts';

const ID = 'grpc/grpc-connection-reset-by-peer';
const PATH = `${ID}.json`;

function lines(files: ReturnType<typeof recordFile>[]): string[] {
  return validateRecordFiles(files).problems.map((problem) => formatProblem(problem));
}

test('the example record validates with no problem', () => {
  const result = validateRecordFiles([recordFile(PATH, exampleRecord())]);
  assert.deepEqual(result.problems, []);
  assert.equal(result.records.length, 1);
});

test('invalid JSON is reported with its line and column', () => {
  const text = '{\n  "id": "grpc/x",\n  "signature": "a"\n  "domain": "grpc"\n}';
  assert.deepEqual(lines([recordFile('grpc/x.json', text)]), [
    "grpc/x.json: (file): invalid JSON at line 4, column 3: Expected ',' or '}' after property value",
  ]);
});

test('schema violations name the field path, the problem and the value', () => {
  const record = exampleRecord();
  record.workarounds[1].success_rate = 1.5;
  record.resolvable = 'yes';
  delete record.signature;
  assert.deepEqual(lines([recordFile(PATH, record)]), [
    `${PATH}: signature: is required`,
    `${PATH}: workarounds[1].success_rate: must be between 0 and 1 (got 1.5)`,
    `${PATH}: resolvable: must be "true", "partial" or "false" (got "yes")`,
  ]);
});

test('every problem of every file is reported at once', () => {
  const first = exampleRecord();
  first.confidence = 2;
  first.first_seen = '2023-02-31';
  const second = exampleRecord();
  second.id = 'grpc/second';
  second.evidence_count = -1;
  const result = validateRecordFiles([recordFile(PATH, first), recordFile('grpc/second.json', second)]);
  assert.equal(result.errorCount, 3);
  assert.deepEqual(result.problems.map((p) => `${p.file} ${p.field}`), [
    `${PATH} confidence`,
    `${PATH} first_seen`,
    'grpc/second.json evidence_count',
  ]);
});

test('an id that does not match its path is an error', () => {
  assert.deepEqual(lines([recordFile('grpc/renamed.json', exampleRecord())]), [
    `grpc/renamed.json: id: must equal the file's path "grpc/renamed" (got "${ID}")`,
  ]);
});

test('duplicate ids are errors naming the first file', () => {
  const problems = lines([recordFile(PATH, exampleRecord()), recordFile('grpc/copy.json', exampleRecord())]);
  assert.ok(problems.includes(`grpc/copy.json: id: duplicates the id of ${PATH} (got "${ID}")`), problems.join('\n'));
});

test('a regex that does not compile as a JavaScript RegExp says why', () => {
  const record = exampleRecord();
  record.regex = 'connection (reset';
  assert.deepEqual(lines([recordFile(PATH, record)]), [
    `${PATH}: regex: does not compile as a JavaScript RegExp: Unterminated group (got "connection (reset")`,
  ]);
});

test('a regex that matches the empty string is an error', () => {
  const record = exampleRecord();
  record.regex = '(connection reset)?';
  assert.match(lines([recordFile(PATH, record)])[0] ?? '', /regex: matches the empty string/);
});

test('Python-dialect regexes are accepted', () => {
  const record = exampleRecord();
  record.regex = '(?i)\\AUNAVAILABLE: (?P<what>grpc): connection error\\Z';
  assert.deepEqual(lines([recordFile(PATH, record)]), []);
});

test('links that are not http(s) are errors', () => {
  const record = exampleRecord();
  record.official_doc_url = 'javascript:alert(1)';
  record.dead_ends[2].sources = ['file:///etc/passwd'];
  assert.deepEqual(lines([recordFile(PATH, record)]), [
    `${PATH}: dead_ends[2].sources[0]: must be an absolute http:// or https:// URL (got "file:///etc/passwd")`,
    `${PATH}: official_doc_url: must be an absolute http:// or https:// URL (got "javascript:alert(1)")`,
  ]);
});

test('related ids that do not exist are warnings, not errors', () => {
  const record = exampleRecord();
  record.transition_graph.leads_to = [{ error_id: 'grpc/missing', probability: 0.3 }];
  const result = validateRecordFiles([recordFile(PATH, record)]);
  assert.equal(result.errorCount, 0);
  assert.deepEqual(result.problems.map((p) => formatProblem(p)), [
    `${PATH}: transition_graph.leads_to[0].error_id: warning: refers to a record that does not exist; it is shown as plain text (got "grpc/missing")`,
  ]);
});

test('a domain reserved for site pages is refused', () => {
  const record = exampleRecord();
  record.id = 'search/x';
  record.domain = 'search';
  assert.ok(lines([recordFile('search/x.json', record)]).some((line) => line.includes('domain: "search" is reserved')));
});

test('an old id must not be a live record, claimed twice, the record itself or under a reserved name', () => {
  const renamed = (id: string, previous: string[]) => recordFile(`${id}.json`, { ...exampleRecord(), id, domain: id.split('/')[0], previous_ids: previous });
  const report = lines([
    renamed('grpc/new-name', ['grpc/old-name', 'grpc/other', 'grpc/new-name', 'search/x']),
    renamed('grpc/other', ['grpc/old-name']),
  ]).filter((line) => line.includes('previous_ids'));
  assert.deepEqual(report, [
    'grpc/new-name.json: previous_ids[1]: is the id of a live record (grpc/other.json); its address cannot also redirect here (got "grpc/other")',
    'grpc/new-name.json: previous_ids[2]: is the record\'s own id (got "grpc/new-name")',
    'grpc/new-name.json: previous_ids[3]: its domain "search" is reserved for the site\'s own pages (got "search/x")',
    'grpc/other.json: previous_ids[0]: is also a previous id of grpc/new-name.json; an old address can redirect to one record only (got "grpc/old-name")',
  ]);
  assert.deepEqual(lines([renamed('grpc/new-name', ['grpc/old-name'])]).filter((line) => line.includes('previous_ids')), []);
});
