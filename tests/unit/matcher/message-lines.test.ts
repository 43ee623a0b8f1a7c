/**
 * The rest of an error's message on lines without an error sign (paste.ts): a tool prints a header
 * line that looks like an error, then the message itself in plain words. Those lines are compared
 * by wording too, so a record found by its wording alone is found on them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import { normalizePaste } from '../../../src/lib/matcher/normalize.ts';
import { readPaste } from '../../../src/lib/matcher/paste.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';

const base = { resolvable: 'true', fix_success_rate: 0.8, regex: null } as const;
const records: MatcherRecordInput[] = [
  { ...base, id: 'flutter/null-check-operator', signature: 'Null check operator used on a null value' },
  { ...base, id: 'flutter/setstate-after-dispose', signature: 'setState() called after dispose()' },
  { ...base, id: 'flutter/renderflex-overflow', signature: 'A RenderFlex overflowed by <n> pixels on the right.' },
];

const PASTE = [
  '══╡ EXCEPTION CAUGHT BY WIDGETS LIBRARY ╞══════════════════════════════════',
  'The following _TypeError was thrown building ProfileHeader(dirty, dependencies:',
  '[_InheritedProviderScope<UserModel?>]):',
  'Null check operator used on a null value',
  '',
  'The relevant error-causing widget was:',
  '  ProfileHeader',
  'When the exception was thrown, this was the stack:',
  '#0      ProfileHeader.build (package:rider_app/widgets/profile_header.dart:23:38)',
  '#1      StatelessElement.build (package:flutter/src/widgets/framework.dart:5550:49)',
].join('\n');

test('lines without an error sign right after an error line are compared by wording', () => {
  const paste = readPaste(normalizePaste(PASTE));
  const after = paste.lines[1]!;
  assert.match(after.text, /^The following _TypeError/);
  assert.equal(after.err, 0, 'the line after the header shows no error sign');
  assert.ok(paste.simLines.includes(after), 'it is compared by wording, with the lines after it');
  assert.equal(paste.isBlockStart[after.index], 0, 'it starts no pattern block');
});

test('a record found by its wording alone is found on the line after the error header', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  assert.equal(matcher.match(PASTE)[0]?.id, 'flutter/null-check-operator');
});
