/**
 * What carrying a paste added is taken off before it is read (transport.ts): Unicode spaces,
 * zero-width characters, HTML escapes, quote markers and line-number gutters.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';
import { normalizePaste } from '../../../src/lib/matcher/normalize.ts';
import { plainSpaces, unescapeHtml, unwrapTransport } from '../../../src/lib/matcher/transport.ts';

test('Unicode spaces are spaces, zero-width characters are gone', () => {
  assert.equal(plainSpaces('permission\u00a0denied\u202f(os\u2009error\u00a013)'), 'permission denied (os error 13)');
  assert.equal(plainSpaces('java.\u200blang.\u200bNullPointerException\ufeff'), 'java.lang.NullPointerException');
  assert.equal(plainSpaces('错误：权限不够'), '错误：权限不够');
});

test('HTML escapes stand for their characters, once', () => {
  assert.equal(unescapeHtml('expected &quot;200&quot; but was &#39;503&#39; &lt;html&gt; &#x27;x&#x27;'), `expected "200" but was '503' <html> 'x'`);
  assert.equal(unescapeHtml('a &amp;lt; b'), 'a &lt; b');
  // Not an escape, and escapes of control characters: left as written.
  assert.equal(unescapeHtml('R&D &copy &#0; &#x1b;'), 'R&D &copy &#0; &#x1b;');
});

test('quote markers are taken off a quoted paste, not off one echoed command', () => {
  assert.deepEqual(unwrapTransport(['> Traceback (most recent call last):', '>   File "app.py", line 3, in <module>', '>', '> KeyError: \'user\'']), [
    'Traceback (most recent call last):',
    '  File "app.py", line 3, in <module>',
    '',
    "KeyError: 'user'",
  ]);
  assert.deepEqual(unwrapTransport(['> > nested', '> > quote']), ['nested', 'quote']);
  // npm's echoed commands above its output: most lines carry no marker.
  const npm = ['> app@1.0.0 build', '> tsc -p .', '', "src/index.ts(3,1): error TS2304: Cannot find name 'x'.", 'Found 1 error.'];
  assert.deepEqual(unwrapTransport(npm), npm);
  // Python's prompt is no quote.
  assert.deepEqual(unwrapTransport(['>>> import torch', '>>> torch.zeros(1)']), ['>>> import torch', '>>> torch.zeros(1)']);
});

test('a line-number gutter is taken off when its numbers rise; a first column that does not is kept', () => {
  assert.deepEqual(unwrapTransport(['  41 | Step 7/9 : RUN npm ci', '  42 | npm ERR! code E401', '  43 | npm ERR! Unable to authenticate']), ['Step 7/9 : RUN npm ci', 'npm ERR! code E401', 'npm ERR! Unable to authenticate']);
  assert.deepEqual(unwrapTransport(['    12\tpanic: runtime error', '    13\t', '    14\tgoroutine 1 [running]:']), ['panic: runtime error', '', 'goroutine 1 [running]:']);
  assert.deepEqual(unwrapTransport(['118:ERROR: relation "users" does not exist', '131:STATEMENT: select * from users', '140:FATAL: terminating']), ['ERROR: relation "users" does not exist', 'STATEMENT: select * from users', 'FATAL: terminating']);
  // A Rust backtrace's frame numbers, times of day, numbers that do not rise: text.
  const rust = ['   0: rust_begin_unwind', '   1: core::panicking::panic_fmt', '   2: app::main'];
  assert.deepEqual(unwrapTransport(rust), rust);
  const times = ['10:00:01 INFO start', '10:00:02 ERROR boom', '10:00:03 INFO stop'];
  assert.deepEqual(unwrapTransport(times), times);
  const table = ['3 | api | CrashLoopBackOff', '1 | web | Running', '2 | db | Running'];
  assert.deepEqual(unwrapTransport(table), table);
});

test('a JSON log copied HTML-escaped is read as JSON', () => {
  const line = '{&quot;level&quot;:&quot;error&quot;,&quot;msg&quot;:&quot;dial tcp 10.0.0.5:5432: connect: connection refused&quot;}';
  assert.deepEqual(normalizePaste(line).map((l) => l.text), ['dial tcp 10.0.0.5:5432: connect: connection refused']);
});

test('a paste carried through a page, a quote or a gutter gets the answer and score of the text printed', async () => {
  const records: MatcherRecordInput[] = [
    {
      id: 'grpc/grpc-connection-reset-by-peer',
      signature: 'UNAVAILABLE: grpc: connection error: connection reset by peer',
      regex: 'unavailable[\\s\\S]{0,400}?(?:connection reset by peer|\\beconnreset\\b|SocketException: Connection reset\\b)',
      aliases: ['grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with:\n\tstatus = StatusCode.UNAVAILABLE\n\tdetails = "Connection reset by peer"'],
      resolvable: 'true',
      fix_success_rate: 0.8,
    },
    { id: 'python/keyerror', signature: 'KeyError: <key>', regex: "KeyError: '", resolvable: 'true', fix_success_rate: 0.9 },
  ];
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const answer = (text: string) => matcher.match(text).map((r) => [r.id, r.score]);
  const pastes = [
    [
      'E   grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with:',
      '\tstatus = StatusCode.UNAVAILABLE',
      '\tdetails = "Connection reset by peer"',
      '\tdebug_error_string = "UNKNOWN:Error received from peer ipv4:10.0.4.12:50051"',
    ],
    [
      'io.grpc.StatusRuntimeException: UNAVAILABLE: io exception',
      '\tat io.grpc.stub.ClientCalls.toStatusRuntimeException(ClientCalls.java:268)',
      'Caused by: io.netty.channel.unix.Errors$NativeIoException: recvAddress(..) failed: Connection reset by peer',
    ],
  ];
  for (const lines of pastes) {
    const printed = lines.join('\n');
    const expected = answer(printed);
    assert.equal(expected[0]?.[0], 'grpc/grpc-connection-reset-by-peer');
    assert.deepEqual(answer(printed.replace(/ /g, '\u00a0')), expected, 'no-break spaces');
    assert.deepEqual(answer(printed.replace(/"/g, '&quot;')), expected, 'HTML escapes');
    assert.deepEqual(answer(lines.map((line) => `> ${line}`).join('\n')), expected, 'a Markdown quote');
    assert.deepEqual(answer(lines.map((line, i) => `${String(i + 20).padStart(4)} | ${line}`).join('\n')), expected, 'a gutter');
  }
});
