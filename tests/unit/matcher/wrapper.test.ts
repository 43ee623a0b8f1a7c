/**
 * Wrapper records (`wrapper: true`, docs/matcher.md): a message that only reports that something
 * else failed answers a paste alone, and yields when the paste shows the error it reports on.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';

const base = { resolvable: 'true', fix_success_rate: 0.8 } as const;
const exitCode: MatcherRecordInput = { ...base, id: 'ci/process-completed-with-exit-code', signature: 'Error: Process completed with exit code <code>.', regex: 'Process completed with exit code \\d+' };
const heap: MatcherRecordInput = { ...base, id: 'jvm/heap-space', signature: 'java.lang.OutOfMemoryError: Java heap space', regex: 'OutOfMemoryError: Java heap space' };

const LOG_WITH_CAUSE = [
  'Run ./gradlew test',
  'Starting a Gradle Daemon (subsequent builds will be faster)',
  '> Task :app:test',
  'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space',
  '\tat java.base/java.util.Arrays.copyOf(Arrays.java:3512)',
  'Error: Process completed with exit code 1.',
].join('\n');

const LOG_UNCOVERED = [
  'Run ./deploy.sh',
  'Uploading bundle to s3://releases/app-1.4.2.tgz',
  'fatal: could not read Username for \'https://git.example.com\': terminal prompts disabled',
  'Error: Process completed with exit code 128.',
].join('\n');

for (const wrapper of [true, false]) {
  test(`a wrapper ${wrapper ? 'yields to' : '(unflagged) competes with'} the error its line reports on`, async () => {
    const matcher = await loadMatcher(buildMatcherIndex([{ ...exitCode, wrapper }, heap]));
    const results = matcher.match(LOG_WITH_CAUSE);
    if (wrapper) assert.equal(results[0]?.id, 'jvm/heap-space');
    const flagged = matcher.match(LOG_WITH_CAUSE, { explain: true }).find((result) => result.id === exitCode.id);
    assert.equal(flagged?.why?.wrapperYield, wrapper ? 0.4 : undefined);
  });
}

test('a wrapper still answers when its line is the only error the paste shows', async () => {
  const matcher = await loadMatcher(buildMatcherIndex([{ ...exitCode, wrapper: true }, heap]));
  assert.equal(matcher.match('Error: Process completed with exit code 1.')[0]?.id, exitCode.id);
  assert.equal(matcher.match('Run npm test\n> jest --ci\nError: Process completed with exit code 1.')[0]?.id, exitCode.id);
});

test("a person's question or heading above the log is not the error the wrapper reports on", async () => {
  const matcher = await loadMatcher(buildMatcherIndex([{ ...exitCode, wrapper: true }, heap]));
  const log = 'Run npm test\n> jest\nError: Process completed with exit code 1.';
  const yielded = (text: string) => matcher.match(text, { explain: true }).find((r) => r.id === exitCode.id)?.why?.wrapperYield;
  assert.equal(yielded(`This job fails since this morning, any idea?\n\n${log}`), undefined);
  assert.equal(matcher.match(`This job fails since this morning, any idea?\n\n${log}`)[0]?.id, exitCode.id);
  // Nor an issue template's heading, or a first line introducing the log.
  assert.equal(yielded(`### Error output\n\n${log}`), undefined);
  assert.equal(yielded(`Getting this error after upgrading to Node 22:\n\n${log}`), undefined);
  // A statement with an error sign above it still is one, and so is a tool's labelled line.
  assert.equal(yielded(`npm ERR! code ELIFECYCLE\n${log}`), 0.4);
  assert.equal(yielded(`ERROR: failed to solve: process did not complete successfully:\n${log}`), 0.4);
});

test('a wrapper does not answer for an error no record explains', async () => {
  const flagged = await loadMatcher(buildMatcherIndex([{ ...exitCode, wrapper: true }, heap]));
  const unflagged = await loadMatcher(buildMatcherIndex([exitCode, heap]));
  assert.equal(unflagged.match(LOG_UNCOVERED)[0]?.id, exitCode.id, 'without the flag the wrapper answers');
  assert.deepEqual(flagged.match(LOG_UNCOVERED), []);
});

test('a wrapper found by its wording alone yields the same way', async () => {
  const wordingOnly = await loadMatcher(buildMatcherIndex([{ ...exitCode, regex: null, wrapper: true }, { ...heap, regex: null }]));
  assert.equal(wordingOnly.match(LOG_WITH_CAUSE)[0]?.id, 'jvm/heap-space');
  assert.deepEqual(wordingOnly.match(LOG_UNCOVERED), []);
});

test('a wrapper found by wording in the block of the error line before it still yields', async () => {
  // Wording is compared with each error line and the lines after it: here the wrapper's words are
  // all in the block of the AWS line, and that line, not the wrapper's own, is where they were found.
  const paste = [
    'Run aws sts get-caller-identity',
    'An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.',
    '##[error]Process completed with exit code 254.',
  ].join('\n');
  const wordingOnly = await loadMatcher(buildMatcherIndex([{ ...exitCode, regex: null, wrapper: true }, { ...heap, regex: null }]));
  assert.deepEqual(wordingOnly.match(paste), []);
  assert.equal(wordingOnly.match(paste, { explain: true })[0]?.id, exitCode.id, 'listed when explaining, below the threshold');
});

test('a wrapper of a tool the paste names answers when nothing else does', async () => {
  // The step of the named tool failed (`Command PhaseScriptExecution failed`) after output no record
  // explains: the wrapper's record says where that step's error is. A generic CI wrapper names no
  // tool, so the same log ending in it abstains (LOG_UNCOVERED above).
  const phase: MatcherRecordInput = { ...base, id: 'xcode/phase-script-failed', signature: 'Command PhaseScriptExecution failed with a nonzero exit code', regex: 'Command PhaseScriptExecution failed with a nonzero exit code', wrapper: true };
  const matcher = await loadMatcher(buildMatcherIndex([phase, { ...exitCode, wrapper: true }, heap]));
  const log = (dir: string) =>
    [
      `/bin/sh -c /Users/ci/Library/Developer/${dir}/DerivedData/Shop/Build/Script-4C1A.sh`,
      'Linting Swift files in current working directory',
      '/Users/ci/work/shop/Cart.swift:118:5: error: Function Body Length Violation: Function body should span 80 lines or less',
      'Command PhaseScriptExecution failed with a nonzero exit code',
    ].join('\n');
  assert.equal(matcher.match(log('Xcode'))[0]?.id, phase.id);
  assert.deepEqual(matcher.match(log('Tools')), [], 'the tool is not named: the wrapper yields as before');
  assert.deepEqual(matcher.match(LOG_UNCOVERED), [], 'a generic wrapper (no tool named) still abstains');
  // With the paste's own error covered, the wrapper still yields to it.
  const covered = log('Xcode').replace('Function Body Length Violation: Function body should span 80 lines or less', 'java.lang.OutOfMemoryError: Java heap space');
  assert.equal(matcher.match(covered)[0]?.id, heap.id);
});

test("a wrapper yields to a line another record's pattern knows, though it holds no error word", async () => {
  // Python's `-m` prints `No module named pytest`: no error sign, but a record explains it.
  const noModule: MatcherRecordInput = { ...base, id: 'python/no-module-named', signature: "ModuleNotFoundError: No module named '<module>'", regex: 'No module named \\S+' };
  const matcher = await loadMatcher(buildMatcherIndex([{ ...exitCode, wrapper: true }, noModule]));
  const log = [
    'Run python -m pytest -q tests/',
    '/opt/hostedtoolcache/Python/3.11.9/x64/bin/python: No module named pytest',
    'Error: Process completed with exit code 1.',
  ].join('\n');
  assert.equal(matcher.match(log)[0]?.id, 'python/no-module-named');
  assert.equal(matcher.match(log, { explain: true }).find((result) => result.id === exitCode.id)?.why?.wrapperYield, 0.4);
});
