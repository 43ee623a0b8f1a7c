/**
 * A JSON log record whose message is itself a log record is read once more (normalize.ts,
 * expandJson): Docker's json-file driver stores an app's JSON log lines as strings, and an error's
 * text can end in a JSON response body.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizePaste } from '../../../src/lib/matcher/normalize.ts';

const docker = (line: string) => JSON.stringify({ log: `${line}\n`, stream: 'stderr', time: '2026-11-20T10:11:12.345678901Z' });

test("an app's JSON log line inside Docker's json-file line reads as the app's own", () => {
  const app = JSON.stringify({ level: 'error', ts: '2026-11-20T10:11:12.093Z', msg: 'rollup query failed', error: 'ERROR: relation "audit_events" does not exist (SQLSTATE 42P01)' });
  const read = (text: string) => normalizePaste(text).map((line) => [line.text, line.err]);
  assert.deepEqual(read(docker(app)), read(app));
  assert.deepEqual(read(docker(app)).map(([text]) => text), ['ERROR: relation "audit_events" does not exist (SQLSTATE 42P01)', 'rollup query failed']);
});

test('a response body at the end of a logged line gives its message', () => {
  const line = 'HTTP response body: {"kind":"Status","status":"Failure","message":"deployments.apps is forbidden: User \\"system:serviceaccount:ops:reporter\\" cannot list resource \\"deployments\\"","reason":"Forbidden","code":403}';
  const texts = normalizePaste(docker(line)).map((l) => l.text);
  assert.ok(texts.includes('deployments.apps is forbidden: User "system:serviceaccount:ops:reporter" cannot list resource "deployments"'), texts.join('\n'));
});

test('a paste that is one JSON string, quotes and all, reads as the text it holds', () => {
  const text = ['Traceback (most recent call last):', '  File "/app/worker.py", line 12, in <module>', 'KeyError: \'user\''].join('\n');
  const read = (paste: string) => normalizePaste(paste).map((line) => [line.text, line.err > 0, line.frame]);
  // A value copied from a JSON viewer or an API's response, with `{` and `=` in it as logs have.
  assert.deepEqual(read(JSON.stringify(text)), read(text));
  const log = 'level=error msg="sync failed" err="dial tcp 10.0.0.7:5432: connect: connection refused"\nretrying in {5s}';
  assert.deepEqual(read(JSON.stringify(log)), read(log));
  // One line in quotes, or quotes around other text, stay as they are.
  assert.deepEqual(normalizePaste('"connection refused"').map((line) => line.text), ['"connection refused"']);
  assert.deepEqual(normalizePaste('"a\\nb" and "c"').map((line) => line.text), ['"a\\nb" and "c"']);
});

test("a quoted literal holding escaped line breaks (Python's `stderr=b'…'`) reads as its lines", () => {
  const texts = (paste: string) => normalizePaste(paste).map((line) => line.text);
  const stderr = String.raw`npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.example/left-pad\nnpm ERR! 404 'left-pad@9.9.9' is not in this registry.`.replace(/'/g, "\\'");
  assert.deepEqual(texts(`RuntimeError: npm install failed: b'${stderr}'`), [
    'RuntimeError: npm install failed:',
    'npm ERR! code E404',
    'npm ERR! 404 Not Found - GET https://registry.example/left-pad',
    "npm ERR! 404 'left-pad@9.9.9' is not in this registry.",
  ]);
  // An apostrophe in a word opens no literal.
  assert.equal(texts(`it's failing: b'${stderr}'`)[0], "it's failing:");
  // Escaped backslashes before an n are a path's (`C:\\new` in a repr), and one break is no log.
  for (const line of [String.raw`copy failed: 'C:\\new\\nodes\\nightly\\out.txt'`, String.raw`message: 'first line\nsecond line'`]) assert.deepEqual(texts(line), [line]);
});

test("a logfmt message holding a whole log as escapes is read to its end, past a long line's head", () => {
  const log = ['$ npm ci', ...Array.from({ length: 40 }, (_, i) => `npm http fetch GET 200 https://registry.example/pkg-${i} 12ms (cache miss)`), 'npm ERR! code EINTEGRITY', "npm ERR! sha512-abc integrity checksum failed when using sha512: wanted sha512-abc but got sha512-def. (1234 bytes)"];
  const line = `time=2026-11-20T10:11:12Z level=error msg="${log.join('\n').replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}" component=ci`;
  assert.ok(line.length > 3000);
  const texts = normalizePaste(line).map((l) => l.text);
  assert.equal(texts.at(-1), log.at(-1));
  assert.ok(texts.includes('npm ERR! code EINTEGRITY'), texts.join('\n'));
  // A value cut short (no closing quote) holds the rest of the line.
  assert.deepEqual(normalizePaste('level=error msg="dial tcp 10.0.0.7:5432: connect: connection refused').map((l) => l.text), ['dial tcp 10.0.0.7:5432: connect: connection refused']);
});

test('typographic quotes inside a JSON or logfmt value are data; a line curled whole is read folded', () => {
  const texts = (paste: string) => normalizePaste(paste).map((l) => l.text);
  const message = 'Get "https://harbor.corp.local/v2/": tls: failed to verify certificate: x509: \u201charbor.corp.local\u201d certificate is not trusted';
  const folded = message.replace(/[\u201c\u201d]/g, '"');
  assert.deepEqual(texts(JSON.stringify({ level: 'error', msg: 'docker login failed', error: message })), [folded, 'docker login failed']);
  assert.deepEqual(texts(`level=error msg="docker login failed" err="${message.replace(/"/g, '\\"')}"`), [folded, 'docker login failed']);
  // A chat that curls every quote of a logfmt or JSON line: read as the line the tool printed.
  assert.deepEqual(texts('level=error msg=\u201cdocker login failed\u201d err=\u201cconnection refused\u201d'), ['connection refused', 'docker login failed']);
  assert.deepEqual(texts('{\u201clevel\u201d: \u201cerror\u201d, \u201cmsg\u201d: \u201cconnection refused\u201d}'), ['connection refused']);
});

test('a bytes literal holding a logfmt log reads as its records, not as one record of the whole line', () => {
  const texts = (paste: string) => normalizePaste(paste).map((line) => line.text);
  const log = String.raw`time=2025-03-12T07:44:01Z level=info msg=\"starting gateway\"\ntime=2025-03-12T07:44:06Z level=error msg=\"fetch failed\" err=\"rpc error: code = Unavailable desc = connection refused\"\n`;
  assert.deepEqual(texts(`RuntimeError: command failed, stderr=b'${log}'`), [
    'RuntimeError: command failed, stderr=',
    'starting gateway',
    'rpc error: code = Unavailable desc = connection refused',
    'fetch failed',
  ]);
  // A logfmt record whose message holds breaks is still read as that record.
  assert.deepEqual(texts(String.raw`time=2025-03-12T07:44:06Z level=error msg="deploy failed:\nstep 2\nstep 3" err="exit status 1"`), ['exit status 1', 'deploy failed:', 'step 2', 'step 3']);
});

test("a bytes literal on one line loses its repr's escapes", () => {
  const texts = (paste: string) => normalizePaste(paste).map((line) => line.text);
  assert.deepEqual(texts(String.raw`RuntimeError: query failed: b'SQLSTATE[42S02]: Table \'shop.items\' doesn\'t exist in C:\\app\\db.php\n'`), [
    'RuntimeError: query failed:',
    String.raw`SQLSTATE[42S02]: Table 'shop.items' doesn't exist in C:\app\db.php`,
  ]);
  // A b ending a word is no bytes prefix: the literal after it is left as printed.
  const line = String.raw`grep failed: ab'C:\\new\\nodes, the job\'s output' is missing`;
  assert.deepEqual(texts(line), [line]);
});

test("a pretty-printed JSON object's message members read as their values; names, codes and other members stay", () => {
  const texts = (paste: string) => normalizePaste(paste).map((line) => line.text);
  const body = JSON.stringify({ message: "Property 'user' does not exist on type 'Request<ParamsDictionary, any>'.", exception: 'Error', path: 'src/middleware/auth.ts', errorMessage: 'connect ECONNREFUSED 10.0.0.7:5432\nretrying' }, null, 2);
  assert.deepEqual(texts(body), [
    '{',
    "Property 'user' does not exist on type 'Request<ParamsDictionary, any>'.",
    '"exception": "Error",',
    '"path": "src/middleware/auth.ts",',
    'connect ECONNREFUSED 10.0.0.7:5432',
    'retrying',
    '}',
  ]);
});
