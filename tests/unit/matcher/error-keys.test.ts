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

test("under an error key, the error's name or code is a line of its own; elsewhere type and name are not", () => {
  const texts = (json: object) => normalizePaste(JSON.stringify(json)).map((l) => l.text);
  const elastic = { error: { root_cause: [{ type: 'index_not_found_exception', reason: 'no such index [orders]' }], type: 'index_not_found_exception', reason: 'no such index [orders]' }, status: 404 };
  assert.ok(texts(elastic).includes('index_not_found_exception'), texts(elastic).join(' | '));
  const openai = { error: { message: 'This model maximum context length is 8192 tokens.', type: 'invalid_request_error', code: 'context_length_exceeded' } };
  assert.ok(texts(openai).includes('context_length_exceeded'));
  assert.ok(texts(openai).includes('invalid_request_error'));
  // A sentence or a number is not a name; a record's own `type` is not an error's.
  assert.ok(!texts({ error: { message: 'disk full', code: 28, name: 'a name with spaces' } }).some((t) => t === 'a name with spaces' || t === '28'));
  assert.ok(!texts({ msg: 'request done', type: 'access_log', name: 'api' }).includes('access_log'));
});
