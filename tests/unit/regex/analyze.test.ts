import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backtrackRisk, requiredLiterals } from '../../../src/lib/regex/analyze.ts';
import { parseRegex } from '../../../src/lib/regex/parse.ts';

const lits = (source: string) => requiredLiterals(parseRegex(source)).map((alt) => [...alt].sort());

test('required literals: sequences, alternations, optional parts', () => {
  assert.deepEqual(lits('Connection reset by peer'), [['connection reset by peer']]);
  assert.deepEqual(lits('(ECONNRESET|connection.*reset.*peer)'), [['econnreset'], ['connection', 'peer', 'reset']]);
  assert.deepEqual(lits('colou?r mismatch'), [['color mismatch'], ['colour mismatch']]);
  assert.deepEqual(lits('ERROR \\d+ \\(HY000\\): Too many'), [[' (hy000): too many', 'error ']]);
  assert.deepEqual(lits('TS2307:? Cannot'), [['ts2307 cannot'], ['ts2307: cannot']]);
});

test('parts that may be absent require nothing', () => {
  assert.deepEqual(lits('(foo)?bar'), [['bar'], ['foobar']]);
  assert.deepEqual(lits('.*'), [[]]);
  assert.deepEqual(lits('(a|.*)x'), [['x']]);
});

test('backtracking risk: nested quantifiers and long chains of unbounded ones', () => {
  assert.equal(backtrackRisk(parseRegex('(a+)+$')).risky, true);
  assert.equal(backtrackRisk(parseRegex('(\\w+\\s?)*x')).risky, true);
  assert.equal(backtrackRisk(parseRegex('a.*b.*c.*d')).risky, true);
  assert.equal(backtrackRisk(parseRegex('connect\\(\\) failed.*refused')).risky, false);
  assert.equal(backtrackRisk(parseRegex('(x.*y|z.*w|q.*r)')).risky, false);
});

test('literal runs are read as one node; a quantified last character is not part of the run', () => {
  assert.deepEqual(parseRegex('connection refused'), { t: 'str', s: 'connection refused' });
  assert.deepEqual(parseRegex('a\\.b'), { t: 'str', s: 'a.b' });
  assert.deepEqual(parseRegex('ab+'), { t: 'seq', items: [{ t: 'char', c: 'a' }, { t: 'rep', min: 1, max: Infinity, body: { t: 'char', c: 'b' } }] });
  assert.deepEqual(lits('refused\\(111\\)'), [['refused(111)']]);
  assert.deepEqual(lits('errors?: x'), [['error: x'], ['errors: x']]);
  assert.deepEqual(lits('ab{2}c'), [['abbc']]);
  assert.deepEqual(lits('a{b}c'), [['a{b}c']]);
  assert.deepEqual(lits('x\\d+y'), [['x', 'y']]);
  assert.deepEqual(lits('ΑΣ'), [['ασ']]); // case folded per character, as when each was its own node
  assert.equal(backtrackRisk(parseRegex('abc(d+)+$')).risky, true);
});

test('past the size cap, what every alternative of the dropped side holds stays required', () => {
  // 5 × 5 combinations exceed the cap: the message side is kept, and each of its alternatives
  // still requires `unimplemented`, which all five status spellings hold. Without it a match
  // spanning two lines (`Code: Unimplemented` / `Message: unknown service …`) is looked for on the
  // message's line alone (matcher/hits.ts) and never found.
  const source = '(?:\\bUNIMPLEMENTED|code = Unimplemented|StatusCode="?Unimplemented|status: Unimplemented|Code: Unimplemented)[\\s\\S]{0,200}?(?:unknown service|unknown method|method not found|not implemented here|no handler for)';
  const alts = lits(source);
  assert.equal(alts.length, 5);
  for (const alt of alts) assert.ok(alt.includes('unimplemented'), JSON.stringify(alt));
  // Nothing shared: the kept side alone.
  assert.deepEqual(lits('(?:ab|cd|ef|gh|ij).*(?:k1|k2|k3|k4|k5)'), [['ab'], ['cd'], ['ef'], ['gh'], ['ij']]);
});
