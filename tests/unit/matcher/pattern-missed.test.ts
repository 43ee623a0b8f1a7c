/**
 * A record whose pattern matches its signature and an alias (build.ts, provenPattern), found by its
 * words alone, keeps PATTERN_MISSED of its score (scoring.ts); a record whose pattern was never shown
 * on a second wording keeps its words' full score, and so does a line in CJK script.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';
import { analyzePattern } from '../../../src/lib/matcher/patterns.ts';
import { PATTERN_MISSED } from '../../../src/lib/matcher/tuning.ts';
import { matcherIndexOf } from '../../../src/node/matcher.ts';

const base = { resolvable: 'true', fix_success_rate: 0.8 } as const;
const npm: MatcherRecordInput = {
  ...base,
  id: 'npm/eacces',
  signature: "npm ERR! Error: EACCES: permission denied, mkdir '<path>'",
  regex: "npm (?:ERR!|error) (?:code EACCES|Error: EACCES: permission denied)|EACCES: permission denied, \\w+ '[^'\\n]*node_modules",
  aliases: ['npm error code EACCES', "Error: EACCES: permission denied, mkdir '/usr/local/lib/node_modules/typescript'"],
};
// A neighbour: Node's own `listen EACCES`, which no pattern of the record accepts.
const LISTEN = "Error: listen EACCES: permission denied 0.0.0.0:443\n    at Server.setupListenHandle [as _listen2] (node:net:1882:21)\n  code: 'EACCES',\n  syscall: 'listen',";

test('the index lists the records whose pattern matches their signature and an alias', () => {
  const index = buildMatcherIndex([npm, { ...npm, id: 'npm/no-aliases', aliases: [] }, { ...npm, id: 'npm/alias-unmatched', aliases: ['EPERM: operation not permitted'] }, { ...npm, id: 'npm/no-pattern', regex: null }]);
  const ids = (index.pv ?? []).map((k) => index.rec[k]![0]);
  assert.deepEqual(ids, ['npm/eacces']);
});

test('a pattern that could backtrack catastrophically is proven on the linear-time engine', () => {
  // Nested quantifiers: the matcher runs this pattern on re2js, and so does the proof.
  const regex = 'connection to server at [^\\n]* failed: Connection refused(?:\\s+\\S+)*\\s+Is the server running';
  assert.equal(analyzePattern(regex)?.risky, true);
  const postgres: MatcherRecordInput = {
    ...base,
    id: 'postgres/refused',
    signature: 'connection to server at "db" (10.0.0.5), port 5432 failed: Connection refused Is the server running on that host and accepting TCP/IP connections?',
    regex,
    aliases: ['psql: error: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?'],
  };
  // A pattern that backtracks for ever on V8 over its own alias: the linear engine answers at once.
  const hostile: MatcherRecordInput = { ...base, id: 'x/hostile', signature: 'aaaa', regex: '^(a+)+$', aliases: [`${'a'.repeat(40)}b`] };
  const proven = (index: ReturnType<typeof buildMatcherIndex>) => (index.pv ?? []).map((k) => index.rec[k]![0]);
  assert.deepEqual(proven(matcherIndexOf([postgres, hostile])), ['postgres/refused']);
  // Without the engine (the browser's warm-up), a risky pattern is never counted as proven.
  assert.deepEqual(proven(buildMatcherIndex([postgres, hostile])), []);
});

test("words alone weigh less for a record whose proven pattern missed the paste", async () => {
  const proven = await loadMatcher(buildMatcherIndex([npm]));
  // The same words, a pattern that matches the signature only: never shown on a second wording.
  const unproven = await loadMatcher(buildMatcherIndex([{ ...npm, regex: 'npm ERR! Error: EACCES: permission denied, mkdir' }]));
  const a = proven.match(LISTEN, { explain: true })[0]!;
  const b = unproven.match(LISTEN, { explain: true })[0]!;
  assert.equal(a.evidence, 'similarity');
  assert.equal(a.why?.patternMissed, PATTERN_MISSED);
  assert.equal(b.why?.patternMissed, undefined);
  // (Scores are given to three decimals.)
  assert.ok(Math.abs(a.score - b.score * PATTERN_MISSED) <= 0.0015, `${a.score} vs ${b.score}`);
  // A hit of the pattern is not discounted.
  const hit = proven.match("npm ERR! code EACCES\nnpm ERR! syscall mkdir", { explain: true })[0]!;
  assert.equal(hit.evidence, 'regex');
  assert.equal(hit.why?.patternMissed, undefined);
});

test('a line in CJK script keeps its words’ full score', async () => {
  const git: MatcherRecordInput = { ...base, id: 'git/rejected', signature: '! [rejected] main -> main (non-fast-forward)', regex: '\\[rejected\\][^\\n]*\\(non-fast-forward\\)', aliases: ['! [rejected] develop -> develop (non-fast-forward)'], localized_aliases: [{ locale: 'zh-CN', text: '! [rejected] main -> main（非快进）' }] };
  const matcher = await loadMatcher(buildMatcherIndex([git]));
  const result = matcher.match('! [已拒绝] main -> main（非快进）\n错误：无法推送一些引用到 origin', { explain: true })[0];
  assert.ok(result, 'found');
  assert.equal(result.evidence, 'similarity');
  assert.equal(result.why?.patternMissed, undefined);
});
