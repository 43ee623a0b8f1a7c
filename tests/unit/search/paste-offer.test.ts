import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capText, looksLikeErrorPaste, matchUrl, MAX_MATCH_CHARS, pasteLines } from '../../../src/lib/search/paste-offer.ts';

const GRPC = [
  '2026-11-20T10:15:02Z ERROR rpc failed',
  'io.grpc.StatusRuntimeException: UNAVAILABLE: grpc: connection error: connection reset by peer',
  '    at io.grpc.stub.ClientCalls.toStatusRuntimeException(ClientCalls.java:271)',
].join('\n');

test('two or more non-empty lines are a paste, whatever the line breaks', () => {
  assert.equal(looksLikeErrorPaste(GRPC), true);
  assert.equal(looksLikeErrorPaste('Traceback (most recent call last):\r\n  File "x.py", line 1'), true);
  assert.equal(looksLikeErrorPaste('first\rsecond'), true);
});

test('ordinary queries are not: one short line, or one line plus blank lines', () => {
  assert.equal(looksLikeErrorPaste('connection reset by peer'), false);
  assert.equal(looksLikeErrorPaste('ERR_MODULE_NOT_FOUND'), false);
  assert.equal(looksLikeErrorPaste('\n  exit code 137  \n\n'), false);
  assert.equal(looksLikeErrorPaste(''), false);
  assert.deepEqual(pasteLines('a\n\n  \nb\n'), ['a', 'b']);
});

test('one very long line counts only if it looks like an error', () => {
  const json = '{"level":"error","time":"2026-11-20T10:15:02Z","msg":"rpc failed","err":"UNAVAILABLE: grpc: connection error: connection reset by peer"}';
  assert.equal(looksLikeErrorPaste(json), true);
  assert.equal(looksLikeErrorPaste(`Exception in thread "main" java.lang.OutOfMemoryError: Java heap space ${'x'.repeat(80)}`), true);
  assert.equal(looksLikeErrorPaste('how do I configure the retry policy and keepalive settings of a client so that long idle streams survive proxies'), false);
});

test('the match URL keeps the line breaks, trims the ends and uses the page path it is given', () => {
  assert.equal(matchUrl(`\n\n${GRPC}\n  \n`, '/match/'), `/match/?q=${encodeURIComponent(GRPC)}`);
  assert.equal(matchUrl('a\r\nb', '/zh/match/'), '/zh/match/?q=a%0Ab');
  const url = new URL(matchUrl(GRPC, '/match/'), 'http://x');
  assert.equal(url.pathname, '/match/');
  assert.equal(url.searchParams.get('q'), GRPC);
});

test('long pastes are capped, and never cut inside a surrogate pair', () => {
  const long = `${'line of a very long log\n'.repeat(400)}`;
  const q = new URL(matchUrl(long, '/match/'), 'http://x').searchParams.get('q')!;
  assert.ok(q.length <= MAX_MATCH_CHARS);
  assert.ok(long.startsWith(q));
  const emoji = `${'a'.repeat(MAX_MATCH_CHARS - 1)}😀tail`;
  assert.equal(capText(emoji), 'a'.repeat(MAX_MATCH_CHARS - 1));
  assert.doesNotThrow(() => matchUrl(emoji, '/match/'));
  assert.equal(capText('short'), 'short');
});
