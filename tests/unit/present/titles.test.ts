import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clipAtWord, gistOf, splitTitle, TITLE_MAX_CHARS } from '../../../src/lib/present/titles.ts';

test('a heading is the first sentence; the body keeps the rest, line breaks included', () => {
  assert.deepEqual(splitTitle('Raise the idle timeout. Then restart:\n  systemctl restart app'), {
    title: 'Raise the idle timeout',
    rest: 'Then restart:\n  systemctl restart app',
  });
  assert.deepEqual(splitTitle('Increase the timeout'), { title: 'Increase the timeout', rest: null });
});

test('abbreviations and version numbers do not end a sentence', () => {
  assert.equal(splitTitle('Pin Node 18.x in the workflow. It fixes the build.').title, 'Pin Node 18.x in the workflow');
  assert.equal(splitTitle('Set a keepalive (e.g. net.ipv4.tcp_keepalive_time=600) on both ends').rest, null);
});

test('Chinese sentences end at a Chinese full stop', () => {
  assert.deepEqual(splitTitle('配置服务器以处理优雅关闭。Go 示例：grpc.NewServer()'), { title: '配置服务器以处理优雅关闭', rest: 'Go 示例：grpc.NewServer()' });
});

test('an overlong first sentence is cut at a word and the body shows the whole text', () => {
  const long = `Run ${'kubectl describe pod with the namespace and look at every event '.repeat(3)}before restarting`;
  const split = splitTitle(long);
  assert.ok(split.title.length <= TITLE_MAX_CHARS && split.title.endsWith('…'));
  assert.ok(!/\s…$/.test(split.title), 'cut at a word');
  assert.equal(split.rest, long);
});

test('the gist of why a dead end fails is its first clause', () => {
  assert.equal(gistOf('TLS is not the cause; disabling it reduces security without fixing the reset.'), 'TLS is not the cause');
  assert.equal(gistOf('Restarting does not help. The peer resets again.'), 'Restarting does not help');
});

test('clipping: at a near space, inside a long unbroken run, by code points, never after a comma', () => {
  assert.equal(clipAtWord('short enough', 20), 'short enough');
  assert.equal(clipAtWord('restart the pod, then check the events', 20), 'restart the pod…');
  const path = `see ${'/very/long/path'.repeat(4)}`;
  assert.equal(clipAtWord(path, 30), `${path.slice(0, 29)}…`, 'the only space is too far back: the run is cut');
  assert.equal([...clipAtWord('😀'.repeat(10), 5)].length, 5, 'no surrogate pair is split');
});
