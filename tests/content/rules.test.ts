/**
 * The shipped knowledge base: valid without warnings, and every editorial rule of
 * `src/lib/record/rules.ts` holds (one test per rule; `npm run check:content` reports the same).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONTENT_RULES } from '../../src/lib/record/rules.ts';
import { formatProblem, validateRecordFiles } from '../../src/lib/record/validate.ts';
import { loadKnowledgeBase, SHIPPED_RECORDS } from '../../src/node/content-check.ts';
import { readRecordFiles } from '../../src/node/records.ts';
import { ROOT } from '../helpers.ts';

const files = readRecordFiles(`${ROOT}${SHIPPED_RECORDS}`);
const validation = validateRecordFiles(files);
const kb = loadKnowledgeBase(validation.records, ROOT);

test('every record passes the format check with no error and no warning', () => {
  assert.deepEqual(validation.problems.map((problem) => formatProblem(problem)), []);
  assert.equal(kb.records.length, files.length);
});

for (const rule of CONTENT_RULES) {
  test(rule.name, () => {
    assert.deepEqual(rule.check(kb).map((problem) => formatProblem(problem)), []);
  });
}

test('the knowledge base has 300+ records in 36+ domains', () => {
  assert.ok(kb.records.length >= 300, `${kb.records.length} records`);
  assert.ok(new Set(kb.records.map((record) => record.domain)).size >= 36);
});
