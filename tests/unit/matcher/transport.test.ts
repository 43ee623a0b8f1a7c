/**
 * What carrying a paste added is taken off before it is read (transport.ts): Unicode spaces,
 * zero-width characters, HTML escapes, quote and comment markers, line-number gutters, stern's pod prefixes, an
 * indentation every line shares (or every line of a block indented as code) and a terminal's line breaks.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';
import { normalizePaste } from '../../../src/lib/matcher/normalize.ts';
import { plainDashes, plainSpaces, unescapeHtml, unwrapTransport } from '../../../src/lib/matcher/transport.ts';

const unwrap = (lines: string[]) => unwrapTransport(lines, lines.join('\n'));

/** A traceback with a blank line inside, as Python printed it. */
const TRACEBACK = ['Traceback (most recent call last):', '  File "app.py", line 3, in <module>', '', "KeyError: 'user'"];
/** The traceback with `marker` before each line (alone on the blank one, as quoting and commenting leave it). */
const marked = (marker: string) => TRACEBACK.map((line) => (line === '' ? marker.trimEnd() : marker + line));

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
  assert.deepEqual(unwrap(marked('> ')), TRACEBACK);
  assert.deepEqual(unwrap(['> > nested', '> > quote']), ['nested', 'quote']);
  // Four lines of five carry the marker: most of them (the share is 0.8).
  assert.deepEqual(unwrap(['> a', '> b', '> c', '> d', 'e']), ['a', 'b', 'c', 'd', 'e']);
  // npm's echoed commands above its output: most lines carry no marker.
  const npm = ['> app@1.0.0 build', '> tsc -p .', '', "src/index.ts(3,1): error TS2304: Cannot find name 'x'.", 'Found 1 error.'];
  assert.deepEqual(unwrap(npm), npm);
  // Python's prompt is no quote.
  assert.deepEqual(unwrap(['>>> import torch', '>>> torch.zeros(1)']), ['>>> import torch', '>>> torch.zeros(1)']);
});

test("an e-mail reply's nested quote (`>> `) loses its markers; the attributions above it do not count against them", () => {
  const reply = ['On Fri, Nov 20, 2026 at 10:42 AM Jane <jane@example.com> wrote:', '> Bob wrote:', ...marked('>> ')];
  assert.deepEqual(unwrap(reply), ['On Fri, Nov 20, 2026 at 10:42 AM Jane <jane@example.com> wrote:', 'Bob wrote:', ...TRACEBACK]);
  // A reply written above the text it quotes: the quote is a run of marked lines among more that are not.
  const above = ['Hi Roberto,', '', 'the SDK has to be on the target host, not on your laptop.', 'Add python3-docker to the base role.', '', 'Cheers,', 'Emily', '', '-----Original Message-----', 'From: Roberto', '', ...marked('> ')];
  assert.deepEqual(unwrap(above), [...above.slice(0, 11), ...TRACEBACK]);
  // npm's echoed command is two such lines, and stays.
  const npm = ['Build failed:', '', '> app@1.0.0 build', '> tsc -p .', '', "src/index.ts(3,1): error TS2304: Cannot find name 'x'.", 'Found 1 error.', 'exit 2'];
  assert.deepEqual(unwrap(npm), npm);
});

test("list markers before most lines are taken off; one line's dash is not", () => {
  assert.deepEqual(unwrap(marked('- ')), TRACEBACK);
  assert.deepEqual(unwrap(marked('* ')), TRACEBACK);
  assert.deepEqual(unwrap(['- connection refused']), ['- connection refused']);
  const some = ['Failed steps:', '- build', 'Error: Process completed with exit code 1.', 'See the log above.'];
  assert.deepEqual(unwrap(some), some);
});

test('comment markers before most lines are taken off, a root prompt and BuildKit steps are not', () => {
  assert.deepEqual(unwrap(marked('# ')), TRACEBACK);
  assert.deepEqual(unwrap(['// TypeError: Cannot read properties of undefined', '//     at main (app.js:3:9)']), ['TypeError: Cannot read properties of undefined', '    at main (app.js:3:9)']);
  const root = ['# systemctl start api', 'Job for api.service failed because the control process exited with error code.', 'See "systemctl status api.service" for details.'];
  assert.deepEqual(unwrap(root), root);
  const buildkit = ['#8 [2/4] RUN npm ci', '#8 12.31 npm ERR! code E401', '#8 ERROR: process "/bin/sh -c npm ci" did not complete successfully'];
  assert.deepEqual(unwrap(buildkit), buildkit);
});

test('a line-number gutter is taken off when its numbers rise; a first column that does not is kept', () => {
  assert.deepEqual(unwrap(['  41 | Step 7/9 : RUN npm ci', '  42 | npm ERR! code E401', '  43 | npm ERR! Unable to authenticate']), ['Step 7/9 : RUN npm ci', 'npm ERR! code E401', 'npm ERR! Unable to authenticate']);
  assert.deepEqual(unwrap(['    12\tpanic: runtime error', '    13\t', '    14\tgoroutine 1 [running]:']), ['panic: runtime error', '', 'goroutine 1 [running]:']);
  assert.deepEqual(unwrap(['118:ERROR: relation "users" does not exist', '131:STATEMENT: select * from users', '140:FATAL: terminating']), ['ERROR: relation "users" does not exist', 'STATEMENT: select * from users', 'FATAL: terminating']);
  // A log pasted as a numbered list, line by line.
  assert.deepEqual(unwrap(['1. Traceback (most recent call last):', '2.   File "app.py", line 3, in <module>', "3. KeyError: 'user'"]), ['Traceback (most recent call last):', '  File "app.py", line 3, in <module>', "KeyError: 'user'"]);
  // A Rust backtrace's frame numbers, times of day, numbers that do not rise: text.
  const rust = ["thread 'main' panicked at src/main.rs:2:5:", 'stack backtrace:', '   0: rust_begin_unwind', '   1: core::panicking::panic_fmt', '   2: app::main'];
  assert.deepEqual(unwrap(rust), rust);
  const times = ['10:00:01 INFO start', '10:00:02 ERROR boom', '10:00:03 INFO stop'];
  assert.deepEqual(unwrap(times), times);
  const table = ['3 | api | CrashLoopBackOff', '1 | web | Running', '2 | db | Running'];
  assert.deepEqual(unwrap(table), table);
});

test('the indentation every line shares is taken off; a trace keeps its frames under the header', () => {
  // A Markdown code block written by indenting four spaces, with a blank line inside.
  assert.deepEqual(unwrap(marked('    ')), TRACEBACK);
  // Tabs as well; a blank line's own spaces go only as far as they reach.
  assert.deepEqual(unwrap(['\tpanic: boom', ' ', '\tgoroutine 1 [running]:', '\t\tmain.main()']), ['panic: boom', '', 'goroutine 1 [running]:', '\tmain.main()']);
  // Indentation the lines do not all share stays: a header at the margin, frames under it.
  const java = ['java.lang.IllegalStateException: closed', '\tat com.acme.Pool.get(Pool.java:41)'];
  assert.deepEqual(unwrap(java), java);
  // Tabs and spaces are not the same indentation.
  const mixed = ['\tat a.B.c(B.java:1)', '    at a.B.d(B.java:2)'];
  assert.deepEqual(unwrap(mixed), mixed);
});

test('a block indented as code under a sentence loses its indentation too', () => {
  const asked = ['Our nightly job fails since the upgrade, any idea?', '', ...marked('    '), '', 'Thanks!'];
  assert.deepEqual(unwrap(asked), ['Our nightly job fails since the upgrade, any idea?', '', ...TRACEBACK, '', 'Thanks!']);
  // Two blocks, each by its own indentation; a tab is four spaces' worth.
  const two = ['First run:', '', '    npm ERR! code E404', '', 'Then:', '', '\t\tnpm ERR! code ETARGET', '\t\t  npm ERR! notarget'];
  assert.deepEqual(unwrap(two), ['First run:', '', 'npm ERR! code E404', '', 'Then:', '', 'npm ERR! code ETARGET', '  npm ERR! notarget']);
  // Indented lines right under a line (a stack trace's frames, a YAML mapping) are no code block.
  const trace = ['java.lang.IllegalStateException: closed', '    at com.acme.Pool.get(Pool.java:41)', '    at com.acme.Main.run(Main.java:9)'];
  assert.deepEqual(unwrap(trace), trace);
  // Lines indented less than four spaces after a blank line stay as they are.
  const shallow = ['Status:', '', '  Reason: OOMKilled', '  Exit Code: 137'];
  assert.deepEqual(unwrap(shallow), shallow);
});

test("a YAML block scalar's text loses the indentation under its key", () => {
  const ansible = ['fatal: [web-01]: FAILED! =>', '  changed: false', '  msg: non-zero return code', '  rc: 1', '  stderr: |-', ...marked('    '), '  stdout: ""'];
  assert.deepEqual(unwrap(ansible), [...ansible.slice(0, 5), ...TRACEBACK, '  stdout: ""']);
  // Keys that hold a value on their own line are no block scalar.
  const mapping = ['status:', '  phase: Failed', '  reason: Evicted'];
  assert.deepEqual(unwrap(mapping), mapping);
});

test('an indented paste finds what the same paste at the margin finds', async () => {
  const records: MatcherRecordInput[] = [
    { id: 'python/keyerror', signature: 'KeyError: <key>', regex: null },
    { id: 'python/attributeerror', signature: "AttributeError: 'NoneType' object has no attribute '<name>'", regex: null },
  ];
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const paste = ['Traceback (most recent call last):', '  File "/srv/app/views.py", line 88, in checkout', '    total = cart["items"]', "KeyError: 'items'"];
  const atMargin = matcher.match(paste.join('\n'));
  assert.equal(atMargin[0]?.id, 'python/keyerror');
  const indented = matcher.match(paste.map((line) => `    ${line}`).join('\n'));
  assert.deepEqual(indented.map((r) => [r.id, r.score]), atMargin.map((r) => [r.id, r.score]));
});

test("lines a terminal broke at its width are joined; lines that only share a length are not", () => {
  const error = 'psycopg2.OperationalError: connection to server at "db.internal" (10.0.3.7), port 5432 failed: Connection refused';
  const broken = (width: number) => [`$ python manage.py migrate`, ...(error.match(new RegExp(`.{1,${width}}`, 'g')) ?? []), 'Is the server running on that host and accepting TCP/IP connections?'];
  assert.deepEqual(unwrap(broken(80)), ['$ python manage.py migrate', error, 'Is the server running on that host and accepting TCP/IP connections?']);
  // Two different long lines broken at another width: two breaks are evidence enough.
  const other = 'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "db.internal" failed: timeout expired';
  const twice = [...broken(90), ...(other.match(/.{1,90}/g) ?? [])];
  assert.deepEqual(unwrap(twice).slice(1), [error, 'Is the server running on that host and accepting TCP/IP connections?', other]);
  // One line printed twice is one piece of evidence: a question's code line and the same line in
  // its traceback are as long as each other, and the traceback's error after it is a line of its own.
  const question = ['except sqlite3.OperationalError as e:', '    conn.execute("DELETE FROM customers WHERE id = ?", (cid,))', 'except sqlite3.OperationalError as e:', 'Traceback (most recent call last):', '  File "/srv/delete.py", line 19, in <module>', '    conn.execute("DELETE FROM customers WHERE id = ?", (cid,))', 'sqlite3.IntegrityError: FOREIGN KEY constraint failed'];
  assert.deepEqual(unwrap(question), question);
  // A phone's SSH client or a split pane is narrower than 80 columns: every long line is broken.
  const printed = ['$ python manage.py migrate', error, 'Is the server running on that host and accepting TCP/IP connections?'];
  assert.deepEqual(unwrap(printed.flatMap((line) => line.match(/.{1,50}/g) ?? [])), printed);
  // A retry printed five times is five lines of one length.
  const retries = [0, 1, 2].map((n) => `WARNING: Retrying (Retry(total=${n}, connect=None, read=None, redirect=None, status=None)) after connection broken`);
  assert.deepEqual(unwrap(retries), retries);
  // The longest line is 80 wide by chance; the next one is git's own line, or a rule's.
  const git = ["error: failed to push some refs to 'gitlab.example.com:platform/billing-service.git'", 'hint: Updates were rejected because the remote contains work that you do'];
  assert.deepEqual(unwrap(git), git);
  const rule = ['='.repeat(80), 'short test summary info', '='.repeat(80), 'FAILED tests/test_api.py::test_login'];
  assert.deepEqual(unwrap(rule), rule);
  // One break at a 60-column phone is enough when it fell on a space the terminal kept.
  assert.deepEqual(unwrap(['$ sudo systemctl restart php-fpm', 'Failed to restart php-fpm.service: Unit php-fpm.service not ', 'found.']), ['$ sudo systemctl restart php-fpm', 'Failed to restart php-fpm.service: Unit php-fpm.service not found.']);
  assert.deepEqual(unwrap(['ssh: connect to host gitlab.acme.io port 22: Operation timed', ' out', 'fatal: Could not read from remote repository.']), ['ssh: connect to host gitlab.acme.io port 22: Operation timed out', 'fatal: Could not read from remote repository.']);
  // Without the space, one line that is the longest by chance stays.
  const port = ['Error: connect ECONNREFUSED 127.0.0.1:5432 while running the migrations', 'at TCPConnectWrap.afterConnect [as oncomplete]'];
  assert.deepEqual(unwrap(port), port);
});

test("stern's pod and container before each line are taken off; a first word that is no pod stays", () => {
  const stern = ['checkout-7f9b6c5d8-2vxkq checkout APPLICATION FAILED TO START', 'checkout-7f9b6c5d8-2vxkq checkout ', 'checkout-7f9b6c5d8-2vxkq checkout Description:', 'pg-0 postgres FATAL:  password authentication failed for user "app"'];
  assert.deepEqual(unwrap(stern), ['APPLICATION FAILED TO START', '', 'Description:', 'FATAL:  password authentication failed for user "app"']);
  const words = ['pre-build steps failed', 'post-build error reported', 'pre-build cache missing'];
  assert.deepEqual(unwrap(words), words);
});

test("a log viewer's CSV export reads as its message column, a value's line breaks and doubled quotes too", () => {
  const rows = ['"@timestamp","log.level","message"', ...TRACEBACK.map((line, i) => `"2026-11-20T10:11:1${i}.345Z","error","${line.replace(/"/g, '""')}"`)];
  assert.deepEqual(unwrap(rows), TRACEBACK);
  // One entry whose message holds the whole traceback, under a header of unquoted names.
  assert.deepEqual(unwrap(['@timestamp,message', `"Nov 20, 2026 @ 10:11:12.345","${TRACEBACK.join('\n').replace(/"/g, '""')}"`]), TRACEBACK);
  // Under a header of column names, values are quoted only where they must be (Datadog's export).
  assert.deepEqual(unwrap(['date,host,service,status,message', '2024-08-08T12:31:02.114Z,ci-docker-02,gitlab-runner,info,Checking for jobs...', '2024-08-08T12:31:04.905Z,ci-docker-02,gitlab-runner,warn,"Job failed: exit code 1, after 212 s"']), ['Checking for jobs...', 'Job failed: exit code 1, after 212 s']);
  // Lines that only look like it stay: one row, rows of unquoted values, a quoted message.
  for (const lines of [['"a","b"'], ['10:11,error,connection refused', '10:12,error,connection refused, giving up'], ['"connection refused"', 'retrying']]) assert.deepEqual(unwrap(lines), lines);
});

/** `text` as a mail client wraps it: each line broken between words to fit `width` columns. */
const wordWrapped = (text: string[], width: number) =>
  text.flatMap((line) => {
    const out: string[] = [];
    let current = '';
    for (const word of line.split(' ')) {
      if (current !== '' && `${current} ${word}`.length > width) {
        out.push(current);
        current = word;
      } else current = current === '' ? word : `${current} ${word}`;
    }
    return [...out, current];
  });

test('lines a mail client broke between words are joined with the space it took; log lines and short lines are not', () => {
  const message = [
    '$ scp -O build/release.tar.gz deploy@bastion-prod-eu:/srv/releases/',
    'ssh: Could not resolve hostname bastion-prod-eu: Name or service not known',
    'botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the Decrypt operation: User: arn:aws:sts::730335214489:role is not authorized to perform: kms:Decrypt',
  ];
  const wrapped = wordWrapped(message, 72);
  assert.equal(wrapped.length, 6);
  assert.deepEqual(unwrap(wrapped), message);
  // A log's lines open alike; a short line is no line the next word did not fit on; one break is too few.
  const log = ['2026-11-20T10:11:12.345Z ERROR connection to 10.0.4.17:5432 refused, retrying', '2026-11-20T10:11:13.345Z ERROR connection to 10.0.4.17:5432 refused, giving up'];
  assert.deepEqual(unwrap(log), log);
  const short = ['Error: listen EADDRINUSE: address already in use :::3000', 'at Server.setupListenHandle [as _listen2] (node:net:1817:16)'];
  assert.deepEqual(unwrap(short), short);
  const once = wordWrapped(message.slice(0, 2), 72);
  assert.deepEqual(unwrap(once), once);
});

test("a mail client's breaks are joined in frames and before long words, and before a terminal's reading", () => {
  // Wrapped at 72: `at` before a class path too long for its line, a Python frame before its line
  // number, an exception name ending in a colon; a log's next line opens as its run did.
  const wrapped = [
    'Hi team, the nightly export failed again at 02:00 with the errors below,',
    'and the retry at 02:30 failed the same way. It started after the cluster',
    'upgrade on Tuesday.',
    'io.grpc.StatusRuntimeException: UNAVAILABLE: io exception while calling',
    '\tat',
    'com.acme.inventory.v1.InventoryServiceGrpc$InventoryServiceBlockingStub.reserve(InventoryServiceGrpc.java:412)',
    '\tat com.acme.checkout.InventoryClient.reserve(InventoryClient.java:63)',
    '  File "/opt/etl/.venv/lib/python3.12/site-packages/pymongo/topology.py",',
    'line 359, in _select_servers_loop',
    '    raise ServerSelectionTimeoutError(',
    'pymongo.errors.ServerSelectionTimeoutError:',
    'ac-7hq2xkz-shard-00-02.p0zk1x3.mongodb.net:27017: timed out, Timeout: 30s,',
    'Topology Description: <TopologyDescription id: 67c1a0f2e4b5d9a3c8f17e20>',
  ];
  assert.deepEqual(unwrap(wrapped), [
    'Hi team, the nightly export failed again at 02:00 with the errors below, and the retry at 02:30 failed the same way. It started after the cluster upgrade on Tuesday.',
    'io.grpc.StatusRuntimeException: UNAVAILABLE: io exception while calling',
    '\tat com.acme.inventory.v1.InventoryServiceGrpc$InventoryServiceBlockingStub.reserve(InventoryServiceGrpc.java:412)',
    '\tat com.acme.checkout.InventoryClient.reserve(InventoryClient.java:63)',
    '  File "/opt/etl/.venv/lib/python3.12/site-packages/pymongo/topology.py", line 359, in _select_servers_loop',
    '    raise ServerSelectionTimeoutError(',
    'pymongo.errors.ServerSelectionTimeoutError: ac-7hq2xkz-shard-00-02.p0zk1x3.mongodb.net:27017: timed out, Timeout: 30s, Topology Description: <TopologyDescription id: 67c1a0f2e4b5d9a3c8f17e20>',
  ]);
  // A trace alone: each frame's `at` left alone by a class path too long for its line is evidence.
  const trace = ['io.grpc.StatusRuntimeException: UNAVAILABLE: io exception', '\tat', 'io.grpc.stub.ClientCalls.toStatusRuntimeException(ClientCalls.java:268)', '\tat io.grpc.stub.ClientCalls.getUnchecked(ClientCalls.java:249) and more', '\tat', 'com.acme.checkout.CheckoutService.placeOrder(CheckoutService.java:118)'];
  assert.deepEqual(unwrap(trace), [trace[0], `\tat ${trace[2]}`, trace[3], `\tat ${trace[5]}`]);
  // Lines that happen to end at the width are a mail's too: joined with their space, not run together.
  const journal = [
    'Mar 14 16:45:00 web-3 api-gateway[40217]: Error: ENOENT: no such file or',
    "directory, open '/etc/api-gateway/routes.yaml'",
    'Mar 14 16:45:00 web-3 systemd[1]: api-gateway.service: Main process',
    'exited, code=exited, status=1/FAILURE',
    'Mar 14 16:45:01 web-3 systemd[1]: api-gateway.service: Scheduled restart',
    'job, restart counter is at 5.',
    'Mar 14 16:45:01 web-3 systemd[1]: api-gateway.service: Start request',
    'repeated too quickly.',
    'Mar 14 16:45:01 web-3 systemd[1]: Failed to start api-gateway.service -',
    'API Gateway.',
  ];
  assert.deepEqual(unwrap(journal), [
    "Mar 14 16:45:00 web-3 api-gateway[40217]: Error: ENOENT: no such file or directory, open '/etc/api-gateway/routes.yaml'",
    'Mar 14 16:45:00 web-3 systemd[1]: api-gateway.service: Main process exited, code=exited, status=1/FAILURE',
    'Mar 14 16:45:01 web-3 systemd[1]: api-gateway.service: Scheduled restart job, restart counter is at 5.',
    'Mar 14 16:45:01 web-3 systemd[1]: api-gateway.service: Start request repeated too quickly.',
    'Mar 14 16:45:01 web-3 systemd[1]: Failed to start api-gateway.service - API Gateway.',
  ]);
  // A terminal's copy, broken inside words at 80 columns beside a table's short rows, is still a terminal's.
  const terminal = [
    'NAME                                READY   STATUS    RESTARTS   AGE',
    'feature-store-7d9c8b6f5-2xkq9       1/1     Running   0          3d',
    'trainer-batch-28871-6l2pz           0/1     Pending   0          14m',
    '  Warning  FailedScheduling   14m                  default-scheduler   0/6 nodes',
    ' are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control',
    '-plane: }, 2 Insufficient memory, 5 Insufficient cpu. preemption: 0/6 nodes are ',
    'available: 1 Preemption is not helpful for scheduling.',
  ];
  assert.deepEqual(unwrap(terminal).slice(3), [
    '  Warning  FailedScheduling   14m                  default-scheduler   0/6 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory, 5 Insufficient cpu. preemption: 0/6 nodes are available: 1 Preemption is not helpful for scheduling.',
  ]);
});

test("a log viewer's table rows lose the time and the cells before each message; other tables keep theirs", () => {
  const rows = ['Exception in thread "main" java.lang.IllegalStateException: pool closed', '\tat com.acme.Pool.take(Pool.java:88)', '\tat com.acme.Main.main(Main.java:12)'];
  assert.deepEqual(unwrap(rows.map((line) => `Nov 20, 2026 @ 10:11:12.345\tapi-7d9f8c6b5-x2k4q\t${line}`)), rows);
  // Visual Studio's error list, copied: the severity and the code open each row.
  const errors = ['Severity\tCode\tDescription\tProject\tFile\tLine', "Error\tCS0246\tThe type or namespace name 'IDistributedCache' could not be found\tApi\tPriceCache.cs\t14", 'Warning\tCS8618\tNon-nullable property must contain a non-null value\tApi\tProduct.cs\t9'];
  assert.deepEqual(unwrap(errors), errors);
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

test('a negation retyped without its apostrophe gets it back; flags and names keep theirs', () => {
  assert.deepEqual(unwrap(["ERROR! couldnt resolve module/action 'x'", 'it DOESNT work and i cant see why']), ["ERROR! couldn't resolve module/action 'x'", "it DOESN'T work and i can't see why"]);
  assert.deepEqual(unwrap(['pip install --dont-ask', 'dont_wait=true', 'mydont isntance']), ['pip install --dont-ask', 'dont_wait=true', 'mydont isntance']);
});

test("a retyped message is found by a pattern written with the apostrophe", async () => {
  const records: MatcherRecordInput[] = [
    { id: 'ansible/module', signature: "ERROR! couldn't resolve module/action '<module>'", regex: "couldn't resolve module/action '[^'\\n]+'" },
    { id: 'ansible/role', signature: "ERROR! the role '<role>' was not found", regex: "the role '[^'\\n]+' was not found" },
  ];
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const ranked = matcher.match("running the playbook gives me: ERROR! couldnt resolve module/action 'community.docker.docker_compose_v2'. works on my laptop", { explain: true });
  assert.equal(ranked[0]?.id, 'ansible/module');
  assert.equal(ranked[0]?.evidence, 'regex');
});

test('a typographic dash inside a word is a hyphen; a sentence keeps its dashes', () => {
  assert.equal(plainDashes('remote: Permission to acme/handbook.git denied to github—actions[bot].'), 'remote: Permission to acme/handbook.git denied to github-actions[bot].');
  assert.equal(plainDashes('codec can’t decode: utf‑8, x86‐64, −1'), 'codec can’t decode: utf-8, x86-64, -1');
  assert.equal(plainDashes('deploy failed — retrying in 5s'), 'deploy failed — retrying in 5s');
  assert.deepEqual(normalizePaste('github—actions[bot]').map((l) => l.text), ['github-actions[bot]']);
});
