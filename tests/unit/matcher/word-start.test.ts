/**
 * A pattern's leftmost match may start inside a word or on a path's directory while a later match on
 * the same line starts on a word of its own (engines.ts, execAtWord): the later one is the hit.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';
import { execAtWord, v8Engine } from '../../../src/lib/matcher/engines.ts';

const curl = 'curl: (35) OpenSSL/3.0.13: error:0A000410:SSL routines::sslv3 alert handshake failure';

test('a later match that starts on a word is preferred to one inside a word or a path', () => {
  const source = 'SSL.*handshake.*fail';
  const m = execAtWord(v8Engine(source, 'i'), curl, source);
  assert.equal(curl.slice(m!.start, m!.start + 12), 'SSL routines');
  // Inside a word with no later match: the leftmost match is kept.
  const alone = execAtWord(v8Engine('SSL', 'i'), 'OpenSSL 3.0.13 built', 'SSL');
  assert.deepEqual(alone, { start: 4, end: 7 });
  // A match starting on a word is returned as it is.
  assert.deepEqual(execAtWord(v8Engine('handshake', 'i'), curl, 'handshake'), { start: curl.indexOf('handshake'), end: curl.indexOf('handshake') + 9 });
});

test('curl naming OpenSSL before the SSL error is a handshake failure, not a miss', async () => {
  const base = { resolvable: 'true', fix_success_rate: 0.8 } as const;
  const records: MatcherRecordInput[] = [
    { ...base, id: 'networking/ssl-protocol-error', signature: 'SSL: handshake failure / protocol error', regex: 'SSL.*handshake.*fail|ssl.*protocol.*error' },
    { ...base, id: 'networking/connection-refused', signature: 'Connection refused', regex: 'Connection refused' },
  ];
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const [first] = matcher.match(curl);
  assert.equal(first?.id, 'networking/ssl-protocol-error');
  assert.equal(first?.lines[0]?.start, curl.indexOf('SSL routines'));
});
