/**
 * A line that is only a field and an upper-case constant (`"status": "PERMISSION_DENIED",` in a
 * printed API error) names a class of errors: a record found by its wording on that line alone
 * scores STATUS_FIELD_ONLY of what it would (scoring.ts). The message beside it decides.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherOf, ranking } from './fixture.ts';
import { STATUS_FIELD_ONLY } from '../../../src/lib/matcher/tuning.ts';

const base = { category: 'permission_error', regex: null, resolvable: 'true', fix_success_rate: 0.7 } as const;
const records = [
  // (A pattern, as shipped records have: a record without one is also read by its whole wording.)
  { ...base, domain: 'linux', id: 'linux/permission-denied', signature: 'bash: ./<script>: Permission denied', regex: 'sh: [^:\\n]+: Permission denied', aliases: ['make: ./<script>: Permission denied'] },
  { ...base, domain: 'go', id: 'go/undefined', signature: 'main.go:12:5: undefined: <name>', aliases: [] },
];

const apiError = (status: string) =>
  ['{', '  "error": {', '    "code": 403,', '    "message": "Cloud Run Admin API has not been used in project 318 before or it is disabled.",', `    "status": "${status}",`, '    "details": []', '  }', '}'].join('\n');

test('a status constant alone does not answer for a record whose wording it spells', async () => {
  const matcher = await matcherOf(records);
  const explained = matcher.match(apiError('PERMISSION_DENIED'), { explain: true }).find((r) => r.id === 'linux/permission-denied');
  assert.ok(explained, 'the record is still a candidate');
  assert.equal(explained.why?.statusOnly, STATUS_FIELD_ONLY, ranking(matcher.match(apiError('PERMISSION_DENIED'), { explain: true })));
  assert.deepEqual(matcher.match(apiError('PERMISSION_DENIED')).map((r) => r.id), []);
});

test('the same words as a message are not a status field', async () => {
  const matcher = await matcherOf(records);
  const message = apiError('PERMISSION_DENIED').replace('"status": "PERMISSION_DENIED"', '"status": "Permission denied"');
  const explained = matcher.match(message, { explain: true }).find((r) => r.id === 'linux/permission-denied');
  assert.equal(explained?.why?.statusOnly, undefined);
});
