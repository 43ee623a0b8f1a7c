/**
 * A line that is nothing but a prefix (a CI runner's timestamp on an empty line, `##[endgroup]`) is
 * an empty line (normalize.ts, `onlyNoise`): it must not stand between the lines of one message.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';
import { normalizePaste } from '../../../src/lib/matcher/normalize.ts';

const LOG = [
  '2026-11-12T15:02:44.8810177Z Resolving dependencies...',
  '2026-11-12T15:02:45.9912003Z Could not find compatible versions',
  '2026-11-12T15:02:45.9912884Z ',
  '2026-11-12T15:02:45.9913301Z Because every version of sidekiq depends on Ruby >= 3.1.0',
  '2026-11-12T15:02:46.0510332Z ##[endgroup]',
].join('\n');

test('a timestamp or an annotation alone is an empty line', () => {
  assert.deepEqual(normalizePaste(LOG).map((line) => line.text), [
    'Resolving dependencies...',
    'Could not find compatible versions',
    'Because every version of sidekiq depends on Ruby >= 3.1.0',
  ]);
  // A prefix before a message is still only a prefix.
  assert.deepEqual(normalizePaste('2026-11-12T15:02:45Z ##[error]Process completed with exit code 1.').map((line) => line.text), ['Process completed with exit code 1.']);
});

test('a message printed over lines with an empty timestamped line between is one message', async () => {
  const records: MatcherRecordInput[] = [
    { id: 'postgres/server-refused', signature: 'could not connect to server: Connection refused', regex: 'could not connect to server:\\s+Connection refused', resolvable: 'true', fix_success_rate: 0.8 },
  ];
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const log = [
    '2026-11-12T15:02:44.1Z Run psql -h db -c "select 1"',
    '2026-11-12T15:02:45.2Z psql: error: could not connect to server:',
    '2026-11-12T15:02:45.3Z ',
    '2026-11-12T15:02:45.4Z Connection refused (0x0000274D/10061)',
    '2026-11-12T15:02:45.5Z ##[error]Process completed with exit code 2.',
  ].join('\n');
  const bare = log.split('\n').map((line) => line.slice(23)).join('\n');
  const [first] = matcher.match(log);
  assert.equal(first?.id, 'postgres/server-refused');
  assert.equal(first?.evidence, 'regex');
  assert.deepEqual(matcher.match(log).map((r) => [r.id, r.score]), matcher.match(bare).map((r) => [r.id, r.score]));
});
