/**
 * A pattern hit that starts on a directory of a path (`internal/…`, `/home/ubuntu/…`) counts like one
 * inside a word (engines.ts, startsOnDirectory): a directory's name is not the word a pattern names.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';
import { startsOnDirectory } from '../../../src/lib/matcher/engines.ts';

test('a word followed by a path separator is a directory, unless the pattern spells a path', () => {
  assert.equal(startsOnDirectory('internal/discount/tiered.go:47:9: invalid operation', 0, 'INTERNAL.*error'), true);
  assert.equal(startsOnDirectory('file not found: /home/ubuntu/ws/config.yaml', 22, 'ubuntu'), true);
  assert.equal(startsOnDirectory('C:\\build\\out.log: error', 3, 'build'), true);
  // The file name at the end of a path, and a word in a sentence, are what they say.
  assert.equal(startsOnDirectory('open /srv/app/go.mod: no such file', 14, 'go\\.mod'), false);
  assert.equal(startsOnDirectory('INTERNAL: stream error', 0, 'INTERNAL.*error'), false);
  // The pattern names the directory itself.
  assert.equal(startsOnDirectory('node_modules/.bin/tsc: not found', 0, 'node_modules/\\.bin'), false);
});

const base = { resolvable: 'true', fix_success_rate: 0.8 } as const;
const records: MatcherRecordInput[] = [
  { ...base, id: 'grpc/internal-error', signature: 'rpc error: code = Internal desc = stream terminated by RST_STREAM', regex: 'INTERNAL.*error' },
  { ...base, id: 'go/unused-import', signature: '"<pkg>" imported and not used', regex: 'imported and not used' },
];

test('a Go compiler error in a package under internal/ is not gRPC INTERNAL', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const paste = ['# github.com/acme/pricing/internal/discount', 'internal/discount/tiered.go:47:9: invalid operation: total > limit (mismatched types float64 and int)', 'Error: Process completed with exit code 1.'].join('\n');
  assert.deepEqual(matcher.match(paste).map((r) => r.id), []);
  const [top] = matcher.match('rpc error: code = Internal desc = stream terminated: INTERNAL: stream error');
  assert.equal(top?.id, 'grpc/internal-error');
});
