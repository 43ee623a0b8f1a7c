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
