import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizePaste, stripAnsi } from '../../../src/lib/matcher/normalize.ts';

const texts = (paste: string) => normalizePaste(paste).map((l) => l.text);

test('ANSI escapes, CRLF and carriage-return progress bars are removed', () => {
  assert.equal(stripAnsi('\x1b[1m\x1b[31mError\x1b[39m\x1b[22m: boom'), 'Error: boom');
  assert.deepEqual(texts('a\r\nb\r\n'), ['a', 'b']);
  assert.deepEqual(texts('10%\r50%\r100% done\n'), ['100% done']);
  assert.deepEqual(texts('\x1b]8;;https://x.example\x07link\x1b]8;;\x07 text'), ['link text']);
});

test('log prefixes: timestamps, CI annotations, compose and kubectl prefixes', () => {
  assert.deepEqual(texts('2025-03-01T10:00:00.1234567Z ##[error]Process completed with exit code 1.'), ['Process completed with exit code 1.']);
  assert.deepEqual(texts('Mar  3 12:04:05 web01 nginx[812]: worker exited'), ['worker exited']);
  assert.deepEqual(texts('api-1  | Error: listen EADDRINUSE'), ['Error: listen EADDRINUSE']);
  assert.deepEqual(texts('[pod/api-7d9f-x2k/app] panic: boom'), ['panic: boom']);
  assert.deepEqual(texts('2024/01/02 15:04:05 dial tcp: refused'), ['dial tcp: refused']);
  assert.deepEqual(texts('::error file=a.ts,line=3::Type error'), ['Type error']);
  const [line] = normalizePaste('npm ERR! code ERESOLVE');
  assert.ok(line);
  assert.equal(line.text, 'npm ERR! code ERESOLVE');
  assert.equal(line.core, 'ERESOLVE');
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
