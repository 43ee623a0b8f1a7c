/**
 * An error's name on a line of its own in a short message of the person's (named-error.ts,
 * person-lines.ts): a chat message, an e-mail, an issue form or a ticket answers the record the name
 * names; a tool's output around the line, two names, or a long paste do not make it a name.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherOf } from './fixture.ts';
import { answersName, lifted, records } from './names-fixture.ts';
import { normalizePaste } from '../../../src/lib/matcher/normalize.ts';
import { afterLeadIn, isFurniture, personsLine } from '../../../src/lib/matcher/person-lines.ts';

test('a name on its own line among the person’s words answers its record', async () => {
  const matcher = await matcherOf(records);
  for (const [text, id] of [
    // A chat message, copied with its author and time.
    ['Priya Nair  10:42 AM\nthe api pods in staging are down again\n`CrashLoopBackOff`\nanyone deploying right now?', 'kubernetes/crashloopbackoff'],
    // An e-mail, greeting and sign-off included; the lead-in carries an error word.
    ['Hi Marco,\n\nThe nightly import is failing again this morning:\ntoo many clients already\nCould you raise max_connections?\n\nThanks,\nElena', 'postgres/too-many-clients'],
    // An issue form: headings, a fence holding just the name, a line in the first person with a path.
    ['### What happened?\nThe settings page returns 500 since I upgraded to /v2\n```\nNullPointerException\n```\n### Expected behaviour\nThe page loads', 'java/nullpointerexception'],
    // A ticket's fields, values with `=` and all.
    ['Summary: checkout api down after the deploy\nEnvironment: k8s 1.29, replicas=3\nCrashLoopBackOff\nSteps: kubectl rollout restart deploy/checkout', 'kubernetes/crashloopbackoff'],
    // A list's item.
    ['what we saw during the incident:\n- CrashLoopBackOff', 'kubernetes/crashloopbackoff'],
  ] as const) {
    answersName(matcher, text, id);
  }
});

test('a name after the person’s lead-in on its line is a name', async () => {
  const matcher = await matcherOf(records);
  answersName(matcher, 'al desplegar el servicio de pagos en staging aparece: too many clients already', 'postgres/too-many-clients');
  // A tool's own prefix is no lead-in.
  assert.equal(afterLeadIn('error: could not read config file: too many clients already'), null);
  assert.equal(afterLeadIn('al desplegar el servicio aparece: too many clients already'), 'too many clients already');
});

test('a tool’s output around a short line makes it no name', async () => {
  const matcher = await matcherOf(records);
  for (const text of [
    // A command and its output.
    '$ kubectl get pods\nCrashLoopBackOff',
    // A tool's prefixed line and a JSON object's fields beside the line.
    'npm warn config production Use `--omit=dev` instead.\ntoo many clients already',
    'too many clients already\n{"level":"error","pool":"main","waiting":12}',
    // Frames under it.
    'NullPointerException\n    at com.acme.Billing.total(Billing.java:42)',
  ]) {
    assert.deepEqual(lifted(matcher, text), [], text);
  }
});

test('two lines naming different errors as precisely, or a long paste, name no one error', async () => {
  const matcher = await matcherOf(records);
  assert.deepEqual(lifted(matcher, 'we see both, alternating:\nCrashLoopBackOff\nNullPointerException'), []);
  const long = ['our staging cluster notes from today', ...Array.from({ length: 12 }, (_, i) => `note ${i + 1} about the rollout plan`), 'CrashLoopBackOff'].join('\n');
  assert.deepEqual(lifted(matcher, long), []);
});

test('a path alone is a value, not a name', async () => {
  const matcher = await matcherOf(records);
  assert.deepEqual(lifted(matcher, './src/components/Header.tsx'), []);
  assert.deepEqual(lifted(matcher, 'src/components/Header.tsx'), []);
});

test('the person’s lines and a channel’s furniture are told from a tool’s', () => {
  const lines = (text: string) => normalizePaste(text, {});
  for (const text of ['Priya Nair  10:42 AM', 'Environment: prod, k8s 1.29, replicas=3', 'the job keeps failing after the deploy', 'this fails since this morning:', "the pipeline's service connection can't create the group, az cli returns", 'GET /api/orders/5 returns 500 since I added a controller']) {
    assert.ok(personsLine(lines(text)[0]!), text);
  }
  for (const text of ['ERROR: THESE PACKAGES DO NOT MATCH THE HASHES', 'Caused by: java.io.IOException: Broken pipe', 'Collecting urllib3==2.3.0 (from -r requirements.lock (line 212))', 'npm warn ERESOLVE overriding peer dependency']) {
    assert.ok(!personsLine(lines(text)[0]!), text);
  }
  for (const text of ['```', '### What happened?', 'Error log:', 'Hi Marco,', 'Thanks!', '']) assert.ok(isFurniture(text), text);
  for (const text of ['# prod api pods keep dying', 'CrashLoopBackOff', 'too many clients already', 'UNREACHABLE!']) assert.ok(!isFurniture(text), text);
});

test('an identifier with its message after a colon is a tool’s message: its words must be the record’s', async () => {
  const matcher = await matcherOf([
    ...records,
    { id: 'helm/invalid-ownership', signature: 'Error: rendered manifests contain a resource that already exists: existing resource conflict: kind: rbac.authorization.k8s.io/v1, ClusterRole', resolvable: 'true', fix_success_rate: 0.8, regex: null, aliases: [] },
  ]);
  // The identifier alone is the Helm record's (`RBAC`), but `access denied` is another error's message.
  assert.deepEqual(lifted(matcher, 'RBAC'), ['helm/invalid-ownership']);
  assert.deepEqual(lifted(matcher, 'RBAC: access denied'), []);
  // Its values are no words of the error; the person's words around an identifier still are theirs.
  assert.equal(matcher.match("KeyError: 'customer_id'")[0]?.id, 'python/keyerror');
  assert.equal(matcher.match('KeyError again after the deploy')[0]?.id, 'python/keyerror');
  // A level before the colon is no identifier of the error (`FATAL: …`).
  assert.deepEqual(lifted(matcher, 'FATAL: database "orders" does not exist'), []);
});

test('a message around an identifier no record has answers only as a message would, not by the person’s words', async () => {
  const matcher = await matcherOf([
    ...records,
    { id: 'kafka/broker-not-available', signature: 'Connection to node <id> could not be established. Broker may not be available.', resolvable: 'true', fix_success_rate: 0.8, regex: null, aliases: ['the kafka producer cannot reach the brokers after a deploy'] },
  ]);
  const about = 'after the last deploy the ingestion worker logs this every few minutes from the kafka producer';
  // Their words alone are a description that prose answers at a lower threshold…
  assert.equal(matcher.match(`${about}, the brokers are being rolled today, related?`)[0]?.id, 'kafka/broker-not-available');
  // …but with the error's own identifier on its line, one no record has, they only say where it happened.
  assert.deepEqual(matcher.match(`${about}\n\`NOT_LEADER_OR_FOLLOWER\`\nbrokers are being rolled by the platform team today, related?`), []);
});
