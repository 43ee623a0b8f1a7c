/**
 * A paste that is only an error's name (named-error.ts): one short line whose every word and number
 * few records' wordings hold answers those records, never strongly; names many records share, words
 * no record has, a tool's name with one common word, and longer pastes answer as before.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherOf, ranking } from './fixture.ts';
import type { Matcher } from '../../../src/lib/matcher/index.ts';
import { NAME_FLOOR } from '../../../src/lib/matcher/tuning.ts';

/** The records the name rule lifted for a paste (explain marks them `named`), whatever else answers. */
const lifted = (matcher: Matcher, text: string): string[] => matcher.match(text, { explain: true }).filter((r) => r.why?.named !== undefined).map((r) => r.id);

/** The paste answers `id` first, at the name's floor at least and never with high confidence. */
function answersName(matcher: Matcher, text: string, id: string): void {
  const ranked = matcher.match(text);
  assert.equal(ranked[0]?.id, id, `${text}: ${ranking(ranked)}`);
  assert.ok(ranked[0]!.score >= NAME_FLOOR, `${text}: ${ranking(ranked)}`);
  assert.notEqual(ranked[0]!.confidence, 'high', text);
}

const base = { resolvable: 'true', fix_success_rate: 0.8, regex: null, aliases: [] };
const records = [
  { ...base, id: 'kubernetes/crashloopbackoff', signature: 'Back-off restarting failed container <container> in pod <pod>', aliases: ['Warning BackOff kubelet Back-off restarting failed container', 'Reason: CrashLoopBackOff'] },
  { ...base, id: 'java/nullpointerexception', signature: 'java.lang.NullPointerException: Cannot invoke "<method>" because "<expression>" is null' },
  { ...base, id: 'postgres/too-many-clients', signature: 'FATAL: sorry, too many clients already' },
  { ...base, id: 'mysql/lock-wait-timeout', signature: 'ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction' },
  { ...base, id: 'node/econnrefused', signature: 'Error: connect ECONNREFUSED <host>:<port>' },
  { ...base, id: 'redis/connection-refused', signature: 'Could not connect to Redis at <host>:6379: Connection refused', aliases: ['Error: connect ECONNREFUSED 127.0.0.1:6379'] },
  { ...base, id: 'mongodb/connection-refused', signature: 'MongoServerSelectionError: connect ECONNREFUSED <host>:27017' },
  { ...base, id: 'rabbitmq/connection-refused', signature: 'Error: connect ECONNREFUSED <host>:5672' },
  { ...base, id: 'git/dubious-ownership', signature: 'fatal: detected dubious ownership in repository at <path>' },
  { ...base, id: 'git/push-rejected', signature: "error: failed to push some refs to 'origin' (the repository)" },
  { ...base, id: 'git/repository-not-found', signature: "remote: Repository not found. fatal: repository '<url>' not found" },
  { ...base, id: 'git/not-a-working-tree', signature: 'fatal: this operation must be run in a work tree of the repository' },
  { ...base, id: 'docker/daemon-not-running', signature: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' },
  { ...base, id: 'linux/no-space-left', signature: 'No space left on device' },
  { ...base, id: 'python/keyerror', signature: 'KeyError: <key>' },
  { ...base, id: 'python/modulenotfound', signature: "ModuleNotFoundError: No module named '<module>'" },
  { ...base, id: 'cuda/out-of-memory', signature: 'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate <size> GiB' },
  { ...base, id: 'cuda/device-side-assert', signature: 'RuntimeError: CUDA error: device-side assert triggered' },
  { ...base, id: 'cuda/no-kernel-image', signature: 'CUDA error: no kernel image is available for execution on the device' },
  { ...base, id: 'cuda/driver-too-old', signature: 'CUDA driver version is insufficient for CUDA runtime version' },
  { ...base, id: 'sqlite/readonly-database', signature: 'attempt to write a readonly database', aliases: ['SQLITE_READONLY: attempt to write a readonly database'] },
];

test('an error’s name alone answers its record, as a likely match at most', async () => {
  const matcher = await matcherOf(records);
  for (const [name, id] of [
    ['CrashLoopBackOff', 'kubernetes/crashloopbackoff'],
    ['NullPointerException', 'java/nullpointerexception'],
    ['too many clients already', 'postgres/too-many-clients'],
    ['postgres too many clients', 'postgres/too-many-clients'],
    ['mysql ERROR 1205', 'mysql/lock-wait-timeout'],
    // What the person asks of it is no part of the name.
    ['how to fix CrashLoopBackOff', 'kubernetes/crashloopbackoff'],
    ['NullPointerException meaning', 'java/nullpointerexception'],
  ] as const) {
    answersName(matcher, name, id);
  }
});

test('a name more records share than can be told apart, or a word no record has, answers nothing', async () => {
  const matcher = await matcherOf(records);
  // Four records hold ECONNREFUSED; no record has EPIPE, nor `40P01`.
  for (const name of ['ECONNREFUSED', 'connect ECONNREFUSED', 'EPIPE', 'what does EPIPE mean', 'SQLSTATE 40P01', 'mysql ERROR 1062', 'error', 'how to fix', 'docker']) {
    assert.deepEqual(lifted(matcher, name), [], name);
  }
});

test('a tool’s name and one word that several of its records have name no error', async () => {
  const matcher = await matcherOf(records);
  // `not` and `a` are no words to the matcher: this is `git` and `repository`, which four git records hold.
  assert.deepEqual(lifted(matcher, 'fatal: not a git repository'), []);
});

test('a number in the name tells apart the records that share its words', async () => {
  const matcher = await matcherOf(records);
  assert.deepEqual(lifted(matcher, 'ECONNREFUSED'), [], 'four records hold it');
  const ranked = matcher.match('ECONNREFUSED 27017');
  assert.deepEqual(ranked.map((r) => r.id), ['mongodb/connection-refused'], ranking(ranked));
  assert.ok(ranked.every((r) => r.confidence !== 'high'));
});

test('only one short line is a name', async () => {
  const matcher = await matcherOf(records);
  assert.equal(matcher.match('CrashLoopBackOff')[0]?.id, 'kubernetes/crashloopbackoff');
  assert.deepEqual(lifted(matcher, 'pods are stuck and I see CrashLoopBackOff on all of them today'), [], 'more than eight words');
  assert.deepEqual(lifted(matcher, '$ kubectl get pods\nCrashLoopBackOff'), [], 'two lines');
});

test('around an identifier, the words may be the person’s own; a tool they name must be the record’s', async () => {
  const matcher = await matcherOf(records);
  assert.equal(matcher.match("I'm getting CrashLoopBackOff on my pods")[0]?.id, 'kubernetes/crashloopbackoff');
  assert.equal(matcher.match('NullPointerException again after the upgrade')[0]?.id, 'java/nullpointerexception');
  assert.equal(matcher.match('SQLITE_READONLY on the CI runner')[0]?.id, 'sqlite/readonly-database');
  // Redis's READONLY (a replica refusing writes) is not SQLite's.
  assert.deepEqual(lifted(matcher, 'redis READONLY on the replica'), []);
  // An identifier no wording has names another error, whatever surrounds it.
  assert.deepEqual(lifted(matcher, 'getting ConcurrentModificationException in my pods'), []);
  // Without an identifier every word must be the error's: this one is read as a sentence, not lifted as a name.
  assert.deepEqual(lifted(matcher, 'too many clients already every morning'), []);
  assert.ok(matcher.match('too many clients already')[0]!.score >= NAME_FLOOR);
});

test('a name between the command that failed and where it happened is still a name', async () => {
  const matcher = await matcherOf(records);
  for (const [text, id] of [
    ['too many clients already in staging', 'postgres/too-many-clients'],
    ['psql connect fails: too many clients already', 'postgres/too-many-clients'],
    ['git push: failed to push some refs', 'git/push-rejected'],
    // A tool's name in capitals is a tool's name, not an identifier that many records share.
    ['CUDA out of memory while training', 'cuda/out-of-memory'],
    // What a tool "says", and the values in it, are set aside too.
    ['why does psql say too many clients already', 'postgres/too-many-clients'],
    ["python says No module named 'requests'", 'python/modulenotfound'],
  ] as const) {
    answersName(matcher, text, id);
  }
  // One word and a colon is the program's own prefix, part of its message: not set aside.
  assert.ok(matcher.match('psql: too many clients already').every((r) => r.id === 'postgres/too-many-clients'));
  assert.deepEqual(lifted(matcher, 'curl: too many clients already'), []);
  // An identifier is never set aside with where it happened.
  assert.deepEqual(lifted(matcher, 'too many clients already with ECONNRESET'), []);
});
