/**
 * Editors print TypeScript's diagnostic code as `ts(2322)` (VS Code's hover and problems panel);
 * records hold it as the compiler prints it, `TS2322`. The editor's form also gives the code's word.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherOf, ranking } from './fixture.ts';
import { tokenize, tokenizeLine } from '../../../src/lib/matcher/tokens.ts';

test("an editor's ts(NNNN) is also the code TSNNNN, in paste lines and in records", () => {
  const line = "'order.shipping' is possibly 'undefined'. ts(18048) [Ln 42, Col 12]";
  assert.ok(tokenizeLine(line).includes('ts18048'));
  assert.ok(tokenize(line).includes('ts18048'));
  assert.ok(tokenizeLine('Type mismatch. Ts(2322)').includes('ts2322'));
  // Only that shape: a function call with a number is not a code.
  assert.ok(!tokenizeLine('parseInt(2322)').some((t) => t.includes('2322')));
  assert.ok(!tokenizeLine('counts(2322)').some((t) => t.includes('2322')));
});

test('a problems-panel line finds the record of its code', async () => {
  const base = { domain: 'typescript', category: 'build_error', regex: null, resolvable: 'true', fix_success_rate: 0.8, aliases: [] } as const;
  const matcher = await matcherOf([
    { ...base, id: 'typescript/ts18048', signature: "error TS18048: '<name>' is possibly 'undefined'." },
    { ...base, id: 'typescript/ts2532', signature: "error TS2532: Object is possibly 'undefined'." },
    { ...base, id: 'typescript/ts18047', signature: "error TS18047: '<name>' is possibly 'null'." },
  ]);
  const ranked = matcher.match("src/api/orders.ts\n  ⊗ 'order.shipping' is possibly 'undefined'. ts(18048) [Ln 42, Col 12]");
  assert.equal(ranked[0]?.id, 'typescript/ts18048', ranking(ranked));
});
