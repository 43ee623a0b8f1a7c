/**
 * The shipped knowledge base: valid without warnings, and every editorial rule of
 * `src/lib/record/rules.ts` holds (one test per rule; `npm run check:content` reports the same).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AS_RECEIVED, CONTENT_RULES } from '../../src/lib/record/rules.ts';
import { formatProblem, validateRecordFiles } from '../../src/lib/record/validate.ts';
import { loadKnowledgeBase, SHIPPED_RECORDS } from '../../src/node/content-check.ts';
import { readRecordFiles } from '../../src/node/records.ts';
import { ROOT } from '../helpers.ts';

const files = readRecordFiles(`${ROOT}${SHIPPED_RECORDS}`);
const validation = validateRecordFiles(files);
const kb = loadKnowledgeBase(validation.records, ROOT);

test('the knowledge base has 80+ records in 12+ domains', () => {
  assert.ok(kb.records.length >= 80, `${kb.records.length} records`);
  assert.ok(new Set(kb.records.map((record) => record.domain)).size >= 12);
});

test('every record passes the format check with no error and no warning', () => {
  assert.deepEqual(validation.problems.map((problem) => formatProblem(problem)), []);
  assert.equal(kb.records.length, files.length);
});

for (const rule of CONTENT_RULES) {
  test(rule.name, () => {
    assert.deepEqual(rule.check(kb).map((problem) => formatProblem(problem)), []);
  });
}

test('the records kept as they came stay as they came', () => {
  for (const id of AS_RECEIVED) {
    const record = kb.records.find((candidate) => candidate.id === id);
    assert.ok(record, id);
    // The user's Chinese workarounds are untranslated copies: the page must mark them, not hide them.
    assert.deepEqual(record.workarounds_zh, (record.workarounds ?? []).map((workaround) => workaround.action));
  }
});
