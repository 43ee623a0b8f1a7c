/**
 * Without the program that printed it, a message of a word or two (`<script>: Permission denied` is
 * `permission denied`) is whole only on a line that ends with it: inside a longer line it is part of
 * another message, and says only which more similar record's message the line is (closer-wording.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherOf, ranking } from './fixture.ts';

const base = { category: 'permission_error', regex: null, resolvable: 'true', fix_success_rate: 0.8 } as const;
const script = { ...base, domain: 'linux', id: 'linux/permission-denied-running-script', signature: 'bash: ./<script>: Permission denied', aliases: ['make: ./<script>: Permission denied'] };
const sudo = { ...base, domain: 'ansible', id: 'ansible/missing-sudo-password', signature: 'fatal: [<host>]: FAILED! => {"msg": "Missing sudo password"}', aliases: ['sudo: a password is required'] };
const gcp = {
  ...base,
  domain: 'gcp',
  id: 'gcp/permission-denied-iam',
  signature: "PERMISSION_DENIED: Permission '<permission>' denied on resource '<resource>' (or it may not exist).",
  aliases: [],
};

test('a short message ending the line answers, whichever program printed it', async () => {
  const matcher = await matcherOf([script, sudo, gcp]);
  for (const paste of ['zsh: ./deploy.sh: permission denied', '/ci/run.sh: line 12: ./scripts/build.sh: Permission denied', 'sudo: a password is required']) {
    const ranked = matcher.match(paste);
    assert.notEqual(ranked.length, 0, paste);
    assert.ok(['linux/permission-denied-running-script', 'ansible/missing-sudo-password'].includes(ranked[0]!.id), `${paste} ${ranking(ranked)}`);
  }
});

test('inside a longer message of another program it does not answer', async () => {
  const matcher = await matcherOf([script, sudo, gcp]);
  const listen = [
    "node:events:497",
    '      throw er; // Unhandled \'error\' event',
    '      ^',
    '',
    'Error: listen EACCES: permission denied 0.0.0.0:80',
    '    at Server.setupListenHandle [as _listen2] (node:net:1908:16)',
    '    at listenInCluster (node:net:1965:12)',
  ].join('\n');
  assert.deepEqual(matcher.match(listen).map((r) => r.id), [], ranking(matcher.match(listen)));
});

test('a more similar record still takes the line it sits in', async () => {
  const matcher = await matcherOf([script, sudo, gcp]);
  const paste = "2026-11-04 10:41:07 ERROR failed to read secret: rpc error: code = PermissionDenied desc = Permission 'secretmanager.versions.access' denied on resource 'projects/acme/secrets/stripe/versions/latest' (or it may not exist).";
  const ranked = matcher.match(paste);
  assert.equal(ranked[0]?.id, 'gcp/permission-denied-iam', ranking(ranked));
});
