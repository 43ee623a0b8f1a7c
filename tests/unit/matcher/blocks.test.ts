/**
 * Patterns tried across lines: a message printed over several lines (npm's ERESOLVE report) is read
 * as one text within a block of consecutive error lines; see docs/matcher.md ("Hits").
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RE2JS } from 're2js';
import { buildMatcherIndex, createMatcher, loadMatcher, type Re2Like } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';

const base = { resolvable: 'true', fix_success_rate: 0.8 } as const;
const records: MatcherRecordInput[] = [
  { ...base, id: 'node/peer-conflict', signature: 'npm ERESOLVE could not resolve peer dependency conflict', regex: 'could not resolve.*peer' },
  { ...base, id: 'node/peer-conflict-strict', signature: 'ERESOLVE overriding peer dependency with strict peer deps', regex: 'overriding[^\\n]*strict peer' },
  { ...base, id: 'db/deadlock', signature: 'deadlock detected while waiting for lock', regex: 'ERROR:\\s+deadlock detected' },
  { ...base, id: 'app/nested', signature: 'nested quantifier pattern for tests', regex: '(x+x+)+y.*zzzq' },
  { ...base, id: 'net/reset', signature: 'connection reset by peer', regex: 'ECONNRESET|connection reset by peer' },
  { ...base, id: 'py/module', signature: "ModuleNotFoundError: No module named 'x'", regex: "ModuleNotFoundError: No module named '[\\w.]+'" },
];

const REPORT = [
  'npm error code ERESOLVE',
  'npm error While resolving: @acme/web@2.3.0',
  'npm error Could not resolve dependency:',
  'npm error peer react@"^17.0.0" from react-dnd@13.1.1',
];

test('a pattern whose words sit on consecutive error lines matches the block, attributed to its first line', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const [top] = matcher.match(REPORT.join('\n'));
  assert.equal(top?.id, 'node/peer-conflict');
  assert.equal(top.evidence, 'regex');
  const line = top.lines[0]!;
  assert.equal(line.text, 'npm error Could not resolve dependency:');
  // The match starts on that line and is clipped to it.
  assert.equal(line.text.slice(line.start, line.end), 'Could not resolve dependency:');
  const [explained] = matcher.match(REPORT.join('\n'), { explain: true });
  assert.equal(explained?.why?.block, 1);
});

test('an anchored pattern is tried on a block whose first line is read without its tool prefix', async () => {
  const anchored = records.map((r) => (r.id === 'node/peer-conflict' ? { ...r, regex: '^could not resolve.*peer' } : r));
  const matcher = await loadMatcher(buildMatcherIndex(anchored));
  const [top] = matcher.match(REPORT.join('\n'), { explain: true });
  assert.equal(top?.id, 'node/peer-conflict');
  assert.equal(top.why?.block, 1);
  const line = top.lines[0]!;
  assert.equal(line.text.slice(line.start, line.end), 'Could not resolve dependency:');
});

test('a pattern already matching one line is not reported as a block hit', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const [top] = matcher.match('npm error Could not resolve dependency: peer react@"^17.0.0"\nnpm error code ERESOLVE', { explain: true });
  assert.equal(top?.id, 'node/peer-conflict');
  assert.equal(top.why?.block, 0);
});

test('blocks stop at a line that does not look like an error, and after a few lines', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const regexHit = (paste: string) => matcher.match(paste, { explain: true }).find((r) => r.id === 'node/peer-conflict')?.evidence === 'regex';
  // An unrelated log line in between: not one message.
  assert.equal(regexHit(['npm error Could not resolve dependency:', 'Downloading react-17.0.0.tgz (83 kB)', 'npm error peer react@"^17.0.0" from react-dnd@13.1.1'].join('\n')), false);
  // A block is the error line and the two lines after it: three lines further is beyond it ...
  assert.equal(regexHit(['npm error Could not resolve dependency:', 'npm error one', 'npm error two', 'npm error peer react@"^17.0.0"'].join('\n')), false);
  // ... two lines further is within it.
  assert.equal(regexHit(['npm error Could not resolve dependency:', 'npm error one', 'npm error peer react@"^17.0.0"'].join('\n')), true);
  // The match must start on the block's first line (here the words are on one line each, in the wrong order).
  assert.equal(regexHit(['npm error peer react@"^17.0.0" from react-dnd@13.1.1', 'npm error Could not resolve dependency:'].join('\n')), false);
});

test('classes that exclude line breaks still do, and \\s may span them', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const strict = matcher.match('npm error ERESOLVE overriding\nnpm error strict peer deps are enabled', { explain: true }).find((r) => r.id === 'node/peer-conflict-strict');
  assert.notEqual(strict?.evidence, 'regex');
  const [deadlock] = matcher.match('psql:migrate.sql:12: ERROR:\n  deadlock detected\nDETAIL: Process 4242 waits for ShareLock', { explain: true });
  assert.equal(deadlock?.id, 'db/deadlock');
  assert.equal(deadlock.evidence, 'regex');
  assert.equal(deadlock.why?.block, 1);
});

test('a risky pattern runs across lines only on the linear-time engine, within the window limits', () => {
  const index = buildMatcherIndex(records);
  const withRe2 = createMatcher(index, { re2: RE2JS as unknown as Re2Like });
  const paste = `error: ${'x'.repeat(20)}y failed\nerror: zzzq failed`;
  const found = withRe2.match(paste, { explain: true }).find((r) => r.id === 'app/nested');
  assert.equal(found?.evidence, 'regex');
  assert.equal(found.why?.block, 1);
  // All fragments present, no match: a backtracking engine would need about 2^3000 steps on this block.
  const hostile = `error: ${'x'.repeat(3000)}! y\nerror: zzzq failed\nerror: ${'x'.repeat(3000)}!`;
  const t0 = performance.now();
  const none = withRe2.match(hostile, { explain: true }).find((r) => r.id === 'app/nested');
  assert.ok(performance.now() - t0 < 5000);
  assert.notEqual(none?.evidence, 'regex');
  // Without re2js, risky patterns are never run on a backtracking engine, and not tried across lines.
  const literalOnly = createMatcher(index).match(paste, { explain: true }).find((r) => r.id === 'app/nested');
  assert.notEqual(literalOnly?.why?.block, 1);
});

test('single-line matching is unchanged by blocks', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const [top] = matcher.match("npm error something\nModuleNotFoundError: No module named 'yaml'\nnpm error peer x");
  assert.equal(top?.id, 'py/module');
  assert.equal(top.lines[0]?.text, "ModuleNotFoundError: No module named 'yaml'");
});

test('a block ends before a line that reports an exit status: it reports on the lines above', async () => {
  const recs: MatcherRecordInput[] = [
    { ...base, id: 'compile/operation', signature: 'invalid operation in the expression', regex: 'invalid operation.*mismatched types.*Process' },
    { ...base, id: 'app/other', signature: 'an unrelated failure of the scheduler queue', regex: 'scheduler queue failed' },
  ];
  const matcher = await loadMatcher(buildMatcherIndex(recs));
  const log = ['tiered.go:47:9: invalid operation: total > limit (mismatched types float64 and int)', 'Error: Process completed with exit code 1.'];
  assert.deepEqual(matcher.match(log.join('\n')).map((r) => r.id), []);
  // The same two error lines, neither reporting an exit status, are one block.
  const [top] = matcher.match([log[0], 'Error: Process terminated by the runner.'].join('\n'));
  assert.equal(top?.id, 'compile/operation');
});

test('a pattern with more alternatives than its analysis combines still matches across lines', async () => {
  // Six spellings of the status times five messages: past the analysis's size cap (regex/analyze.ts).
  // The status must stay a required fragment, or the block holding both lines is never tried.
  const status = '(?:\\bUNIMPLEMENTED|code = Unimplemented|StatusCode="?Unimplemented|status: Unimplemented|Code: Unimplemented)';
  const grpc: MatcherRecordInput = { ...base, id: 'grpc/unimplemented', signature: 'UNIMPLEMENTED: unknown service', regex: `${status}[\\s\\S]{0,200}?(?:unknown service|unknown method|method not found|not implemented here|no handler for)` };
  const matcher = await loadMatcher(buildMatcherIndex([...records, grpc]));
  const [top] = matcher.match(['ERROR:', '  Code: Unimplemented', '  Message: unknown service inventory.v1.StockService'].join('\n'), { explain: true });
  assert.equal(top?.id, 'grpc/unimplemented');
  assert.equal(top.evidence, 'regex');
  assert.equal(top.why?.block, 1);
});
