import assert from 'node:assert/strict';
import { test } from 'node:test';
import { highlightLine, keyErrorLine, resultLinks, searchLink } from '../../../src/lib/present/match.ts';

test('a matched line is split around the hit', () => {
  const text = 'rpc failed: UNAVAILABLE: connection reset by peer (retrying)';
  const start = text.indexOf('UNAVAILABLE');
  const end = text.indexOf(' (retrying)');
  assert.deepEqual(highlightLine({ index: 0, text, start, end }), {
    before: 'rpc failed: ',
    hit: 'UNAVAILABLE: connection reset by peer',
    after: ' (retrying)',
  });
});

test('a line chosen by similarity has no hit', () => {
  assert.deepEqual(highlightLine({ index: 0, text: 'connection was reset', start: -1, end: -1 }), {
    before: '',
    hit: '',
    after: 'connection was reset',
  });
});

test('a very long line is cut around the hit, and the hit is kept whole', () => {
  const text = `${'x'.repeat(5000)}FATAL ERROR: heap out of memory${'y'.repeat(5000)}`;
  const start = 5000;
  const end = start + 'FATAL ERROR: heap out of memory'.length;
  const shown = highlightLine({ index: 0, text, start, end });
  assert.equal(shown.hit, 'FATAL ERROR: heap out of memory');
  assert.ok(shown.before.startsWith('…') && shown.after.endsWith('…'));
  assert.ok(shown.before.length + shown.hit.length + shown.after.length <= 250);
});

test('links go to the record page and its workarounds in the page language', () => {
  assert.deepEqual(resultLinks({ id: 'grpc/x' }, 'zh'), { page: '/zh/grpc/x/', workarounds: '/zh/grpc/x/#workarounds', others: [{ locale: 'en', href: '/grpc/x/', lang: 'en' }] });
  assert.deepEqual(resultLinks({ id: 'grpc/x' }, 'en').others, [{ locale: 'zh', href: '/zh/grpc/x/', lang: 'zh-CN' }]);
});

test('the key error line of an unmatched log is offered as a search', () => {
  const log = ['2026-11-20T10:00:00Z INFO starting worker', '2026-11-20T10:00:01Z ERROR frobnicator exploded: quantum flux too high', '2026-11-20T10:00:02Z INFO shutting down'].join('\n');
  assert.match(keyErrorLine(log) ?? '', /frobnicator exploded: quantum flux too high/);
  assert.equal(keyErrorLine('   \n  '), null);
  assert.equal(searchLink('a b&c', 'en'), '/search/?q=a%20b%26c');
});
