/**
 * In a JSON log record, a value under a key that names an error (`error`, `err`, `errMsg`,
 * `error.message`, `exception`) counts as an error line the way a level word would (normalize.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizePaste } from '../../../src/lib/matcher/normalize.ts';

const errOf = (json: object, text: string) => normalizePaste(JSON.stringify(json)).find((l) => l.text === text)?.err ?? -1;

test('a value under an error key is more error-like than the same value under a message key', () => {
  const text = 'The coordinator is not available';
  for (const key of ['error', 'err', 'errMsg', 'exception']) {
    assert.ok(errOf({ [key]: text }, text) > errOf({ msg: text }, text), key);
  }
  assert.ok(errOf({ error: { message: text } }, text) > errOf({ msg: text }, text), 'nested');
});

test('the error key adds to an error level, and message keys do not count as error keys', () => {
  const text = 'The coordinator is not available';
  assert.ok(errOf({ level: 'error', error: text }, text) > errOf({ level: 'error', message: text }, text));
  assert.equal(errOf({ message: text }, text), errOf({ msg: text }, text));
  assert.equal(errOf({ reason: text }, text), errOf({ msg: text }, text));
});
