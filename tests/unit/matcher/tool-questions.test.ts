/**
 * A tool's message that ends in a question of its own (`… Did you forget to run actions/checkout
 * …?`) does not make a log a person's question (paste.ts, asksQuestion): prose is answered on less
 * evidence (ABSTAIN_BELOW_PROSE).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizePaste } from '../../../src/lib/matcher/normalize.ts';
import { readPaste } from '../../../src/lib/matcher/paste.ts';

const prose = (text: string) => readPaste(normalizePaste(text)).prose;

test("a tool's question after its error is no person's question", () => {
  const log = [
    '2024-06-12T10:21:07.4410923Z ##[group]Run ./.github/actions/setup-toolchain',
    '2024-06-12T10:21:07.4411502Z with:',
    '2024-06-12T10:21:07.4411810Z   rust: stable',
    '2024-06-12T10:21:07.4412107Z ##[endgroup]',
    "2024-06-12T10:21:07.4489260Z ##[error]Can't find 'action.yml', 'action.yaml' or 'Dockerfile' under '/home/runner/work/web/web/.github/actions/setup-toolchain'. Did you forget to run actions/checkout before running your local action?",
  ].join('\n');
  assert.equal(prose(log), false);
});

test('a person asking about an error is prose, wherever the error sign is', () => {
  assert.equal(prose("I keep getting permission denied when the deploy script runs from cron but it works from my shell. Why is access denied only there?"), true);
  assert.equal(prose("Our marketing bot wrote a launch post for Zagreb and our partner there says we can't publish it. What exactly is wrong with it?"), true);
  assert.equal(prose('Since the upgrade the nightly export takes twice as long and sometimes stops halfway. Is there a setting that changed between the two versions?'), true);
});
