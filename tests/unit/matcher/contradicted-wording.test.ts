/**
 * A line that has another word where a record's template has its deciding word, between the same
 * neighbours, names a sibling error (contradicted-wording.ts): found by wording alone, it is discounted.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';
import { contradictedWording, replacedReason, replacesWord } from '../../../src/lib/matcher/contradicted-wording.ts';
import { tokenize, tokenizeLine } from '../../../src/lib/matcher/tokens.ts';
import { buildVocabulary } from '../../../src/lib/matcher/vocabulary.ts';
import { normalizePaste } from '../../../src/lib/matcher/normalize.ts';
import { readPaste } from '../../../src/lib/matcher/paste.ts';
import { CONTRADICTED_DECIDING, CONTRADICTED_WORDING } from '../../../src/lib/matcher/tuning.ts';

const words = (text: string) => new Set(tokenizeLine(text));

test("the words of another of the record's wordings, between the same neighbours, are its own", () => {
  const install = tokenize('Error: INSTALLATION FAILED: rendered manifests contain a resource that already exists.');
  const line = 'Error: UPGRADE FAILED: rendered manifests contain a resource that already exists.';
  assert.equal(replacesWord(install, tokenizeLine(line), words(line), new Set(install)), true);
  const upgrade = tokenize('Error: UPGRADE FAILED: rendered manifests contain a resource that already exists. Unable to continue with update');
  assert.equal(replacesWord(install, tokenizeLine(line), words(line), new Set(install), [install, upgrade]), false);
  // The word elsewhere in another wording is not enough: between other neighbours it is another error's.
  const elsewhere = tokenize('helm upgrade failed: rendered manifests contain a resource that already exists');
  assert.equal(replacesWord(install, tokenizeLine(line), words(line), new Set(install), [install, elsewhere]), true);
});

test("another reason after the same head replaces the record's closing words", () => {
  const alias = [...new Set(tokenize('Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile (default-compile) on project orders-api: Fatal error compiling: error: release version 21 not supported'))];
  const template = new Set(tokenize('Fatal error compiling: error: invalid target release: <version>'));
  const goal = '[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile (default-compile) on project orders-api: Compilation failure';
  const paste = `${goal}\n[ERROR] /src/main/java/com/acme/OrderMapper.java:[41,27] cannot find symbol`;
  assert.deepEqual(replacedReason(alias, goal, new Set(tokenize(paste)), template), ['fatal', 'releas', 'version', 'support']);
  // The record's reason wrapped onto the next line is the record's own.
  const wrapped = `${goal}\nFatal error compiling: error: release version 21 not supported`;
  assert.equal(replacedReason(alias, goal, new Set(tokenize(wrapped)), template), null);
  // Without a colon before the line's closing words, words in another order are no other reason.
  const android = [...new Set(tokenize('SDK location not found. Define location with sdk.dir in the local.properties file or with an ANDROID_HOME environment variable.'))];
  const chat = './gradlew assembleRelease fails with SDK location not found, define a valid SDK location with ANDROID_HOME or sdk.dir in local.properties. local.properties is gitignored obviously';
  assert.equal(replacedReason(android, chat, new Set(tokenize(chat)), new Set(android)), null);
  // A head the line does not hold whole is no shared head.
  const other = '[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test (default-test) on project orders-api: Compilation failure';
  assert.equal(replacedReason(alias, other, new Set(tokenize(other)), template), null);
});

test('a word of the template replaced between the same neighbours', () => {
  const template = tokenize('RuntimeError: Working outside of application context.');
  const line = 'RuntimeError: Working outside of request context.';
  assert.equal(replacesWord(template, tokenizeLine(line), words(line), new Set(template)), true);
  // The template's own word is there: nothing is replaced.
  const same = 'RuntimeError: Working outside of application context.';
  assert.equal(replacesWord(template, tokenizeLine(same), words(same), new Set(template)), false);
  // A longer form of the word is the word (AccessDenied, AccessDeniedException).
  const aws = tokenize('An error occurred (AccessDenied) when calling the <Operation> operation');
  const kms = 'An error occurred (AccessDeniedException) when calling the Decrypt operation';
  assert.equal(replacesWord(aws, tokenizeLine(kms), words(kms), new Set(aws)), false);
  // A word that is not the template's (an example value of an alias) may differ.
  const alias = tokenize('Out of memory: Kill process 4242 (java) score 901 or sacrifice child');
  const oom = 'kernel: Out of memory: Kill process 18244 (postgres) score 912 or sacrifice child';
  const template2 = new Set(tokenize('Out of memory: Killed process <pid> (<name>)'));
  assert.equal(replacesWord(alias, tokenizeLine(oom), words(oom), template2), false);
  assert.equal(replacesWord(alias, tokenizeLine(oom), words(oom), new Set(alias)), true);
  // At the end of the wording, where the line ends too; and a run of words replaced at once.
  const io = tokenize('sqlite3.OperationalError: disk I/O error');
  const full = 'sqlite3.OperationalError: database or disk is full';
  assert.equal(replacesWord(io, tokenizeLine(full), words(full), new Set(io)), true);
  const refused = tokenize('dial tcp <host>: connect: connection refused');
  const timeout = 'dial tcp 10.20.0.12:6443: i/o timeout';
  assert.equal(replacesWord(refused, tokenizeLine(timeout), words(timeout), new Set(refused)), true);
  // At the end, another message after the same opening, longer than a word or two.
  const exit = tokenize('ERROR: Job failed: exit code <n>');
  const took = 'ERROR: Job failed: execution took longer than the project timeout allows';
  assert.equal(replacesWord(exit, tokenizeLine(took), words(took), new Set(exit)), true);
  // A hyphenated word is also its parts written as one (`ordersapi`), added after the wording: not a word between neighbours.
  const tests = tokenize('[ERROR] Failed to execute goal org.apache.maven.plugins:maven-failsafe-plugin:3.2.5:verify (default) on project orders-api: There are test failures.');
  const lint = '[ERROR] Failed to execute goal org.apache.maven.plugins:maven-failsafe-plugin:3.2.5:verify (default) on project orders-api: There are lint failures.';
  assert.equal(replacesWord(tests, tokenizeLine(lint), words(lint), new Set(tests)), true);
  // In the middle, the replacing words stay few: a long run between two template words is no replacement.
  const middle = tokenize('RuntimeError: Working outside of application context.');
  const long = 'RuntimeError: Working outside of the request handler that runs in a worker context.';
  assert.equal(replacesWord(middle, tokenizeLine(long), words(long), new Set(middle)), false);
  // A snake_case word's parts are not words of their own between its neighbours.
  const hub = tokenize('OSError: SavedModel not found at tfhub URL');
  const local = 'OSError: SavedModel file does not exist at: /tmp/tfhub_modules/063d866c/saved_model.pb';
  assert.equal(replacesWord(hub, tokenizeLine(local), words(local), new Set(hub)), false);
});

test('a result found by wording alone is discounted when its line replaces a template word, not otherwise', () => {
  const base = { resolvable: 'true', fix_success_rate: 0.8, regex: null } as const;
  const records: MatcherRecordInput[] = [
    { ...base, id: 'flask/working-outside-of-application-context', signature: 'RuntimeError: Working outside of application context.' },
    { ...base, id: 'python/keyerror', signature: "KeyError: '<key>'" },
  ];
  const index = buildMatcherIndex(records);
  const discount = contradictedWording(index, buildVocabulary(index));
  const scoreFor = (what: string, evidence: 'similarity' | 'regex' = 'similarity') => {
    const text = `RuntimeError: Working outside of ${what} context.`;
    const paste = readPaste(normalizePaste(`Traceback (most recent call last):\n${text}`));
    const line = paste.lines.find((l) => l.text === text)!;
    const scored = [{ r: 0, score: 0.6, evidence, lines: [{ index: line.index, text, start: -1, end: -1 }], spec: 0 }];
    discount(scored, paste, new Set(paste.lines.flatMap((l) => tokenizeLine(l.text))));
    return scored[0]!.score;
  };
  assert.equal(scoreFor('application'), 0.6);
  assert.equal(scoreFor('request'), 0.6 * CONTRADICTED_WORDING);
  assert.ok(CONTRADICTED_WORDING < 1);
  // A pattern's hit is evidence of its own.
  assert.equal(scoreFor('request', 'regex'), 0.6);
});

test('replaced words that are most of what the signature says are discounted more', () => {
  const base = { resolvable: 'true', fix_success_rate: 0.8, regex: null } as const;
  const records: MatcherRecordInput[] = [
    { ...base, id: 'sqlite/unique-constraint-failed', signature: 'UNIQUE constraint failed: <table>.<column>', aliases: ['sqlite3.IntegrityError: UNIQUE constraint failed: users.email'] },
    { ...base, id: 'postgres/check-violation', signature: 'new row for relation "<table>" violates check constraint "<name>"' },
    { ...base, id: 'mysql/foreign-key-fails', signature: 'Cannot add or update a child row: a foreign key constraint fails' },
    { ...base, id: 'ci/job-failed', signature: 'ERROR: Job failed: exit code 1' },
    { ...base, id: 'flask/working-outside-of-application-context', signature: 'RuntimeError: Working outside of application context.' },
  ];
  const index = buildMatcherIndex(records);
  const discount = contradictedWording(index, buildVocabulary(index));
  const scoreFor = (id: string, text: string) => {
    const r = index.rec.findIndex((row) => row[0] === id);
    const paste = readPaste(normalizePaste(text));
    const scored = [{ r, score: 0.6, evidence: 'similarity' as const, lines: [{ index: 0, text, start: -1, end: -1 }], spec: 0 }];
    discount(scored, paste, new Set(tokenizeLine(text)));
    return scored[0]!.score;
  };
  // `constraint failed` is every sibling's; `UNIQUE` says which.
  assert.equal(scoreFor('sqlite/unique-constraint-failed', 'sqlite3.IntegrityError: NOT NULL constraint failed: users.email'), 0.6 * CONTRADICTED_DECIDING);
  // `application` is one word of several that say which context.
  assert.equal(scoreFor('flask/working-outside-of-application-context', 'RuntimeError: Working outside of request context.'), 0.6 * CONTRADICTED_WORDING);
  assert.ok(CONTRADICTED_DECIDING < CONTRADICTED_WORDING);
});

test("a line giving another reason after the record's head is discounted", () => {
  const base = { resolvable: 'true', fix_success_rate: 0.8, regex: null } as const;
  const records: MatcherRecordInput[] = [
    {
      ...base,
      id: 'maven/invalid-target-release',
      signature: 'Fatal error compiling: error: invalid target release: <version>',
      aliases: ['Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile (default-compile) on project orders-api: Fatal error compiling: error: release version 21 not supported'],
    },
    { ...base, id: 'maven/there-are-test-failures', signature: 'Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:<version>:test (default-test) on project <project>: There are test failures.' },
  ];
  const index = buildMatcherIndex(records);
  const discount = contradictedWording(index, buildVocabulary(index));
  const scoreFor = (text: string) => {
    const paste = readPaste(normalizePaste(text));
    const scored = [{ r: 0, score: 0.6, evidence: 'similarity' as const, lines: [{ index: 0, text: paste.lines[0]!.text, start: -1, end: -1 }], spec: 0 }];
    discount(scored, paste, new Set(paste.lines.flatMap((l) => tokenizeLine(l.text))));
    return scored[0]!.score;
  };
  const head = '[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.11.0:compile (default-compile) on project orders-api:';
  assert.ok(scoreFor(`${head} Compilation failure\n[ERROR] /build/src/Order.java:[58,24] cannot find symbol`) < 0.6);
  assert.equal(scoreFor(`${head} Fatal error compiling: error: release version 17 not supported`), 0.6);
});
