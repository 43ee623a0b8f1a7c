import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePattern, prefilterKeys, trigramCode } from '../../../src/lib/matcher/patterns.ts';
import { buildMatcherIndex, createMatcher } from '../../../src/lib/matcher/index.ts';
import { loadRecords } from '../../../src/node/records.ts';

const FIXTURES = new URL('../../fixtures/matcher-records/', import.meta.url).pathname;
const records = loadRecords(FIXTURES);

const keysOf = (tri: string) => Array.from({ length: tri.length / 3 }, (_, i) => tri.slice(3 * i, 3 * i + 3));

test('analyzePattern reports alternatives, anchoring and backtracking risk', () => {
  assert.deepEqual(analyzePattern('(connection error|connection reset)')?.alts, [['connection error'], ['connection reset']]);
  assert.equal(analyzePattern('^fatal: bad object')?.anchored, true);
  assert.equal(analyzePattern('fatal: bad object')?.anchored, false);
  assert.equal(analyzePattern('(a+)+$')?.risky, true);
  assert.equal(analyzePattern('connection reset')?.risky, false);
  assert.equal(analyzePattern('(unclosed'), null);
  assert.equal(analyzePattern(''), null);
});

test('each alternative is keyed by its rarest trigram and the rarest of another word, counting other patterns and signatures', () => {
  const patterns = ['connection reset', 'connection refused', 'connection timed out'].map(analyzePattern);
  // In "connection reset", "res", "ese" and "set" occur in no other pattern; signatures make the first two
  // commoner. In the other word, "n r" (also in "connection refused") is the rarest.
  const keys = prefilterKeys(['connection lost', 'these', 'resume'], patterns);
  assert.deepEqual(keysOf(keys[0]!.tri), ['set', 'n r']);
  // Among equally rare trigrams, the first in the pattern.
  assert.deepEqual(keysOf(keys[1]!.tri), ['ref', 'n r']);
  assert.deepEqual(keysOf(prefilterKeys([], patterns)[0]!.tri), ['res', 'n r']);
  // A one-word pattern: the second key is another trigram of the same word.
  const [single] = prefilterKeys([], [analyzePattern('econnreset')]);
  const [k1, k2] = keysOf(single!.tri);
  assert.ok(k1 !== k2 && 'econnreset'.includes(k1!) && 'econnreset'.includes(k2!), single!.tri);
  assert.deepEqual(keysOf(prefilterKeys([], [analyzePattern('abc')])[0]!.tri), ['abc', 'abc']);
  assert.deepEqual(keys[0]!.short, []);
});

test('a record gets one pair of keys per alternative (deduplicated); short and empty alternatives are listed apart', () => {
  const [alternatives, short, anything] = prefilterKeys([], ['(disk full|quota exceeded|disk full)', '(ok|xy)', '.*'].map(analyzePattern));
  assert.equal(alternatives!.tri.length, 12);
  const [a1, a2, b1, b2] = keysOf(alternatives!.tri);
  assert.ok('disk full'.includes(a1!) && 'disk full'.includes(a2!), alternatives!.tri);
  assert.ok('quota exceeded'.includes(b1!) && 'quota exceeded'.includes(b2!), alternatives!.tri);
  assert.deepEqual(short, { tri: '', short: ['ok', 'xy'] });
  assert.deepEqual(anything, { tri: '', short: [''] });
});

test('trigram codes are exact for ASCII and stay in range for other text', () => {
  assert.notEqual(trigramCode('abc', 0), trigramCode('abd', 0));
  for (const s of ['连接被', 'ünï', '😀x']) {
    const code = trigramCode(s, 0);
    assert.ok(code >= 0 && code < 1 << 21);
  }
});

test('loading analyses no pattern; a paste analyses only the records whose keys it contains', () => {
  const index = buildMatcherIndex(records);
  assert.equal(index.rk.length, 1, 'the catastrophic pattern is flagged for the linear-time engine at build time');
  const matcher = createMatcher(index);
  assert.equal(matcher.stats.analysed, 0);
  assert.equal(matcher.stats.linearEngine, 1);
  assert.equal(matcher.match('division by zero').length, 0);
  assert.equal(matcher.stats.analysed, 0, 'no key of any fixture pattern occurs in this paste');
  const results = matcher.match('UNAVAILABLE: grpc: connection error: connection reset by peer');
  assert.equal(results[0]?.id, 'demo/connection-reset-by-peer');
  assert.ok(matcher.stats.analysed >= 1 && matcher.stats.analysed < records.length, `analysed ${matcher.stats.analysed}`);
});
