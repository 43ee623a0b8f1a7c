/**
 * A line that shows another error's code of a family the record's wording names (other-code.ts) is
 * that other error's: TypeScript's TS2532 is not TS18048, MySQL's ERROR 1044 is not ERROR 1045.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';
import { codesIn, showsOtherCode } from '../../../src/lib/matcher/other-code.ts';

test('codes are read by family, leading zeros aside; other numbers are no codes', () => {
  assert.deepEqual(codesIn('ERROR 1045 (28000): Access denied'), new Map([['ERROR', new Set(['1045'])]]));
  assert.deepEqual(codesIn('ORA-00942: table or view does not exist; error TS2532 and TS18048'), new Map([['ORA', new Set(['942'])], ['TS', new Set(['2532', '18048'])]]));
  assert.equal(codesIn('listening on port 8080 since 2024-06-12 (pid 4242)').size, 0);
});

test("another code of the record's family is another error; its own code, or another family, is not", () => {
  const own = codesIn("error TS18048: '<name>' is possibly 'undefined'.");
  assert.equal(showsOtherCode(own, "src/a.ts:4:2 - error TS2554: Expected 1 arguments, but got 0."), true);
  assert.equal(showsOtherCode(own, "src/a.ts:4:2 - error TS18048: 'user' is possibly 'undefined'."), false);
  assert.equal(showsOtherCode(own, 'ERROR 1045 (28000): Access denied'), false);
  assert.equal(showsOtherCode(new Map(), 'error TS2554'), false);
});

test('a line with another code of the family scores less than the same line with the record\'s', async () => {
  const base = { resolvable: 'true', fix_success_rate: 0.8 } as const;
  const records: MatcherRecordInput[] = [
    { ...base, id: 'mysql/access-denied-for-user', signature: "ERROR 1045 (28000): Access denied for user '<user>'@'<host>' (using password: YES)", regex: 'Access denied for user' },
    { ...base, id: 'mysql/table-doesnt-exist', signature: "ERROR 1146 (42S02): Table '<db>.<table>' doesn't exist", regex: "Table '\\S+' doesn't exist" },
  ];
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const score = (line: string) => matcher.match(line, { explain: true }).find((r) => r.id === 'mysql/access-denied-for-user');
  const own = score("ERROR 1045 (28000): Access denied for user 'analyst'@'%' (using password: YES)");
  const other = score("ERROR 1044 (42000): Access denied for user 'analyst'@'%' to database 'reports'");
  assert.ok(own && other);
  assert.equal(other.why?.otherCode, 1);
  assert.equal(own.why?.otherCode, undefined);
  assert.ok(other.score < own.score * 0.75, `${other.score} against ${own.score}`);
});
