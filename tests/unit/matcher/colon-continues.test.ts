/**
 * A line that ends with a colon announces what follows ("The following build commands failed:"):
 * an indented line under it continues its block even without an error sign (paste.ts); an
 * unindented one does not (tests/unit/matcher/blocks.test.ts). And fastlane's
 * `[09:41:33]: ▸ ` is a prefix, not the message (normalize.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherOf, ranking } from './fixture.ts';
import { normalizePaste } from '../../../src/lib/matcher/normalize.ts';

test("fastlane's time and xcpretty's marker are prefixes", () => {
  assert.deepEqual(normalizePaste('[14:02:51]: ▸ Compiling PaymentsView.swift').map((l) => l.text), ['Compiling PaymentsView.swift']);
});

test('an indented line under a line ending with a colon continues its block', async () => {
  const records = [
    {
      id: 'xcode/phase-script-failed',
      domain: 'xcode',
      category: 'build_error',
      resolvable: 'true',
      fix_success_rate: 0.7,
      aliases: [],
      signature: 'Command PhaseScriptExecution failed with a nonzero exit code',
      regex: 'Command PhaseScriptExecution failed with a nonzero exit code|The following build commands failed:\\s+PhaseScriptExecution',
    },
  ];
  const matcher = await matcherOf(records);
  const paste = [
    '[14:02:49]: ▸ Running script \'[CP] Embed Pods Frameworks\'',
    "[14:02:51]: ▸ rsync error: some files could not be transferred (code 23) at main.c(1337) [sender=3.2.7]",
    '[14:02:51]: ▸ ** BUILD FAILED **',
    '[14:02:51]: ▸ The following build commands failed:',
    "[14:02:51]: ▸ \tPhaseScriptExecution [CP]\\ Embed\\ Pods\\ Frameworks /Users/runner/Library/Developer/Xcode/DerivedData/Pay-abc/Build/Intermediates.noindex/Pay.build/Release-iphoneos/Pay.build/Script-1A2B.sh (in target 'Pay' from project 'Pay')",
    '[14:02:51]: ▸ (1 failure)',
  ].join('\n');
  const ranked = matcher.match(paste);
  assert.equal(ranked[0]?.id, 'xcode/phase-script-failed', ranking(ranked));
  assert.equal(ranked[0]?.evidence, 'regex');
});
