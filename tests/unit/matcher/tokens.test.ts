import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from '../../../src/lib/matcher/tokens.ts';

test('tokenize keeps the fixed words and drops placeholders, numbers, hex ids, stopwords and single letters', () => {
  assert.deepEqual(tokenize("No module named 'requests' at <path> in {file}: errno 13, id 0x1f, sha 3fa9c2d1e"), [
    'module', 'named', 'requests', 'errno', 'id', 'sha',
  ]);
  assert.deepEqual(tokenize("No module named 'requests'", true), ['module', 'named']);
  assert.deepEqual(tokenize('E_FOO_BAR x-y a1 Ü'), ['e_foo_bar', 'a1', 'ü']);
});

test('ASCII text is split exactly as the Unicode word pattern splits it', () => {
  // A non-ASCII word at the end sends the text down the Unicode path; the ASCII words before it must
  // come out the same either way.
  const samples = [
    'java.lang.IllegalStateException: Failed to load ApplicationContext',
    'npm ERR! code ERESOLVE   npm ERR! ERESOLVE unable to resolve dependency tree',
    '__init__.py:12: DeprecationWarning: pkg_resources is deprecated; v2 a b',
    'Error: connect ECONNREFUSED 127.0.0.1:5432 (after 3000ms) deadbeef 0xFF K8S',
    "fatal: [web01]: UNREACHABLE! => {\"changed\": false, \"msg\": \"ssh: Could not resolve hostname\"}",
  ];
  for (const text of samples) {
    const unicode = tokenize(`${text} é日本`);
    assert.equal(unicode.at(-1), 'é日本', text);
    assert.deepEqual(tokenize(text), unicode.slice(0, -1), text);
  }
});

test('letters that lower-case to ASCII (the Kelvin sign) are words on both paths', () => {
  assert.deepEqual(tokenize('\u212Aelvin error'), ['kelvin', 'error']);
});
