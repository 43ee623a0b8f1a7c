/**
 * A paste that is only an error's name (named-error.ts): one short line whose every word and number
 * few records' wordings hold answers those records, never strongly; names many records share, words
 * no record has, a tool's name with one common word, and longer pastes answer as before.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherOf, ranking } from './fixture.ts';
import { answersName, lifted, records } from './names-fixture.ts';
import { NAME_FLOOR } from '../../../src/lib/matcher/tuning.ts';

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
