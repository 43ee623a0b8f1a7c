/**
 * Near twins (src/lib/matcher/twins.ts): of two records of one domain for one message, the one whose
 * own words the rest of the paste holds comes first, even when only the other's pattern matched.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';

const base = { resolvable: 'true', fix_success_rate: 0.8 } as const;
const generic: MatcherRecordInput = { ...base, id: 'terraform/state-lock-error', signature: 'Error: Error acquiring the state lock', regex: 'Error acquiring the state lock' };
const dynamodb: MatcherRecordInput = { ...base, id: 'terraform/state-lock-dynamodb', signature: 'Error acquiring the state lock: ConditionalCheckFailedException', regex: 'Error acquiring the state lock: ConditionalCheckFailedException' };
const other: MatcherRecordInput = { ...base, id: 'terraform/provider-not-found', signature: 'Error: Failed to query available provider packages', regex: 'Failed to query available provider packages' };
const noise: MatcherRecordInput = { ...base, id: 'aws/access-denied', signature: 'An error occurred (AccessDenied) when calling the PutItem operation', regex: 'AccessDenied' };

const LOCK_WITH_BACKEND = [
  '│ Error: Error acquiring the state lock',
  '│ ',
  '│ Error message: operation error DynamoDB: PutItem, https response error StatusCode: 400,',
  '│ RequestID: 7Q2K, ConditionalCheckFailedException: The conditional request failed',
  '│ Lock Info:',
  '│   ID:        3f1c6c2e-1b2a-4c55-9d1e-77a0c0f0a111',
].join('\n');

const LOCK_ONLY = ['│ Error: Error acquiring the state lock', '│ ', '│ Lock Info:', '│   ID:        3f1c6c2e-1b2a-4c55-9d1e-77a0c0f0a111'].join('\n');

test('the twin whose own words the paste holds comes first, though only the other one matched', async () => {
  const matcher = await loadMatcher(buildMatcherIndex([generic, dynamodb, other, noise]));
  const results = matcher.match(LOCK_WITH_BACKEND);
  assert.deepEqual(results.slice(0, 2).map((r) => r.id), [dynamodb.id, generic.id]);
  assert.ok(results[0]!.score >= results[1]!.score);
  const why = matcher.match(LOCK_WITH_BACKEND, { explain: true }).find((r) => r.id === dynamodb.id)?.why;
  assert.ok((why?.twinLead ?? 0) >= 0.3, 'explain says why');
});

test('without the deciding words the twins keep their order', async () => {
  const matcher = await loadMatcher(buildMatcherIndex([generic, dynamodb, other, noise]));
  assert.equal(matcher.match(LOCK_ONLY)[0]?.id, generic.id);
});

test('records of another domain are not twins', async () => {
  const elsewhere = { ...dynamodb, id: 'cloud/state-lock-dynamodb' };
  const matcher = await loadMatcher(buildMatcherIndex([generic, elsewhere, other, noise]));
  assert.equal(matcher.match(LOCK_WITH_BACKEND)[0]?.id, generic.id);
});

// A wrapper: another domain's record whose signature holds all of the generic's words and more.
const sqlite: MatcherRecordInput = { ...base, id: 'sqlite/no-such-table', signature: 'no such table: <table>', regex: 'no such table: \\S+' };
const django: MatcherRecordInput = { ...base, id: 'django/operationalerror-no-such-table', signature: 'django.db.utils.OperationalError: no such table: <table>', regex: null };
const DEBUG_PAGE = [
  'Environment:',
  'Django Version: 5.0.6',
  'Exception Type: OperationalError at /accounts/signup/',
  'Exception Value: no such table: members_profile',
].join('\n');

test('a wrapper from another domain is a twin when the paste names its domain', async () => {
  const matcher = await loadMatcher(buildMatcherIndex([sqlite, django, other, noise]));
  assert.deepEqual(matcher.match(DEBUG_PAGE).slice(0, 2).map((r) => r.id), [django.id, sqlite.id]);
  // The same lines without Django's name: the generic record's pattern decides.
  assert.equal(matcher.match(DEBUG_PAGE.replace('Django Version: 5.0.6', 'Version: 5.0.6'))[0]?.id, sqlite.id);
});

// The same, where the wrapper's signature holds a placeholder and one of its aliases the message.
const ssh: MatcherRecordInput = { ...base, id: 'ssh/connection-timed-out', signature: 'ssh: connect to host <host> port <port>: Connection timed out', regex: 'ssh: connect to host \\S+ port \\d+: Connection timed out' };
const ansible: MatcherRecordInput = {
  ...base,
  id: 'ansible/unreachable',
  signature: 'fatal: [<host>]: UNREACHABLE! => {"msg": "Failed to connect to the host via ssh: <reason>", "unreachable": true}',
  regex: 'Failed to connect to the host via ssh',
  aliases: ['fatal: [web01]: UNREACHABLE! => {"msg": "Failed to connect to the host via ssh: ssh: connect to host 10.0.1.15 port 22: Connection timed out", "unreachable": true}'],
};
const PLAY = [
  '$ ansible-playbook -i inventory/prod.ini patch.yml',
  'TASK [Gathering Facts] ****************************',
  'fatal: [db-02]: UNREACHABLE! => changed=false',
  "  msg: 'Failed to connect to the host via ssh: ssh: connect to host 10.40.2.12 port 22: Connection timed out'",
  '  unreachable: true',
].join('\n');

test("a wrapper whose alias holds the other record's message is a twin when the paste names its domain", async () => {
  const matcher = await loadMatcher(buildMatcherIndex([ssh, ansible, other, noise]));
  assert.deepEqual(matcher.match(PLAY).slice(0, 2).map((r) => r.id), [ansible.id, ssh.id]);
  // Without Ansible's name the more specific pattern keeps first place.
  assert.equal(matcher.match(PLAY.replace('ansible-playbook', 'run')).slice(0, 1)[0]?.id, ssh.id);
});
