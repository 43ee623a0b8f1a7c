/**
 * Pastes are matched with their full-width punctuation folded to ASCII (normalize.ts,
 * foldFullWidthForms and foldQuotes); a record's pattern written with the punctuation Chinese-locale
 * tools print is folded the same way when the index is built (foldFullWidthPattern), or it could
 * never match.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherOf, ranking } from './fixture.ts';
import { foldFullWidthPattern } from '../../../src/lib/matcher/full-width.ts';

const base = { category: 'permission_error', resolvable: 'true', fix_success_rate: 0.8, aliases: [] } as const;
const records = [
  { ...base, domain: 'powershell', id: 'powershell/access-to-path-denied', signature: "Access to the path '<path>' is denied.", regex: "Access to the path '[^'\\n]{0,400}' is denied|对路径“[^”\\n]{0,400}”的访问被拒绝" },
  { ...base, domain: 'git', id: 'git/merge-conflict', signature: 'CONFLICT (content): Merge conflict in <file>', regex: 'CONFLICT \\(content\\)|冲突（内容）：合并冲突' },
  { ...base, domain: 'linux', id: 'linux/other', signature: 'an unrelated failure of the scheduler', regex: 'unrelated failure of the scheduler' },
];

test('a pattern with Chinese quotes and parentheses matches the paste as Chinese Windows and git print it', async () => {
  const matcher = await matcherOf(records);
  const denied = matcher.match('Remove-Item : 对路径“D:\\deploy\\OaWeb\\bin\\OaWeb.dll”的访问被拒绝。');
  assert.equal(denied[0]?.id, 'powershell/access-to-path-denied', ranking(denied));
  assert.equal(denied[0]?.evidence, 'regex', ranking(denied));
  const conflict = matcher.match('自动合并 src/app.ts\n冲突（内容）：合并冲突于 src/app.ts');
  assert.equal(conflict[0]?.id, 'git/merge-conflict', ranking(conflict));
  assert.equal(conflict[0]?.evidence, 'regex', ranking(conflict));
});

test('a folded twin that means something in a pattern stays a literal character', () => {
  assert.equal(foldFullWidthPattern('冲突（内容）。'), '冲突\\x28内容\\x29\\x2e');
  assert.equal(foldFullWidthPattern('对路径“[^”\\n]{0,40}”'), '对路径"[^"\\n]{0,40}"');
  assert.equal(foldFullWidthPattern('plain ascii (x)'), 'plain ascii (x)');
  // An escaped full-width character is a literal one; an escaped backslash before one stays.
  assert.equal(foldFullWidthPattern('a\\（b'), 'a\\x28b');
  assert.equal(foldFullWidthPattern('a\\\\（b'), 'a\\\\\\x28b');
  assert.ok(new RegExp(foldFullWidthPattern('错误\\（1\\）')).test('错误(1)'));
  assert.ok(new RegExp(foldFullWidthPattern('[a－z]'), 'u').test('-'));
  assert.ok(!new RegExp(foldFullWidthPattern('[a－z]'), 'u').test('m'));
});
