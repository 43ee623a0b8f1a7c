/**
 * Candidates are found by the paste's rarer words (similarity.ts): a word a dozen records share says
 * little. A signature of only such words (`Error: Cannot find module '<module>'` among other
 * missing-module errors) would never be a candidate, so a line that holds it whole makes it one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indexOf, matcherOf, ranking } from './fixture.ts';
import { buildVocabulary } from '../../../src/lib/matcher/vocabulary.ts';

const base = { category: 'build_error', regex: null, resolvable: 'true', fix_success_rate: 0.7, aliases: [] } as const;
// Twelve records share `error`, `cannot`, `find` and `module`, each with a word of its own.
const tools = ['webpack', 'vite', 'jest', 'tsc', 'rollup', 'esbuild', 'babel', 'parcel', 'mocha', 'deno', 'bun', 'eslint'];
const others = tools.map((tool) => ({ ...base, domain: tool, id: `${tool}/missing`, signature: `${tool} error: cannot find module <name> (${tool}rc)` }));
const plain = { ...base, domain: 'node', id: 'node/cannot-find-module', signature: "Error: Cannot find module '<module>'" };
const short = { ...base, domain: 'node', id: 'node/short', signature: 'Cannot find' };

test('a signature of only common words is listed, a two-word one is not', () => {
  const index = indexOf([...others, plain, short]);
  const vocabulary = buildVocabulary(index);
  const listed = vocabulary.commonWorded().map((r) => index.rec[r]![0]);
  assert.deepEqual(listed, ['node/cannot-find-module']);
});

test('a line holding such a signature whole finds its record', async () => {
  const matcher = await matcherOf([...others, plain]);
  const ranked = matcher.match("Error: Cannot find module 'express'");
  assert.equal(ranked[0]?.id, 'node/cannot-find-module', ranking(ranked));
  // Its words spread over unrelated lines are not the message.
  const spread = matcher.match('Error: upload failed\nCannot open file\nfind: module.tar: No such file');
  assert.ok(!spread.some((r) => r.id === 'node/cannot-find-module'), ranking(spread));
});
