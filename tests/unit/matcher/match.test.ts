import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RE2JS } from 're2js';
import { buildMatcherIndex, createMatcher, loadMatcher, type Re2Like } from '../../../src/lib/matcher/index.ts';
import { loadRecords } from '../../../src/node/records.ts';

const FIXTURES = new URL('../../fixtures/matcher-records/', import.meta.url).pathname;
const records = loadRecords(FIXTURES);

test('the index is plain JSON and survives a round trip', async () => {
  const index = buildMatcherIndex(records);
  const again = JSON.parse(JSON.stringify(index));
  assert.deepEqual(again, index);
  assert.equal(index.n, 5);
  assert.equal(index.rec.find((row) => row[0] === 'demo/module-not-found')?.[2], "ModuleNotFoundError: No module named '(?<mod>[\\w.]+)'");
  const matcher = await loadMatcher(again);
  assert.equal(matcher.size, 5);
});

test('a specific record beats a generic one that also matches, and the matched line is reported', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const paste = [
    'Collecting requests>=2.31',
    '2025-03-01T10:00:00Z ##[error]\x1b[31mUNAVAILABLE: grpc: connection error: connection reset by peer\x1b[0m',
    'retrying in 2s',
  ].join('\n');
  const results = matcher.match(paste);
  const top = results[0];
  assert.ok(top);
  assert.equal(top.id, 'demo/connection-reset-by-peer');
  assert.equal(top.evidence, 'regex');
  assert.equal(top.domain, 'demo');
  assert.equal(top.resolvable, 'true');
  const line = top.lines[0];
  assert.ok(line);
  assert.equal(line.text, 'UNAVAILABLE: grpc: connection error: connection reset by peer');
  assert.equal(line.text.slice(line.start, line.end), 'UNAVAILABLE: grpc: connection error: connection reset by peer');
  // The generic record matches the same line too, and must rank below the specific one.
  const generic = results.find((r) => r.id === 'demo/generic-connection-error');
  assert.ok(generic, 'the generic record matches the line as well');
  assert.ok(generic.score < top.score);
  // Another record is listed, well behind: the first is a likely answer, the rest possible ones.
  assert.equal(top.confidence, 'medium');
  assert.equal(generic.confidence, 'low');
});

test('matching is case-insensitive and handles the Python dialect', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const [first] = matcher.match("modulenotfounderror: NO MODULE NAMED 'yaml'");
  assert.equal(first?.id, 'demo/module-not-found');
});

test('a hit that starts inside a word is weak evidence; the same pattern on the word itself is not', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  // `ld.*error` also matches "xcodebuild: error": that is not the linker.
  assert.deepEqual(matcher.match('xcodebuild: error: Unable to find a destination matching the provided destination specifier'), []);
  const [top] = matcher.match('/usr/bin/ld: cannot find -lssl: No such file or directory');
  assert.equal(top?.id, 'demo/linker-library-not-found');
  const [again] = matcher.match('ld: error: unable to find library -lz');
  assert.equal(again?.id, 'demo/linker-library-not-found');
});

test('explain returns candidates with the features of their score, without abstaining', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const explained = matcher.match('xcodebuild: error: Unable to find a destination', { explain: true });
  const linker = explained.find((r) => r.id === 'demo/linker-library-not-found');
  assert.ok(linker?.why);
  assert.equal(linker.why.inWord, 1);
  assert.equal(matcher.match('xcodebuild: error: Unable to find a destination').length, 0);
});

test('abstains on unrelated text', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  assert.deepEqual(matcher.match('All 412 tests passed in 3.2s'), []);
  assert.deepEqual(matcher.match('ZeroDivisionError: division by zero'), []);
  assert.deepEqual(matcher.match(''), []);
});

test('top caps the number of results', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const paste = 'UNAVAILABLE: grpc: connection error: connection reset by peer\nModuleNotFoundError: No module named yaml';
  assert.ok(matcher.match(paste).length >= 3, 'the paste explains several records');
  assert.equal(matcher.match(paste, { top: 1 }).length, 1);
  assert.equal(matcher.match(paste, { top: 2 }).length, 2);
});

test('a catastrophic regex with a pasted 1 MB log finishes within its budget', async () => {
  const index = buildMatcherIndex(records);
  const paste = `${'a'.repeat(1_000_000)}!\n${'aaaa error '.repeat(20)}\n`;
  for (const matcher of [createMatcher(index, { re2: RE2JS as unknown as Re2Like }), createMatcher(index)]) {
    const t0 = performance.now();
    matcher.match(paste);
    const ms = performance.now() - t0;
    // A backtracking engine would need about 2^1,000,000 steps here; the budget is generous on purpose.
    assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
  }
  const withRe2 = createMatcher(index, { re2: RE2JS as unknown as Re2Like });
  assert.equal(withRe2.stats.linearEngine, 1);
  const t0 = performance.now();
  const results = withRe2.match(`aaaa error (pathological pattern) ${'a'.repeat(5000)}`);
  assert.ok(performance.now() - t0 < 2000);
  assert.equal(results[0]?.id, 'app/catastrophic-pattern');
});

test('the listed results are the head of the explained candidates: nothing listable is skipped', async () => {
  // Ranking skips the wording comparison of records that cannot reach the listing floor; explain
  // compares every candidate. On the shipped content and its evaluation pastes (bare and inside
  // 80-line logs), the listed results must be exactly the first explained candidates, and the next
  // candidate must be below the floor.
  const { readFileSync } = await import('node:fs');
  const { logOfLines, rng } = await import('../../eval/noise.ts');
  const contentRecords = loadRecords(new URL('../../../content/errors/', import.meta.url).pathname);
  const matcher = await loadMatcher(buildMatcherIndex(contentRecords));
  const pastes = readFileSync(new URL('../../eval/content.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const rand = rng(5);
  let listedTotal = 0;
  for (const paste of [...pastes, ...pastes.map((p) => logOfLines(rand, p.split('\n')[0] ?? '', 80))]) {
    const listed = matcher.match(paste);
    const explained = matcher.match(paste, { explain: true });
    listedTotal += listed.length;
    assert.deepEqual(
      listed.map((r) => [r.id, r.score]),
      explained.slice(0, listed.length).map((r) => [r.id, r.score]),
      paste.slice(0, 120),
    );
    const next = explained[listed.length];
    if (listed.length > 0 && listed.length < 10 && next) assert.ok(next.score <= listed[0]!.score * 0.55 + 0.001, `${next.id} (${next.score}) should have been listed`);
  }
  assert.ok(listedTotal > pastes.length, `only ${listedTotal} results listed`);
});

test('wording alone counts for more when the line names a distinctive identifier of the record', async () => {
  const base = { domain: 'app', category: 'runtime_error', regex: null };
  const recordsWithoutPatterns = [
    { ...base, id: 'app/pool-exhausted', signature: 'PoolExhaustedException: the connection pool ran out of idle connections' },
    { ...base, id: 'app/disk-full', signature: 'the disk is full while writing the journal' },
    { ...base, id: 'app/other', signature: 'an unrelated failure of the scheduler queue' },
  ];
  const matcher = await loadMatcher(buildMatcherIndex(recordsWithoutPatterns as Parameters<typeof buildMatcherIndex>[0]));
  // Wording this far from the signature scores below the abstention threshold on similarity alone
  // (0.64 x F2 = 0.457 here); the identifier makes it an answer (0.76 x F2).
  const [named] = matcher.match('PoolExhaustedException: pool ran out of connections after 30000 ms');
  assert.equal(named?.id, 'app/pool-exhausted');
  assert.equal(named.evidence, 'similarity');
  // Without an identifier of the record, the same kind of wording stays unanswered.
  assert.deepEqual(matcher.match('connection pool ran out of connections after 30000 ms, retrying'), []);
});

test('a result no other record comes near is a confident answer', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const results = matcher.match("ModuleNotFoundError: No module named 'yaml'");
  assert.deepEqual(results.map((r) => [r.id, r.confidence]), [['demo/module-not-found', 'high']]);
});

test('one message printed over several lines is read as one, but scattered words alone never answer', async () => {
  const base = { domain: 'app', category: 'network_error', regex: null };
  const recordsWithoutPatterns = [
    { ...base, id: 'app/reset', signature: 'UNAVAILABLE: grpc: connection error: connection reset by peer' },
    { ...base, id: 'app/dns', signature: 'UNAVAILABLE: grpc: DNS resolution failed for the target host' },
    { ...base, id: 'app/other', signature: 'an unrelated failure of the scheduler queue' },
    { ...base, id: 'app/other2', signature: 'UNAVAILABLE: the node is draining' },
  ];
  const matcher = await loadMatcher(buildMatcherIndex(recordsWithoutPatterns as Parameters<typeof buildMatcherIndex>[0]));
  // grpcio's _InactiveRpcError: the status and the details on lines of their own, a line between.
  const paste = [
    'E   grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with:',
    'E   \tstatus = StatusCode.UNAVAILABLE',
    'E   \tdebug_error_string = "UNKNOWN:Error received from peer ipv4:10.0.0.7:50051"',
    'E   \tdetails = "Connection reset by peer"',
  ].join('\n');
  const [top] = matcher.match(paste);
  assert.equal(top?.id, 'app/reset');
  // The same words spread over a log, lines apart, without the record's distinctive identifier: no answer.
  const scattered = ['error: connection lost', 'step 1', 'step 2', 'step 3', 'grpc retry scheduled', 'step 4', 'step 5', 'step 6', 'error: peer reset the stream'];
  assert.deepEqual(matcher.match(scattered.join('\n')), []);
});

test('a 20,000-line log with one multi-line error in the middle finds its record', async () => {
  const base = { domain: 'app', category: 'network_error', regex: null };
  const matcher = await loadMatcher(buildMatcherIndex([
    { ...base, id: 'app/reset', signature: 'UNAVAILABLE: grpc: connection error: connection reset by peer' },
    { ...base, id: 'app/other', signature: 'an unrelated failure of the scheduler queue' },
  ] as Parameters<typeof buildMatcherIndex>[0]));
  const lines = Array.from({ length: 20_000 }, (_, k) => `2024-05-14T10:00:00Z INFO worker-${k % 7} step ${k}: every entry else checked`);
  lines.splice(10_000, 4,
    'E   grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with:',
    'E   \tstatus = StatusCode.UNAVAILABLE',
    'E   \tdebug_error_string = "UNKNOWN:Error received from peer ipv4:10.0.0.7:50051"',
    'E   \tdetails = "Connection reset by peer"');
  assert.equal(matcher.match(lines.join('\n'))[0]?.id, 'app/reset');
});

test('a record without a pattern is hit by a line holding its whole wording', async () => {
  const base = { domain: 'app', category: 'system_error', regex: null };
  const recordsWithoutPatterns = [
    { ...base, id: 'app/no-space', signature: 'No space left on device' },
    { ...base, id: 'app/other', signature: 'an unrelated failure of the scheduler queue' },
  ];
  const matcher = await loadMatcher(buildMatcherIndex(recordsWithoutPatterns as Parameters<typeof buildMatcherIndex>[0]));
  // The line has many more words than the signature: by similarity alone it would stay under the threshold.
  const [top] = matcher.match('cc1plus: fatal error: error writing to /tmp/ccK3b9Xq.s: No space left on device');
  assert.equal(top?.id, 'app/no-space');
});

test('whole wording across a block starts on its first line', async () => {
  const base = { domain: 'linux', category: 'other', regex: null };
  const recs = [
    { ...base, id: 'linux/command-not-found', signature: 'bash: <command>: command not found' },
    { ...base, id: 'linux/other', signature: 'an unrelated failure of the scheduler queue' },
  ];
  const matcher = await loadMatcher(buildMatcherIndex(recs as Parameters<typeof buildMatcherIndex>[0]));
  const log = [
    'CartView.swift:42:37: error: Force Cast Violation: Force casts should be avoided (force_cast)',
    'Done linting! Found 14 violations, 2 serious in 212 files.',
    'Command PhaseScriptExecution failed with a nonzero exit code',
  ];
  // `found` and `command` are in the first line's block, but the message does not start there: the
  // words are found from the second line (no error sign: it weighs less), not from the error line.
  const results = matcher.match(log.join('\n'), { explain: true });
  const hit = results.find((r) => r.id === 'linux/command-not-found');
  assert.equal(hit?.lines[0]?.index, 1, JSON.stringify(results));
  const [top] = matcher.match(['$ make lint', 'bash: swiftlint: command not found', 'make: *** [lint] Error 127'].join('\n'));
  assert.equal(top?.id, 'linux/command-not-found');
});

test('prose answers from a lower score than tool output; a short message with stopwords is not prose', async () => {
  const base = { domain: 'travel', category: 'other', regex: null };
  const recordsWithoutPatterns = [
    { ...base, id: 'travel/tap-water', signature: 'Tap water is not safe to drink for visitors' },
    { ...base, id: 'travel/other', signature: 'an unrelated failure of the scheduler queue' },
  ];
  const matcher = await loadMatcher(buildMatcherIndex(recordsWithoutPatterns as Parameters<typeof buildMatcherIndex>[0]));
  const question =
    'We land in Cairo on Friday and the chatbot told me the water from the hotel tap is fine to drink for us. ' +
    'Is that right, or should we buy bottled water for the whole trip?';
  const [top] = matcher.match(question);
  assert.equal(top?.id, 'travel/tap-water');
  assert.ok(top.score < 0.47, 'answered below the threshold for tool output');
  // Seven words, two of them stopwords, no error word: a Go compiler message, not prose.
  assert.deepEqual(matcher.match('./main.go:14:2: "os" imported and not used'), []);
});

test('a question with output pasted under it is prose, a prompt of choices is not', async () => {
  const base = { domain: 'ml', category: 'other', regex: null };
  const recs = [
    { ...base, id: 'ml/seed-not-reproducible', signature: 'Training results differ between runs despite a fixed random seed' },
    { ...base, id: 'ml/other', signature: 'an unrelated failure of the scheduler queue' },
  ];
  const matcher = await loadMatcher(buildMatcherIndex(recs as Parameters<typeof buildMatcherIndex>[0]));
  const log = [
    'torch.manual_seed(42), np.random.seed(42), random.seed(42)',
    'run 1: epoch 5/5 | train_loss 0.3312 | val_loss 0.4127 | val_acc 0.8813',
    'run 2: epoch 5/5 | train_loss 0.3398 | val_loss 0.4302 | val_acc 0.8749',
    'run 3: epoch 5/5 | train_loss 0.3341 | val_loss 0.4189 | val_acc 0.8791',
    'setup: torch 2.2.1+cu121, DataLoader(num_workers=8, shuffle=True), cudnn.benchmark = True',
  ];
  // Few stopwords among the numbers of the log: read as tool output, the wording scores too low.
  assert.deepEqual(matcher.match([...log, 'results differ between runs'].join('\n')), []);
  const [top] = matcher.match([...log, 'Why do results differ between runs with a fixed seed?'].join('\n'));
  assert.equal(top?.id, 'ml/seed-not-reproducible');
  assert.ok(top.score < 0.47, 'answered below the threshold for tool output');
  assert.deepEqual(matcher.match([...log, 'results differ between runs with a fixed seed, continue (yes/no)?'].join('\n')), [], 'a prompt of choices asks nothing');
});

test('the error words of a question are the writer\'s own: the paste stays prose', async () => {
  const base = { domain: 'travel', category: 'other', regex: null };
  const recs = [
    { ...base, id: 'travel/tap-water', signature: 'Tap water is not safe to drink for visitors' },
    { ...base, id: 'travel/other', signature: 'an unrelated failure of the scheduler queue' },
  ];
  const matcher = await loadMatcher(buildMatcherIndex(recs as Parameters<typeof buildMatcherIndex>[0]));
  const said = 'We land in Cairo on Friday and the chatbot told me the water from the hotel tap is fine to drink for us.';
  const [top] = matcher.match(`${said}\nWhy can't I trust that answer?`);
  assert.equal(top?.id, 'travel/tap-water');
  assert.ok(top.score < 0.47, 'answered below the threshold for tool output');
  // An error word outside a question: not prose, the threshold of tool output applies.
  assert.deepEqual(matcher.match(`${said}\nI can't trust that answer.`), []);
});

test("an exception and its cause printed after its frames are read as one message", async () => {
  const base = { domain: 'app', category: 'network_error' };
  const recs = [
    { ...base, id: 'app/reset', signature: 'UNAVAILABLE: grpc: connection error: connection reset by peer', regex: 'unavailable[\\s\\S]{0,400}?connection reset by peer' },
    { ...base, id: 'app/other', signature: 'an unrelated failure of the scheduler queue', regex: 'scheduler queue' },
  ];
  const matcher = await loadMatcher(buildMatcherIndex(recs as Parameters<typeof buildMatcherIndex>[0]));
  const paste = [
    'io.grpc.StatusRuntimeException: UNAVAILABLE: io exception',
    '\tat io.grpc.stub.ClientCalls.toStatusRuntimeException(ClientCalls.java:268)',
    '\tat io.grpc.stub.ClientCalls.getUnchecked(ClientCalls.java:249)',
    '\tat io.grpc.stub.ClientCalls.blockingUnaryCall(ClientCalls.java:167)',
    'Caused by: io.netty.channel.unix.Errors$NativeIoException: recvAddress(..) failed: Connection reset by peer',
  ].join('\n');
  const [top] = matcher.match(paste);
  assert.equal(top?.id, 'app/reset');
  assert.equal(top.evidence, 'regex');
  assert.equal(top.lines[0]?.text, 'io.grpc.StatusRuntimeException: UNAVAILABLE: io exception');
});
