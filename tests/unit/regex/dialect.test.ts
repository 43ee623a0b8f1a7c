import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileRecordRegex, RegexDialectError, translatePythonRegex } from '../../../src/lib/regex/dialect.ts';

test('a leading inline flag group becomes a JavaScript flag; i is always on; never u or v', () => {
  assert.deepEqual(translatePythonRegex('(?i)error: x'), { source: 'error: x', flags: 'i' });
  assert.deepEqual(translatePythonRegex('(?ms)a.b'), { source: 'a.b', flags: 'ims' });
  assert.equal(translatePythonRegex('(?i)(?s)x').flags, 'is');
  for (const p of ['(?i)a', 'a\\ b', 'x\\"y', 'a\\-b']) {
    const c = compileRecordRegex(p);
    assert.ok(c.ok, p);
    if (c.ok) assert.ok(!/[uv]/.test(c.flags), `${p} compiled with ${c.flags}`);
  }
});

test('named groups and named back-references', () => {
  assert.equal(translatePythonRegex("No module named '(?P<mod>\\w+)'").source, "No module named '(?<mod>\\w+)'");
  const c = compileRecordRegex('(?P<q>[\'"])x(?P=q)');
  assert.ok(c.ok);
  if (c.ok) {
    assert.ok(c.regex.test('"x"'));
    assert.ok(!c.regex.test('"x\''));
  }
});

test('\\A and \\Z anchor the whole text', () => {
  const c = compileRecordRegex('\\Afatal: .*failed\\Z');
  assert.ok(c.ok);
  if (c.ok) {
    assert.ok(c.regex.test('fatal: push failed'));
    assert.ok(!c.regex.test('x fatal: push failed'));
    assert.ok(!c.regex.test('fatal: push failed\nmore'));
  }
});

test('Python-only forms: late global flags, scoped flags, {,n}, \\U escapes', () => {
  assert.equal(translatePythonRegex('abc(?i)def').flags, 'i');
  assert.equal(translatePythonRegex('abc(?s)def').flags, 'is');
  assert.equal(translatePythonRegex('(?i:Error) x').source, '(?:Error) x');
  assert.equal(translatePythonRegex('a{,3}b').source, 'a{0,3}b');
  const c = compileRecordRegex('x\\U0001F600y');
  assert.ok(c.ok);
  if (c.ok) assert.ok(c.regex.test('x😀y'));
  assert.throws(() => translatePythonRegex('(?>a)b'), RegexDialectError);
  assert.throws(() => translatePythonRegex('a++b'), RegexDialectError);
});

test('patterns that cannot compile or match the empty string are reported with a reason', () => {
  const unterminated = compileRecordRegex('(error');
  assert.equal(unterminated.ok, false);
  if (!unterminated.ok) assert.match(unterminated.reason, /compile/);
  const empty = compileRecordRegex('(error)?');
  assert.equal(empty.ok, false);
  if (!empty.ok) assert.match(empty.reason, /empty string/);
  assert.equal(compileRecordRegex('x\\').ok, false);
});
