import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localeOfMissingPath, rankSuggestions, wordsOfMissingPath } from '../../../src/lib/present/not-found.ts';

test('the words of a missing address, without language prefix, noise or repeats', () => {
  assert.deepEqual(wordsOfMissingPath('/zh/grpc/grpc-conection-reset/'), ['grpc', 'conection', 'reset']);
  assert.deepEqual(wordsOfMissingPath('/docker/no%20space-left/index.html'), ['docker', 'no', 'space', 'left']);
  assert.deepEqual(wordsOfMissingPath('/errors/x/', '/errors/'), []);
  assert.deepEqual(wordsOfMissingPath('/%E0%A4%A/bad-escape'), ['e0', 'a4', 'bad', 'escape']);
});

test('the language of a missing address', () => {
  assert.equal(localeOfMissingPath('/zh/grpc/x/'), 'zh');
  assert.equal(localeOfMissingPath('/grpc/x/'), 'en');
  assert.equal(localeOfMissingPath('/errors/zh/grpc/', '/errors/'), 'zh');
});

test('suggestions sharing more words come first, then by search rank', () => {
  const ranked = rankSuggestions([
    [{ url: '/a/', title: 'A' }, { url: '/b/', title: 'B' }],
    [{ url: '/c/', title: 'C' }, { url: '/b/', title: 'B' }],
    [{ url: '/b/', title: 'B' }],
  ]);
  assert.deepEqual(ranked.map((item) => [item.url, item.shared]), [['/b/', 3], ['/a/', 1], ['/c/', 1]]);
  assert.equal(rankSuggestions([[...'abcdefgh'].map((x) => ({ url: `/${x}/`, title: x }))], 3).length, 3);
});
