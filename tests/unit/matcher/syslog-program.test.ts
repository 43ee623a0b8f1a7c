/**
 * A syslog line's program (`systemd-journald[398]: `) names the tool: it stays in the line's text,
 * as in journald's JSON export, and counts as the line's words; the core form drops it for patterns
 * anchored at the start (normalize.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherOf, ranking } from './fixture.ts';
import { normalizePaste } from '../../../src/lib/matcher/normalize.ts';

const base = { category: 'runtime_error', resolvable: 'true', fix_success_rate: 0.7, aliases: [] } as const;
const records = [
  { ...base, domain: 'systemd', id: 'systemd/journald-suppressed', signature: 'systemd-journald[<pid>]: Suppressed <n> messages from <unit>', regex: 'Suppressed (?:\\d+|<n>) messages from \\S+' },
  { ...base, domain: 'linux', id: 'linux/io-error', signature: 'blk_update_request: I/O error, dev <dev>, sector <n>', regex: 'blk_update_request: I/O error' },
  { ...base, domain: 'linux', id: 'linux/oom-killer', signature: 'Out of memory: Killed process <pid> (<name>)', regex: '^Out of memory: Killed process' },
];

test("the program of a syslog line counts: journald's rate limit answers in a warning listing", async () => {
  const matcher = await matcherOf(records);
  const paste = [
    '$ journalctl -b -p warning --since "10 min ago" --no-pager',
    'Mar 14 02:10:14 edge-03 systemd-journald[377]: Suppressed 18422 messages from shipper.service',
    'Mar 14 02:10:44 edge-03 systemd-journald[377]: Suppressed 17960 messages from shipper.service',
    'Mar 14 02:11:02 edge-03 kernel: nvme1n1: I/O Cmd(0x2) @ LBA 20971520, 8 blocks, I/O Error (sct 0x0 / sc 0x0)',
    'Mar 14 02:11:14 edge-03 systemd-journald[377]: Suppressed 19004 messages from shipper.service',
  ].join('\n');
  const ranked = matcher.match(paste);
  assert.equal(ranked[0]?.id, 'systemd/journald-suppressed', ranking(ranked));
  assert.match(ranked[0]!.lines[0]!.text, /^systemd-journald\[377\]: Suppressed/);
});

test('a pattern anchored at the start still matches after the program', async () => {
  const matcher = await matcherOf(records);
  const ranked = matcher.match('Mar 14 02:12:09 edge-03 kernel: Out of memory: Killed process 4242 (java) total-vm:8123456kB');
  assert.equal(ranked[0]?.id, 'linux/oom-killer', ranking(ranked));
});

test("a program before a message's frames and indented lines is dropped there, kept on the message", () => {
  const paste = [
    'Mar 14 02:10:14 api-01 orders[2211]: Exception in thread "main" java.lang.IllegalStateException: pool closed',
    'Mar 14 02:10:14 api-01 orders[2211]: \tat com.acme.orders.Pool.take(Pool.java:88)',
    'Mar 14 02:10:14 api-01 orders[2211]: \tat com.acme.orders.Main.main(Main.java:12)',
    'Mar 14 02:10:15 api-01 systemd[1]: orders.service: Main process exited, code=exited, status=1/FAILURE',
  ].join('\n');
  const lines = normalizePaste(paste);
  assert.deepEqual(lines.map((line) => [line.text, line.frame]), [
    ['orders[2211]: Exception in thread "main" java.lang.IllegalStateException: pool closed', false],
    ['at com.acme.orders.Pool.take(Pool.java:88)', true],
    ['at com.acme.orders.Main.main(Main.java:12)', true],
    ['systemd[1]: orders.service: Main process exited, code=exited, status=1/FAILURE', false],
  ]);
});

test("a program before an exception's cause is dropped: the cause continues the trace", () => {
  const paste = [
    'Mar 14 02:10:14 api-01 orders[2211]: io.grpc.StatusRuntimeException: UNAVAILABLE: io exception',
    'Mar 14 02:10:14 api-01 orders[2211]: \tat io.grpc.stub.ClientCalls.toStatusRuntimeException(ClientCalls.java:268)',
    'Mar 14 02:10:14 api-01 orders[2211]: Caused by: io.netty.channel.unix.Errors$NativeIoException: recvAddress(..) failed: Connection reset by peer',
  ].join('\n');
  assert.deepEqual(normalizePaste(paste).map((line) => line.text), [
    'orders[2211]: io.grpc.StatusRuntimeException: UNAVAILABLE: io exception',
    'at io.grpc.stub.ClientCalls.toStatusRuntimeException(ClientCalls.java:268)',
    'Caused by: io.netty.channel.unix.Errors$NativeIoException: recvAddress(..) failed: Connection reset by peer',
  ]);
});

test("a Python traceback through syslog reads as the traceback itself", () => {
  const at = 'Mar 14 02:10:14 api-01 app[2841]: ';
  const traceback = ['Traceback (most recent call last):', '  File "/srv/app/manage.py", line 22, in <module>', '    main()', '  File "/srv/app/manage.py", line 18, in main', '    setup()', '  File "<frozen os>", line 679, in __getitem__', "KeyError: 'DJANGO_SECRET_KEY'"];
  const read = (text: string) => normalizePaste(text).map((line) => [line.text, line.err, line.frame]);
  // Right under the last frame, a program kept on the exception's line read as a statement (its `[`).
  assert.deepEqual(read(traceback.map((line) => at + line).join('\n')).slice(1), read(traceback.join('\n')).slice(1));
});

test("a program repeated on a paste's lines is kept on its first line only", () => {
  const paste = [
    'Mar 14 02:10:14 api-01 etl[2841]: $ java -cp etl.jar com.acme.etl.Main',
    'Mar 14 02:10:14 api-01 etl[2841]: Exception in thread "main" java.lang.NoClassDefFoundError: com/acme/Mapper',
    'Mar 14 02:10:15 api-01 systemd[1]: etl.service: Main process exited, code=exited, status=1/FAILURE',
    'Mar 14 02:10:15 api-01 systemd[1]: etl.service: Failed with result \'exit-code\'.',
  ].join('\n');
  assert.deepEqual(normalizePaste(paste).map((line) => line.text), [
    'etl[2841]: $ java -cp etl.jar com.acme.etl.Main',
    'Exception in thread "main" java.lang.NoClassDefFoundError: com/acme/Mapper',
    'systemd[1]: etl.service: Main process exited, code=exited, status=1/FAILURE',
    "etl.service: Failed with result 'exit-code'.",
  ]);
});

test("journald's ISO form loses its host with its time, as the classic form does", () => {
  const texts = (paste: string) => normalizePaste(paste).map((line) => line.text);
  assert.deepEqual(texts('2024-09-01T03:04:52+0000 media-01 backup.sh[30117]: line 17: aws: command not found'), ['backup.sh[30117]: line 17: aws: command not found']);
  assert.deepEqual(texts('Sep 01 03:04:52 media-01 backup.sh[30117]: line 17: aws: command not found'), ['backup.sh[30117]: line 17: aws: command not found']);
  // A level word before a program is no host.
  assert.deepEqual(texts('ERROR app[1]: boom'), ['ERROR app[1]: boom']);
});

test("Heroku's dyno before a line is no program", () => {
  const lines = normalizePaste('2026-03-14T02:10:14.123456+00:00 app[web.1]: Error: connect ECONNREFUSED 10.0.0.5:5432\n2026-03-14T02:10:14.223456+00:00 heroku[router]: at=error code=H10 desc="App crashed"');
  assert.deepEqual(lines.map((line) => line.text), ['Error: connect ECONNREFUSED 10.0.0.5:5432', 'at=error code=H10 desc="App crashed"']);
});
