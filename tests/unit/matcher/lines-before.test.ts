/**
 * Lines without an error sign right before an error line are compared by wording while there is
 * room (paste.ts, LINES_BEFORE_ERROR): a CI job's closing error follows what the command printed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';
import { normalizePaste } from '../../../src/lib/matcher/normalize.ts';
import { readPaste } from '../../../src/lib/matcher/paste.ts';

const PASTE = [
  '$ ssh-add ~/.ssh/id_ed25519',
  '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
  '@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @',
  '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
  "Permissions 0644 for '/root/.ssh/id_ed25519' are too open.",
  'This private key will be ignored.',
  'Cleaning up project directory and file based variables',
  'ERROR: Job failed: command terminated with exit code 1',
].join('\n');

test('the lines before an error line are among the similarity lines, nearest first', () => {
  const texts = readPaste(normalizePaste(PASTE)).simLines.map((l) => l.text);
  assert.equal(texts[0], 'ERROR: Job failed: command terminated with exit code 1');
  assert.ok(texts.includes("Permissions 0644 for '/root/.ssh/id_ed25519' are too open."), texts.join(' | '));
  assert.ok(texts.includes('Cleaning up project directory and file based variables'), texts.join(' | '));
  // Nearest first.
  const plain = readPaste(normalizePaste(['Uploading artifacts to coordinator', 'Cleaning up project directory and file based variables', 'ERROR: Job failed: exit code 1'].join('\n'))).simLines.map((l) => l.text);
  assert.deepEqual(plain, ['ERROR: Job failed: exit code 1', 'Cleaning up project directory and file based variables', 'Uploading artifacts to coordinator']);
});

const base = { resolvable: 'true', fix_success_rate: 0.8, regex: null } as const;
const records: MatcherRecordInput[] = [
  { ...base, id: 'ssh/unprotected-private-key-file', signature: 'WARNING: UNPROTECTED PRIVATE KEY FILE!', aliases: ["Permissions 0644 for '/home/dev/.ssh/id_ed25519' are too open."] },
  { ...base, id: 'gitlab-ci/no-matching-files', signature: 'WARNING: <path>: no matching files. Ensure that the artifact path is relative to the working directory' },
  { ...base, id: 'ssh/host-key-verification-failed', signature: 'Host key verification failed.' },
];

test('the record worded like the output before a CI failure is answered', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const results = matcher.match(PASTE);
  assert.equal(results[0]?.id, 'ssh/unprotected-private-key-file', JSON.stringify(results.map((r) => [r.id, r.score])));
});
