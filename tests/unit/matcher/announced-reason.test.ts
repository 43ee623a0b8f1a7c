/**
 * A line ending with a colon announces its reason (announced-reason.ts): a record found by wording
 * alone there, whose deciding word is neither on that line nor on the lines after it, scores
 * REASON_MISSING of what it would. Maven's goal line above a crashed fork is not the test-failures
 * record's error; with `There are test failures.` under it, it is.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherOf, ranking } from './fixture.ts';
import { REASON_MISSING } from '../../../src/lib/matcher/tuning.ts';

const base = { category: 'build_error', resolvable: 'true', fix_success_rate: 0.7 } as const;
const records = [
  {
    ...base,
    domain: 'maven',
    id: 'maven/there-are-test-failures',
    signature: 'Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:<version>:test (default-test) on project <project>: There are test failures.',
    regex: 'There are test failures',
    aliases: [],
  },
  { ...base, domain: 'go', id: 'go/undefined', signature: 'main.go:12:5: undefined: <name>', regex: 'undefined: \\w+', aliases: [] },
];

const goal = '[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test (default-test) on project payments-service:';
const crashedFork = [goal, '[ERROR] ', '[ERROR] Please refer to /builds/payments/target/surefire-reports for the individual test results.', '[ERROR] The forked VM terminated without properly saying goodbye. VM crash or System.exit called?'].join('\n');

test("a head whose reason is another error's does not answer for the record of one reason", async () => {
  const matcher = await matcherOf(records);
  const explained = matcher.match(crashedFork, { explain: true }).find((r) => r.id === 'maven/there-are-test-failures');
  assert.equal(explained?.why?.reasonMissing, REASON_MISSING, ranking(matcher.match(crashedFork, { explain: true })));
});

test("the record's reason on a line under the head keeps its full score", async () => {
  // (Without a pattern, so that the record is found by its words on the goal line.)
  const matcher = await matcherOf(records.map((r) => ({ ...r, regex: null })));
  const failures = `${goal}\n[ERROR] \n[ERROR] There are test failures.`;
  const explained = matcher.match(failures, { explain: true }).find((r) => r.id === 'maven/there-are-test-failures');
  assert.ok(explained, ranking(matcher.match(failures, { explain: true })));
  assert.equal(explained.why?.reasonMissing, undefined);
  assert.equal(matcher.match(crashedFork, { explain: true }).find((r) => r.id === 'maven/there-are-test-failures')?.why?.reasonMissing, REASON_MISSING);
  // A line that does not end with a colon is not a head.
  const whole = matcher.match(`${goal} The forked VM terminated without saying goodbye`, { explain: true }).find((r) => r.id === 'maven/there-are-test-failures');
  assert.equal(whole?.why?.reasonMissing, undefined);
});
