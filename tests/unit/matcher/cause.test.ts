/**
 * Cause before consequence (docs/matcher.md): when the related-record graph says one error leads to
 * another and the paste shows the cause first, the cause is the answer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';

const base = { resolvable: 'true', fix_success_rate: 0.8 } as const;
const tls: MatcherRecordInput = { ...base, id: 'pip/ssl-verify-failed', signature: 'SSL: CERTIFICATE_VERIFY_FAILED', regex: 'CERTIFICATE_VERIFY_FAILED' };
const noDist: MatcherRecordInput = { ...base, id: 'pip/no-matching-distribution', signature: 'ERROR: No matching distribution found for <package>', regex: 'No matching distribution found for \\S+' };

const PIP_LOG = [
  'Collecting requests==2.32.3',
  "  WARNING: Retrying (Retry(total=0)) after connection broken by 'SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed'))': /simple/requests/",
  'ERROR: Could not find a version that satisfies the requirement requests==2.32.3 (from versions: none)',
  'ERROR: No matching distribution found for requests==2.32.3',
].join('\n');

const graphs: [string, MatcherRecordInput[]][] = [
  ['leads_to on the cause', [{ ...tls, transition_graph: { leads_to: [noDist.id] } }, noDist]],
  ['preceded_by on the consequence', [tls, { ...noDist, transition_graph: { preceded_by: [tls.id] } }]],
];

for (const [name, records] of graphs) {
  test(`the earlier cause ranks above its consequence (${name})`, async () => {
    const matcher = await loadMatcher(buildMatcherIndex(records));
    assert.deepEqual(matcher.match(PIP_LOG).map((result) => result.id), [tls.id, noDist.id]);
  });
}

test('without the graph, or with the consequence printed first, the scores decide', async () => {
  const plain = await loadMatcher(buildMatcherIndex([tls, noDist]));
  const order = plain.match(PIP_LOG).map((result) => result.id);
  assert.equal(order[0], noDist.id, 'the full-line hit outscores the SSL fragment on its own');
  const linked = await loadMatcher(buildMatcherIndex([{ ...tls, transition_graph: { leads_to: [noDist.id] } }, noDist]));
  const reversed = PIP_LOG.split('\n').reverse().join('\n');
  assert.deepEqual(linked.match(reversed).map((result) => result.id), plain.match(reversed).map((result) => result.id));
});

test('two records said to lead to each other keep their scores', async () => {
  const both = await loadMatcher(buildMatcherIndex([{ ...tls, transition_graph: { leads_to: [noDist.id] } }, { ...noDist, transition_graph: { leads_to: [tls.id] } }]));
  assert.equal(both.match(PIP_LOG)[0]?.id, noDist.id);
});

test('a cause shown by a command run after the failure ranks above its consequence', async () => {
  const linked = await loadMatcher(buildMatcherIndex([{ ...tls, transition_graph: { leads_to: [noDist.id] } }, noDist]));
  const failure = ['$ pip install requests==2.32.3', 'ERROR: No matching distribution found for requests==2.32.3'];
  const cause = ["curl: (60) SSL certificate problem: unable to get local issuer certificate [SSL: CERTIFICATE_VERIFY_FAILED]"];
  // Someone ran a diagnostic after the failure: what it shows is the cause.
  const diagnosed = [...failure, '$ curl -sS https://pypi.org/simple/requests/', ...cause].join('\n');
  assert.deepEqual(linked.match(diagnosed).map((result) => result.id), [tls.id, noDist.id]);
  // Without a command between them, a consequence printed first stays first, as before.
  const plain = await loadMatcher(buildMatcherIndex([tls, noDist]));
  const undiagnosed = [...failure, ...cause].join('\n');
  assert.deepEqual(linked.match(undiagnosed).map((result) => result.id), plain.match(undiagnosed).map((result) => result.id));
  assert.equal(plain.match(diagnosed)[0]?.id, noDist.id, 'the scores alone put the consequence first');
});

test("kubectl describe's Last State is why the container's current state came about", async () => {
  const oom: MatcherRecordInput = { ...base, id: 'kubernetes/oomkilled', signature: 'OOMKilled', regex: '\\bOOMKilled\\b', transition_graph: { leads_to: ['kubernetes/crashloopbackoff'] } };
  const crashLoop: MatcherRecordInput = { ...base, id: 'kubernetes/crashloopbackoff', signature: 'Back-off restarting failed container <name> in pod <pod> (CrashLoopBackOff)', regex: 'CrashLoopBackOff|Back-off restarting failed container' };
  const describe = (last: string) =>
    [
      '$ kubectl describe pod report-worker-5d7f8b9c6-xk2lp -n analytics',
      'Containers:',
      '  worker:',
      '    State:          Waiting',
      '      Reason:       CrashLoopBackOff',
      '    Last State:     Terminated',
      `      Reason:       ${last}`,
      '      Exit Code:    137',
      '    Restart Count:  6',
      'Events:',
      '  Warning  BackOff  41s (x18 over 27m)  kubelet  Back-off restarting failed container worker in pod report-worker-5d7f8b9c6-xk2lp_analytics',
    ].join('\n');
  const linked = await loadMatcher(buildMatcherIndex([oom, crashLoop]));
  assert.deepEqual(linked.match(describe('OOMKilled')).map((result) => result.id), [oom.id, crashLoop.id]);
  assert.equal(linked.match(describe('Error'))[0]?.id, crashLoop.id);
  const plain = await loadMatcher(buildMatcherIndex([{ ...oom, transition_graph: undefined }, crashLoop]));
  assert.equal(plain.match(describe('OOMKilled'))[0]?.id, crashLoop.id, 'the scores alone put the crash loop first');
});
