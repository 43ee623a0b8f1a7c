import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engineTerm, preloadText, withoutStrayLetter } from '../../../src/lib/search/terms.ts';

test('a last word of one letter or digit is left out of the search, unless nothing else is left', () => {
  assert.equal(withoutStrayLetter('autoscaler p'), 'autoscaler');
  assert.equal(withoutStrayLetter('exit code 1 '), 'exit code');
  assert.equal(withoutStrayLetter('autoscaler pu'), 'autoscaler pu');
  assert.equal(withoutStrayLetter('p'), 'p');
  assert.equal(withoutStrayLetter('exit code 137'), 'exit code 137');
  assert.equal(withoutStrayLetter('grpc 连'), 'grpc 连');
  assert.equal(withoutStrayLetter(''), '');
  assert.equal(withoutStrayLetter(null), null);
});

test('preloading waits for three letters of the word being typed; Chinese is kept', () => {
  assert.equal(preloadText('autoscaler pu'), 'autoscaler');
  assert.equal(preloadText('autoscaler pub'), 'autoscaler pub');
  assert.equal(preloadText('E0'), '');
  assert.equal(preloadText('  connection   reset '), 'connection reset');
  assert.equal(preloadText('grpc 连接'), 'grpc 连接');
  assert.equal(preloadText('退出码 1'), '退出码');
});

test('one letter or digit alone is searched as that word, not as the prefix of every word', () => {
  assert.equal(engineTerm('r'), '"r"');
  assert.equal(engineTerm(' C '), '"C"');
  assert.equal(engineTerm('7'), '"7"');
  assert.equal(engineTerm('re'), 're');
  assert.equal(engineTerm('autoscaler p'), 'autoscaler');
  assert.equal(engineTerm('连'), '连');
  assert.equal(engineTerm(''), '');
  assert.equal(engineTerm(null), null);
});
