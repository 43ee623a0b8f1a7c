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

test("rustc's and npm's E codes are codes only where a code stands, not in glog's level and date", () => {
  assert.deepEqual(codesIn('error[E0106]: missing lifetime specifier'), new Map([['E', new Set(['106'])]]));
  assert.deepEqual(codesIn("For more information about this error, try `rustc --explain E0106`."), new Map([['E', new Set(['106'])]]));
  assert.deepEqual(codesIn('npm ERR! code E404'), new Map([['E', new Set(['404'])]]));
  assert.equal(codesIn('E1201 10:00:01.123456   12 memcache.go:265] couldn\'t get current server API group list').size, 0);
});

test("a record's own code, shown in the paste and held by no other record, names it", async () => {
  const base = { resolvable: 'true', fix_success_rate: 0.8, regex: null } as const;
  const records: MatcherRecordInput[] = [
    { ...base, id: 'rust/e0106-missing-lifetime-specifier', signature: 'error[E0106]: missing lifetime specifier' },
    { ...base, id: 'rust/e0382-borrow-of-moved-value', signature: 'error[E0382]: borrow of moved value: `<name>`' },
    { ...base, id: 'rust/linker-cc-not-found', signature: 'error: linker `cc` not found' },
  ];
  // The tail of the output, without the `error[E0106]` line.
  const tail = ['   = help: this function\'s return type contains a borrowed value', '', 'For more information about this error, try `rustc --explain E0106`.', 'error: could not compile `lexr` (lib) due to 1 previous error'].join('\n');
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const [first] = matcher.match(tail, { explain: true });
  assert.equal(first?.id, 'rust/e0106-missing-lifetime-specifier');
  assert.equal(first?.why?.ownCode, 1);
  assert.equal(matcher.match(tail)[0]?.id, 'rust/e0106-missing-lifetime-specifier');
  // A code two records hold names neither.
  const twice = await loadMatcher(buildMatcherIndex([...records, { ...base, id: 'rust/e0106-in-struct', signature: 'error[E0106]: missing lifetime specifier in struct field' }]));
  assert.equal(twice.match(tail, { explain: true }).some((r) => r.why?.ownCode === 1), false);
});
