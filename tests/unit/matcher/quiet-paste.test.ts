/**
 * A paste with no error sign is compared by wording on its first and last lines (paste.ts,
 * headAndTail): a log runs in time order, and its outcome comes last.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';
import { normalizePaste } from '../../../src/lib/matcher/normalize.ts';
import { readPaste } from '../../../src/lib/matcher/paste.ts';
import { SIMILARITY_LINES } from '../../../src/lib/matcher/tuning.ts';

// A verbose HTTP client's trace: thirty lines of connection and headers, then the body.
const PASTE = [
  '$ curl -v https://shop.internal/api/health',
  ...Array.from({ length: 30 }, (_, k) => `* header line ${String.fromCharCode(97 + (k % 26))}${k}: value`),
  'upstream pool drained',
].join('\n');

test('without an error sign, the first and the last lines are the similarity lines', () => {
  const lines = normalizePaste(PASTE);
  assert.ok(lines.every((l) => l.err === 0) && lines.length > SIMILARITY_LINES);
  const texts = readPaste(lines).simLines.map((l) => l.text);
  assert.equal(texts.length, SIMILARITY_LINES);
  assert.equal(texts[0], lines[0]!.text, 'the command stays');
  assert.equal(texts.at(-1), 'upstream pool drained');
  // Short pastes keep every line.
  assert.equal(readPaste(normalizePaste('a quiet line\nanother quiet line')).simLines.length, 2);
});

test('the record worded like the last line of a long quiet paste is answered', async () => {
  const records: MatcherRecordInput[] = [
    { resolvable: 'true', fix_success_rate: 0.8, regex: null, id: 'proxy/upstream-pool-drained', signature: 'upstream pool drained' },
    { resolvable: 'true', fix_success_rate: 0.8, regex: null, id: 'http/header-too-large', signature: 'request header field too large' },
  ];
  const matcher = await loadMatcher(buildMatcherIndex(records));
  assert.equal(matcher.match(PASTE)[0]?.id, 'proxy/upstream-pool-drained', JSON.stringify(matcher.match(PASTE, { explain: true }).map((r) => [r.id, r.score])));
});
