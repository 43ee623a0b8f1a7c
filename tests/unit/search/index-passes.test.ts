import { test } from 'node:test';
import assert from 'node:assert/strict';
import { languagePasses } from '../../../src/lib/search/index-passes.ts';

const dir = (name: string) => ({ name, isDirectory: true });
const file = (name: string) => ({ name, isDirectory: false });

test('one pass per language prefix, then the default language: every other folder and top-level page', () => {
  const entries = [dir('zh'), dir('grpc'), file('index.html'), file('_headers'), dir('pagefind'), dir('pagefind-sorted'), dir('_astro'), file('404.html')];
  assert.deepEqual(languagePasses(entries, ['zh'], ['pagefind', 'pagefind-sorted']), [
    { prefix: 'zh', glob: 'zh/**/*.html' },
    { prefix: '', glob: '{404.html,_astro/**/*.html,grpc/**/*.html,index.html}' },
  ]);
});

test('a lone entry needs no braces; a missing language folder or default language has no pass', () => {
  assert.deepEqual(languagePasses([dir('grpc')], ['zh']), [{ prefix: '', glob: 'grpc/**/*.html' }]);
  assert.deepEqual(languagePasses([dir('zh'), file('robots.txt')], ['zh']), [{ prefix: 'zh', glob: 'zh/**/*.html' }]);
  assert.deepEqual(languagePasses([], ['zh']), []);
});

test('a name a glob would read as a pattern means one pass (null)', () => {
  for (const name of ['a,b', '{x}', 'a*', 'q?', '[ab]', 'with space', '!not']) {
    assert.equal(languagePasses([dir('zh'), dir(name)], ['zh']), null, name);
  }
  // A name of a skipped folder does not count.
  assert.notEqual(languagePasses([dir('zh'), dir('a,b')], ['zh'], ['a,b']), null);
});
