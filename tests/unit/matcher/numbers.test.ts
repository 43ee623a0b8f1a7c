/**
 * Two records whose wording differs only by a number tie on words (numbers are not words); the
 * number the paste shows decides (numbers.ts, preferNamedNumber).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indexOf, matcherOf, ranking } from './fixture.ts';
import { recordNumbers } from '../../../src/lib/matcher/numbers.ts';

const base = { domain: 'react', category: 'runtime_error', regex: null, resolvable: 'true', fix_success_rate: 0.8 } as const;
const minified = (n: number) => `Minified React error #${n}; visit https://react.dev/errors/${n} for the full message or use the non-minified dev environment for full errors and additional helpful warnings.`;
const records = [
  { ...base, id: 'react/invalid-hook-call', signature: 'Invalid hook call. Hooks can only be called inside of the body of a function component.', aliases: [minified(321)] },
  { ...base, id: 'react/too-many-re-renders', signature: 'Too many re-renders. React limits the number of renders to prevent an infinite loop.', aliases: [minified(301)] },
];

test('the number the paste shows decides between records tied on words', async () => {
  const matcher = await matcherOf(records);
  for (const [n, id] of [[301, 'react/too-many-re-renders'], [321, 'react/invalid-hook-call']] as const) {
    const paste = `Uncaught Error: ${minified(n)}\n    at Ki (main.4f9c2a1b.js:2:61873)`;
    const ranked = matcher.match(paste);
    assert.equal(ranked[0]?.id, id, `#${n}: ${ranking(ranked)}`);
  }
});

test("a record's numbers: three digits or more, not versions, decimals or identifiers", () => {
  const numbersOf = recordNumbers(indexOf([{ ...base, id: 'x/y', signature: 'ERROR 1146 (42S02) at line 3: v1.2.3 took 5.002s, exit code 137, #321; id abc1234', aliases: ['port 5672'] }]));
  assert.deepEqual([...numbersOf(0)].sort(), ['1146', '137', '321', '5672']);
});
