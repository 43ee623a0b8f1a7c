import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorness } from '../../../src/lib/matcher/errorness.ts';
import { normalizePaste, stripAnsi } from '../../../src/lib/matcher/normalize.ts';

const texts = (paste: string) => normalizePaste(paste).map((l) => l.text);

test('ANSI escapes, CRLF and carriage-return progress bars are removed', () => {
  assert.equal(stripAnsi('\x1b[1m\x1b[31mError\x1b[39m\x1b[22m: boom'), 'Error: boom');
  assert.deepEqual(texts('a\r\nb\r\n'), ['a', 'b']);
  assert.deepEqual(texts('10%\r50%\r100% done\n'), ['100% done']);
  assert.deepEqual(texts('\x1b]8;;https://x.example\x07link\x1b]8;;\x07 text'), ['link text']);
});

test('colour codes whose ESC byte was lost, or shown as ^[, are removed; a duration and a thread name are not', () => {
  assert.deepEqual(texts('[31m  File "app.py", line 3[0m\n[1;31mKeyError[0m: \'user\'[0m'), ['File "app.py", line 3', "KeyError: 'user'"]);
  assert.equal(stripAnsi('^[[31mERROR^[[0m connection refused'), 'ERROR connection refused');
  assert.equal(stripAnsi('retry in [5m 30s] on [main] thread'), 'retry in [5m 30s] on [main] thread');
});

test('log prefixes: timestamps, CI annotations, compose and kubectl prefixes', () => {
  assert.deepEqual(texts('2025-03-01T10:00:00.1234567Z ##[error]Process completed with exit code 1.'), ['Process completed with exit code 1.']);
  assert.deepEqual(texts('Mar  3 12:04:05 web01 nginx[812]: worker exited'), ['nginx[812]: worker exited']);
  assert.deepEqual(texts('api-1  | Error: listen EADDRINUSE'), ['Error: listen EADDRINUSE']);
  assert.deepEqual(texts('[pod/api-7d9f-x2k/app] panic: boom'), ['panic: boom']);
  assert.deepEqual(texts('2024/01/02 15:04:05 dial tcp: refused'), ['dial tcp: refused']);
  assert.deepEqual(texts('::error file=a.ts,line=3::Type error'), ['Type error']);
  const [line] = normalizePaste('npm ERR! code ERESOLVE');
  assert.ok(line);
  assert.equal(line.text, 'npm ERR! code ERESOLVE');
  assert.equal(line.core, 'ERESOLVE');
});

test('more log prefixes: date-only, bracketed, syslog, kubectl, compose, CRI, Apache, Serilog, JUL', () => {
  const both = (paste: string) => {
    const [line] = normalizePaste(paste);
    assert.ok(line, paste);
    return [line.text, line.core];
  };
  assert.deepEqual(both('2026-11-20 ERROR frobnicator exploded: disk full'), ['ERROR frobnicator exploded: disk full', 'frobnicator exploded: disk full']);
  assert.deepEqual(both('[2026-11-20 10:00:01,123] ERROR frobnicator exploded'), ['ERROR frobnicator exploded', 'frobnicator exploded']);
  assert.deepEqual(both('[2026-11-20 10:00:01,123] {app.py:12} ERROR - frobnicator exploded')[1], 'frobnicator exploded');
  // syslog: the date and host go; the program stays in the text (it names the tool), not in the core.
  assert.deepEqual(both('Nov 20 10:00:01 host app[123]: frobnicator exploded'), ['app[123]: frobnicator exploded', 'frobnicator exploded']);
  assert.deepEqual(both('<3>Nov 20 10:00:01 host app[1]: frobnicator exploded')[0], 'app[1]: frobnicator exploded');
  assert.deepEqual(both('Nov 20 10:00:01 host kernel: Out of memory: Killed process 4242 (java)'), ['kernel: Out of memory: Killed process 4242 (java)', 'Out of memory: Killed process 4242 (java)']);
  assert.deepEqual(both('pod/api-7d9f-xk2 frobnicator exploded')[0], 'frobnicator exploded');
  assert.deepEqual(both('pod/api-7d9f-xk2/api frobnicator exploded')[0], 'frobnicator exploded');
  assert.deepEqual(both('service-1  | frobnicator exploded')[0], 'frobnicator exploded');
  assert.deepEqual(both('web_1      | frobnicator exploded')[0], 'frobnicator exploded');
  assert.deepEqual(both('2026-11-20T10:00:01.123456789Z stderr F frobnicator exploded')[0], 'frobnicator exploded');
  assert.deepEqual(both('20/11/2026 10:00:01 ERROR frobnicator exploded')[0], 'ERROR frobnicator exploded');
  assert.deepEqual(both('[Thu Nov 20 10:00:01.123456 2026] [php:error] [pid 123] frobnicator exploded'), ['[php:error] [pid 123] frobnicator exploded', 'frobnicator exploded']);
  assert.deepEqual(both('[10:00:01 ERR] frobnicator exploded'), ['ERR frobnicator exploded', 'frobnicator exploded']);
  assert.deepEqual(both('Nov 20, 2026 10:00:01 AM org.acme.Frob run')[0], 'org.acme.Frob run');
  // A CloudWatch export's epoch milliseconds, Loki's label set after the line's time.
  assert.deepEqual(both('1763633472345\tfrobnicator exploded')[0], 'frobnicator exploded');
  assert.deepEqual(both('2026-11-20T10:00:01Z {app="api", namespace="prod"} frobnicator exploded')[0], 'frobnicator exploded');
  assert.deepEqual(both('{"level":"error"} frobnicator exploded')[0], '{"level":"error"} frobnicator exploded');
  // A thread name in brackets is not mistaken for the remains of a colour code.
  assert.deepEqual(both('2026-11-20 10:00:01.123 ERROR 4242 --- [main] c.a.Frob : frobnicator exploded'), ['ERROR 4242 --- [main] c.a.Frob : frobnicator exploded', 'frobnicator exploded']);
  // A date that is not a prefix stays.
  assert.deepEqual(both('backup of 2026-11-20 failed')[0], 'backup of 2026-11-20 failed');
});

test('logfmt lines give their error and message fields', () => {
  assert.deepEqual(texts('time="2026-11-20T10:00:01Z" level=error msg="frobnicator exploded: disk full"'), ['frobnicator exploded: disk full']);
  assert.deepEqual(texts('ts=2026-11-20T10:00:01Z level=error caller=main.go:12 msg="request failed" err="dial tcp 10.0.0.1:5432: connect: connection refused"'), [
    'dial tcp 10.0.0.1:5432: connect: connection refused',
    'request failed',
  ]);
  assert.deepEqual(texts('not logfmt: msg="x" without a level'), ['not logfmt: msg="x" without a level']);
});

test("logfmt lines give the fields a JSON log's message is read from, not only msg and err", () => {
  const line = 'time=2026-03-14T06:22:41Z level=error service=bff msg="upstream call failed" status=503 body="upstream connect error or disconnect/reset before headers. reset reason: connection termination" attempt=1';
  assert.deepEqual(texts(line), ['upstream call failed', 'upstream connect error or disconnect/reset before headers. reset reason: connection termination']);
  assert.deepEqual(texts('level=warn reason="BackOff" __proto__=x constructor=y msg="back-off restarting failed container"'), ['back-off restarting failed container', 'BackOff']);
});

test('JSON log objects give their message fields; JSON-escaped text is unescaped', () => {
  assert.deepEqual(texts('{"level":"error","ts":1700000000,"msg":"request failed","error":"dial tcp 10.0.0.1:5432: connect: connection refused"}'), [
    'dial tcp 10.0.0.1:5432: connect: connection refused',
    'request failed',
  ]);
  assert.deepEqual(texts('worker failed: Traceback (most recent call last):\\n  File \\"a.py\\", line 3, in <module>\\nKeyError: \\"x\\"'), [
    'worker failed: Traceback (most recent call last):',
    'File "a.py", line 3, in <module>',
    'KeyError: "x"',
  ]);
});

test('long runs of stack frames are collapsed so the error line stays', () => {
  const java = ['java.lang.IllegalStateException: boom', ...Array.from({ length: 200 }, (_, k) => `\tat com.acme.C${k}.run(C${k}.java:${k})`), '\t... 12 more', 'Caused by: java.io.IOException: disk'].join('\n');
  const lines = normalizePaste(java);
  assert.ok(lines.length <= 5, `kept ${lines.length} lines`);
  assert.equal(lines[0]?.text, 'java.lang.IllegalStateException: boom');
  assert.equal(lines[lines.length - 1]?.text, 'Caused by: java.io.IOException: disk');
  const py = ['Traceback (most recent call last):', ...Array.from({ length: 50 }, (_, k) => `  File "/app/m${k}.py", line ${k}, in f\n    return g()`), 'ValueError: bad'].join('\n');
  const pyLines = normalizePaste(py).map((l) => l.text);
  assert.ok(pyLines.length <= 5, `kept ${pyLines.length}`);
  assert.equal(pyLines[pyLines.length - 1], 'ValueError: bad');
  const go = ['panic: runtime error: index out of range', '', 'goroutine 1 [running]:', ...Array.from({ length: 40 }, (_, k) => `main.f${k}(0x1)\n\t/app/main.go:${k} +0x1d`), 'exit status 2'].join('\n');
  const goLines = normalizePaste(go).map((l) => l.text);
  assert.ok(goLines.length <= 6, `kept ${goLines.length}`);
  assert.equal(goLines[0], 'panic: runtime error: index out of range');
});

test('error lines are recognised', () => {
  const [a, b] = normalizePaste('Downloading numpy-1.26.4.whl\nModuleNotFoundError: No module named yaml');
  assert.ok(a && b);
  assert.ok(b.err > a.err);
  assert.ok(b.err >= 0.6);
});

test('text before a JSON object on the same line is kept, followed by the object\'s message fields', () => {
  const ansible = 'fatal: [web01]: UNREACHABLE! => {"changed": false, "msg": "Failed to connect to the host via ssh: timed out", "unreachable": true}';
  assert.deepEqual(texts(ansible), [ansible, 'Failed to connect to the host via ssh: timed out']);
  // A bare JSON log object still gives only its message fields.
  assert.deepEqual(texts('{"level":"error","msg":"connection refused"}'), ['connection refused']);
});

test('ordinary words are not error signs; error codes in capitals are', () => {
  for (const prose of ['every entry was else', 'Expected output written to entries.txt', 'emergency contacts updated', 'step e1234 done']) assert.equal(errorness(prose), 0, prose);
  for (const coded of ['connect ECONNREFUSED 127.0.0.1:5432', "src/app.ts(3,1): TS2304 Cannot find name 'x'", 'rustc E0425 here']) assert.ok(errorness(coded) >= 0.6, coded);
});

test('a very long paste keeps its most error-like lines from anywhere, not the first ones', () => {
  const noise = (k: number) => `2024-05-14T10:00:00Z WARN worker-${k} retry failed, will try again`;
  const lines = Array.from({ length: 20_000 }, (_, k) => noise(k));
  lines[10_000] = 'java.lang.IllegalStateException: Connection pool shut down';
  const kept = normalizePaste(lines.join('\n'));
  assert.equal(kept.length, 5000);
  assert.ok(kept.some((line) => line.text === 'java.lang.IllegalStateException: Connection pool shut down'));
  // Paste order is kept.
  assert.ok(kept.every((line, k) => line.index === k));
});

test('an error line kept from the middle of a long paste keeps the lines of its message around it', () => {
  const lines = Array.from({ length: 20_000 }, (_, k) => `2024-05-14T10:00:00Z INFO step ${k} every entry checked`);
  lines.splice(10_000, 3, 'grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with:', '\tstatus = StatusCode.UNAVAILABLE', '\tdetails = "Connection reset by peer"');
  const kept = normalizePaste(lines.join('\n')).map((line) => line.text);
  assert.ok(kept.includes('details = "Connection reset by peer"'), 'the line without an error word of its own');
  assert.ok(kept.includes('status = StatusCode.UNAVAILABLE'));
});

test('Chinese-locale output: full-width punctuation folded, zoned timestamps and Chinese levels handled like English ones', () => {
  assert.deepEqual(texts('错误：您对下列文件的本地修改将被合并操作覆盖：\n冲突（内容）：合并冲突于 “app.py”'), [
    '错误:您对下列文件的本地修改将被合并操作覆盖:',
    '冲突(内容):合并冲突于 "app.py"',
  ]);
  const [line] = normalizePaste('2024-12-03 19:48:01.123 CST [4711] 错误:  重复键违反唯一约束"users_email_key"');
  assert.equal(line!.text, '[4711] 错误: 重复键违反唯一约束"users_email_key"'); // PostgreSQL's two spaces after the level as one
  assert.equal(line!.core, '重复键违反唯一约束"users_email_key"');
  assert.equal(normalizePaste('详细信息:  键值"(email)=(a@b.c)" 已经存在')[0]!.core, '键值"(email)=(a@b.c)" 已经存在');
  assert.equal(texts('2026-11-20 10:00:01 ALERT disk full')[0], 'ALERT disk full', 'only known zone names are dropped');
  assert.ok(errorness('致命错误：无法读取远程仓库。') >= 0.9);
  assert.ok(errorness('错误:  检测到死锁') >= 0.9);
  assert.equal(errorness('正在克隆到 \'infra\'...'), 0);
});

test('JSON logs give error fields by their names too: errMsg inside attr, ECS dotted error.* keys', () => {
  const mongo = '{"t":{"$date":"2024-05-30T02:14:09Z"},"s":"I","c":"COMMAND","msg":"Slow query","attr":{"ns":"a.events","ok":0,"errMsg":"Sort exceeded memory limit of 104857600 bytes","errName":"QueryExceededMemoryLimitNoDiskUseAllowed","errCode":292}}';
  const texts = normalizePaste(mongo).map((line) => line.text);
  assert.ok(texts.includes('Sort exceeded memory limit of 104857600 bytes'), texts.join(' | '));
  assert.ok(texts.includes('QueryExceededMemoryLimitNoDiskUseAllowed'));
  assert.ok(!texts.some((text) => text.includes('a.events')), 'fields that are not messages stay out');
  const ecs = '{"@timestamp":"2024-06-11T03:14:57Z","log.level":"WARN","message":"path: /_bulk, status: 429","error.type":"org.elasticsearch.common.breaker.CircuitBreakingException","error.message":"[parent] Data too large"}';
  const ecsTexts = normalizePaste(ecs).map((line) => line.text);
  assert.ok(ecsTexts.includes('org.elasticsearch.common.breaker.CircuitBreakingException'), ecsTexts.join(' | '));
  assert.ok(ecsTexts.includes('[parent] Data too large'));
  // python-json-logger puts the traceback under Python logging's own name for it.
  const python = '{"levelname": "ERROR", "message": "Exception on /reports [GET]", "exc_info": "Traceback (most recent call last):\\n  File \\"app.py\\", line 9, in view\\njinja2.exceptions.TemplateNotFound: reports/monthly.html"}';
  assert.ok(normalizePaste(python).some((line) => line.text === 'jinja2.exceptions.TemplateNotFound: reports/monthly.html'), normalizePaste(python).map((line) => line.text).join(' | '));
});

test("a structured log record's error level makes its lines error lines, as a level word would", () => {
  const errOf = (line: string) => normalizePaste(line).map((l) => l.err);
  const message = 'The coordinator is not available';
  assert.equal(errorness(message), 0, 'no error word of its own');
  assert.deepEqual(errOf(JSON.stringify({ level: 'ERROR', logger: 'kafkajs', msg: message })), [0.3]);
  // A key naming an error adds as much again (error-keys.test.ts).
  assert.deepEqual(errOf(JSON.stringify({ level: 'ERROR', logger: 'kafkajs', error: message })), [0.6]);
  assert.deepEqual(errOf(JSON.stringify({ level: 'info', msg: message })), [0]);
  assert.deepEqual(errOf(JSON.stringify({ level: 50, msg: message })), [0.3], 'pino and bunyan: 50 is error');
  assert.deepEqual(errOf(JSON.stringify({ level: 30, msg: message })), [0]);
  assert.deepEqual(errOf(JSON.stringify({ PRIORITY: '3', message })), [0.3], 'journald: syslog priority 3 is err');
  assert.deepEqual(errOf(JSON.stringify({ PRIORITY: '6', message })), [0]);
  assert.deepEqual(errOf(`time=2024-06-01T07:21:44Z level=error msg="${message}"`), [0.3]);
  assert.deepEqual(errOf(`time=2024-06-01T07:21:44Z level=warn msg="${message}"`), [0]);
  // With error words of its own, the level adds what it adds to a plain line.
  assert.equal(errOf(JSON.stringify({ severity: 'CRITICAL', message: 'connection refused' }))[0], Math.min(1, errorness('connection refused') + 0.3));
});

test("a compiler's `File(line,col): error …` line ending in `)` is not a Go function frame", () => {
  const line = "Assets/Scripts/UI/HudController.cs(14,12): error CS0246: The type or namespace name 'TextMeshProUGUI' could not be found (are you missing a using directive or an assembly reference?)";
  const [prepared] = normalizePaste(line);
  assert.equal(prepared?.frame, false);
  assert.ok((prepared?.err ?? 0) > 0);
  assert.equal(normalizePaste('main.(*Server).Serve(0xc000123, {0x7a6e10, 0xc0000a2180})')[0]?.frame, true, 'Go frames still are');
});

test('status names and the Windows shells\' "not recognized" are error signs', () => {
  assert.ok(errorness(`pika.exceptions.ChannelClosedByBroker: (404, "NOT_FOUND - no queue 'invoices' in vhost '/'")`) > 0);
  assert.ok(errorness('rpc error: code = FAILED_PRECONDITION desc = the cluster is upgrading') > 0);
  assert.ok(errorness('status: ALREADY_EXISTS, message: "topic orders exists"') > 0);
  assert.ok(errorness("terraform : The term 'terraform' is not recognized as the name of a cmdlet, function, script file, or operable program.") > 0);
  assert.ok(errorness("'node' is not recognized as an internal or external command,") > 0);
  assert.equal(errorness('Found 3 packages; everything else is up to date'), 0, 'ordinary words are not');
});

test("journald's JSON export reads as its text form: program[pid]: message", () => {
  const record = { __CURSOR: 's=8d1f', PRIORITY: '4', _PID: '398', SYSLOG_IDENTIFIER: 'systemd-journald', _COMM: 'systemd-journal', MESSAGE: 'Suppressed 48213 messages from ingest-worker.service' };
  assert.deepEqual(normalizePaste(JSON.stringify(record)).map((l) => l.text), ['systemd-journald[398]: Suppressed 48213 messages from ingest-worker.service']);
  assert.deepEqual(normalizePaste(JSON.stringify({ level: 'info', msg: 'started' })).map((l) => l.text), ['started'], 'other objects as before');
});

test('a Windows path with \\t in it is not JSON-escaped text', () => {
  assert.deepEqual(normalizePaste('PS C:\\Users\\tomas\\code\\crm> docker compose up -d').map((l) => l.text), ['PS C:\\Users\\tomas\\code\\crm> docker compose up -d']);
  assert.deepEqual(normalizePaste('src\\test\\java\\AppTest.java:12: error: cannot find symbol').map((l) => l.text), ['src\\test\\java\\AppTest.java:12: error: cannot find symbol']);
  assert.deepEqual(normalizePaste('Exception: boom\\n\\tat com.x.Y.z(Y.java:1)').map((l) => l.text), ['Exception: boom', 'at com.x.Y.z(Y.java:1)'], 'an escaped stack trace still is');
});

test("the line that ends a Python traceback is an error line, whatever the exception's name", () => {
  const traceback = [
    'Traceback (most recent call last):',
    '  File "/srv/app/worker.py", line 12, in <module>',
    '    main()',
    '  File "/srv/app/worker.py", line 8, in main',
    '    consumer = KafkaConsumer("orders", bootstrap_servers="kafka:9092")',
    '  File "/usr/lib/python3/site-packages/kafka/client_async.py", line 900, in check_version',
    '    raise Errors.NoBrokersAvailable()',
  ];
  const errOfLast = (last: string) => normalizePaste([...traceback, last].join('\n')).at(-1)!;
  for (const last of ['kafka.errors.NoBrokersAvailable: NoBrokersAvailable', 'django.core.exceptions.ImproperlyConfigured: Set the SECRET_KEY environment variable', 'StopIteration']) {
    assert.equal(errorness(last) < 0.9, true, `${last}: not by its own words`);
    const line = errOfLast(last);
    assert.equal(line.text, last);
    assert.equal(line.err, 0.9, last);
  }
  // Only right after Python's frames, and only a class name: other text keeps its own errorness.
  assert.equal(errOfLast('see the log for details').err, 0);
  assert.equal(normalizePaste('Setup done\nkafka.errors.NoBrokersAvailable: NoBrokersAvailable').at(-1)!.err, errorness('kafka.errors.NoBrokersAvailable: NoBrokersAvailable'));
  assert.equal(normalizePaste('    at Object.<anonymous> (/srv/app/index.js:3:9)\nNode.js v20.11.1').at(-1)!.err, 0, 'not after other frames');
});

test('a Python traceback indented whole under a heading keeps its exception line', () => {
  // A dashboard's failed job, or a question with the traceback as an indented code block: the
  // frames two or four spaces in, their source further in, the exception's line as far in as `Traceback`.
  for (const indent of ['  ', '    ']) {
    const pasted = [
      'RQ Dashboard > Queues > failed (reports)',
      '',
      `${indent}Traceback (most recent call last):`,
      `${indent}  File "/app/reports/jobs.py", line 52, in build_summary`,
      `${indent}    totals = resp.json()["data"]["totals"]`,
      `${indent}             ~~~~~~~~~~~~~~~~~~~^^^^^^^^^^`,
      `${indent}TypeError: 'NoneType' object is not subscriptable`,
    ].join('\n');
    assert.deepEqual(texts(pasted), [
      'RQ Dashboard > Queues > failed (reports)',
      'Traceback (most recent call last):',
      'File "/app/reports/jobs.py", line 52, in build_summary',
      "TypeError: 'NoneType' object is not subscriptable",
    ]);
  }
});

test("Node's last frame before the error's own properties (`… (node:net:1595:16) {`) is a frame", () => {
  // Node prints a system error's fields (errno, code, syscall) as an object opened on the last frame's line.
  const lines = normalizePaste('Error: connect ECONNREFUSED 127.0.0.1:5672\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1595:16) {\n  errno: -111,\n  code: \'ECONNREFUSED\'\n}');
  assert.equal(lines[1]?.frame, true);
  assert.equal(normalizePaste('    at Module._compile (node:internal/modules/cjs/loader:1256:14)')[0]?.frame, true, 'plain frames still are');
  assert.equal(normalizePaste('waiting at the gate {')[0]?.frame, false);
});

test("Dart's and a sanitizer's numbered frames are frames: their paths' words are no message", () => {
  const frames = (paste: string) => normalizePaste(paste).map((line) => line.frame);
  const dart = ['Unhandled Exception: Bad state: Cannot emit new states after calling close', '#0      BlocBase.emit (package:bloc/src/bloc_base.dart:97:9)', '#1      ProfileCubit.loadProfile (package:acme_app/features/profile/profile_cubit.dart:42:5)'];
  assert.deepEqual(frames(dart.join('\n')), [false, true, true]);
  const asan = ['==4242==ERROR: AddressSanitizer: heap-use-after-free on address 0x602000000010', '    #0 0x4c5a3e in main /src/x.c:12:3', '    #1 0x7f3b2c in __libc_start_main (/lib/x86_64-linux-gnu/libc.so.6+0x21b96)'];
  assert.deepEqual(frames(asan.join('\n')), [false, true, true]);
  // A numbered line of text stays text.
  assert.deepEqual(frames('#3 (comment) the build fails again'), [false]);
});

test("bash's unbound-variable error is an error line, in English and in Chinese", () => {
  // `set -u` stops a script with no error word in the message; under LANG=zh_CN.UTF-8 it is translated.
  assert.ok(normalizePaste('scripts/deploy.sh: line 8: DEPLOY_ENV: unbound variable')[0]!.err >= 0.6);
  assert.ok(normalizePaste('scripts/deploy.sh：第 8 行：DEPLOY_ENV：未绑定的变量')[0]!.err >= 0.6);
  assert.equal(normalizePaste('export DEPLOY_ENV=staging')[0]!.err, 0);
});

test('a kubectl get pods row of a pod with no container ready is an error line, unless it completed', () => {
  for (const stuck of ['pg-analytics-0   0/1     ContainerCreating   0          27m', 'trainer-7d9f8b6c5d-x2kqp   0/1     Pending   0          14m   <none>', 'api-2   0/2   Init:0/1   3 (2m ago)   5m']) assert.ok(errorness(stuck) >= 0.6, stuck);
  for (const fine of ['web-1   1/1   Running   0   3d', 'migrate-x9k   0/1   Completed   0   3m', 'Tests: 0/1 Passed 0 files']) assert.equal(errorness(fine), 0, fine);
});

test('runs of spaces inside a line are one space; indentation still marks frames', () => {
  const lines = normalizePaste(['PHP Warning:  Undefined variable $cartTotal in /var/www/html/checkout.php on line 87', 'NAME      READY   STATUS', '    at main (/app/server.js:3:1)'].join('\n'));
  assert.equal(lines[0]!.text, 'PHP Warning: Undefined variable $cartTotal in /var/www/html/checkout.php on line 87');
  assert.equal(lines[1]!.text, 'NAME READY STATUS');
  assert.equal(lines[2]!.frame, true);
});

test("a CI annotation's warning level marks its line, as `WARNING:` would", () => {
  const [annotated, bare, plain] = normalizePaste(
    '2026-11-21T10:08:41.7741008Z ##[warning]You are running out of disk space. The runner will stop working when the machine runs out of disk space.\nYou are running out of disk space.\n2026-11-21T10:08:41.7741008Z ##[group]Run pip install -r requirements.txt',
  );
  assert.equal(annotated?.text.startsWith('You are running out of disk space.'), true);
  assert.ok(annotated!.err > 0);
  assert.equal(bare?.err, 0);
  assert.equal(plain?.err, 0);
  assert.ok(normalizePaste('::warning file=app.js,line=1::Unexpected console statement')[0]!.err > 0);
});

test("a line that is only a file's path shows no error sign, whatever its names say", () => {
  assert.equal(errorness('/home/runner/work/api/api/src/errors/handleFailure.ts'), 0);
  assert.equal(errorness('C:\\build\\src\\Errors\\FailureHandler.cs'), 0);
  // A path with a message after it is a message.
  assert.ok(errorness('/srv/app/src/errors/handleFailure.ts: error: failed to compile') > 0);
});

test("a log's prefixes come off whole, one at a time, and a traceback under them keeps its shape", () => {
  // Cloud Run's time, then gunicorn's: the date-only and time-only patterns must not cut into the second.
  assert.equal(normalizePaste('2026-11-18 13:40:12.873 CET  [2026-11-18 12:40:12 +0000] [1] [INFO] Starting gunicorn 23.0.0')[0]!.text, '[1] [INFO] Starting gunicorn 23.0.0');
  // The prefix took the indentation: the source lines under the frames are still part of them, and
  // the exception's line still ends the traceback.
  const at = (line: string) => `2026-11-18 13:40:13.620 CET  ${line}`;
  const lines = normalizePaste(
    [
      at('Traceback (most recent call last):'),
      at('  File "/app/config/wsgi.py", line 16, in <module>'),
      at('    application = get_wsgi_application()'),
      at('  File "/usr/local/lib/python3.12/site-packages/django/conf/__init__.py", line 275, in SECRET_KEY'),
      at('    raise ImproperlyConfigured("The SECRET_KEY setting must not be empty.")'),
      at('django.core.exceptions.ImproperlyConfigured: The SECRET_KEY setting must not be empty.'),
    ].join('\n'),
  );
  assert.deepEqual(lines.map((l) => l.text.slice(0, 20)), ['Traceback (most rece', 'File "/app/config/ws', 'File "/usr/local/lib', 'django.core.exceptio']);
  assert.equal(lines.at(-1)!.err, 0.9);
  // Only the line right after a frame is its source: a message after a blank line is not.
  const tf = normalizePaste(['  File "train.py", line 77, in <module>', '', 'Cannot convert a RaggedTensor of shape [32, None] to a dense Tensor'].join('\n'));
  assert.equal(tf.at(-1)!.text, 'Cannot convert a RaggedTensor of shape [32, None] to a dense Tensor');
});
