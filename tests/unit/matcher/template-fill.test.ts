/**
 * A record's wording read as a template (template-fill.ts): the values a line fills its placeholders
 * with do not count as words the record lacks.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';
import { exampleTemplateOf, filledWords, templateOf } from '../../../src/lib/matcher/template-fill.ts';
import { tokenizeLine } from '../../../src/lib/matcher/tokens.ts';

const filled = (template: string, line: string) => [...filledWords(templateOf(template)!, tokenizeLine(line))].sort();

test('a template is its fixed words and where its placeholders stand', () => {
  assert.deepEqual(templateOf('Failed to start <unit>: Unit <unit> not found.'), { words: ['fail', 'start', 'unit', 'found'], holes: [false, false, true, true, false] });
  assert.deepEqual(templateOf('UNIQUE constraint failed: <table>.<column>'), { words: ['uniqu', 'constraint', 'fail'], holes: [false, false, false, true] });
  // An example, and a template of one word once its stopwords are gone, are no templates.
  assert.equal(templateOf('Unit nginx.service could not be found.'), null);
  assert.equal(templateOf('ENOENT: <path>'), null);
});

test('values between neighbouring fixed words and after the last fill the template', () => {
  assert.deepEqual(filled('Failed to start <unit>: Unit <unit> not found.', 'Failed to start php-fpm.service: Unit php-fpm.service not found.'), ['fpm', 'php', 'phpfpm', 'servic']);
  assert.deepEqual(filled('UNIQUE constraint failed: <table>.<column>', 'sqlite3.IntegrityError: UNIQUE constraint failed: users.email'), ['email', 'users']);
});

test('nothing is a value where a fixed word is missing, or before the first', () => {
  // `restart` stands where the template says `start`: the words up to `Unit` are not taken as values.
  assert.deepEqual(filled('Failed to start <unit>: Unit <unit> not found.', 'Failed to stop nginx.service: Unit nginx.service not loaded.'), []);
  assert.deepEqual(filled('<path>: Permission denied', "mkdir: cannot create directory '/srv/data': Permission denied"), []);
});

test('a record without a pattern is found when the line fills its template', async () => {
  const base = { resolvable: 'true', fix_success_rate: 0.8 } as const;
  const records: MatcherRecordInput[] = [
    { ...base, id: 'maven/could-not-resolve-dependencies', signature: 'Could not resolve dependencies for project <project>: The following artifacts could not be resolved: <artifacts>' },
    { ...base, id: 'maven/non-resolvable-parent-pom', signature: 'Non-resolvable parent POM for <project>: Could not find artifact <artifact>' },
  ];
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const line = '[ERROR] Failed to execute goal on project invoice-service: Could not resolve dependencies for project com.acme.billing:invoice-service:jar:2.8.1-SNAPSHOT: The following artifacts could not be resolved: com.acme.platform:platform-bom:pom:5.0.2 (absent), org.acme.shared:ledger-core:jar:3.1.0 (absent)';
  const [first] = matcher.match(line, { explain: true });
  assert.equal(first?.id, 'maven/could-not-resolve-dependencies');
  assert.equal(first?.why?.template, 1);
  assert.equal(matcher.match(line)[0]?.id, 'maven/could-not-resolve-dependencies');
});

test("an example's values are the words that fill one of the record's templates", () => {
  const templates = [templateOf('Failed to start <unit>: Unit <unit> not found.')!];
  assert.deepEqual(exampleTemplateOf('Unit nginx.service could not be found.', templates), { words: ['unit', 'found'], holes: [false, true, false] });
  // An example no template reads has no values: it stays an example.
  assert.equal(exampleTemplateOf('Failed to enable unit: Unit file docker.service does not exist.', templates), null);
  assert.equal(exampleTemplateOf('Unit nginx.service could not be found.', []), null);
});

test('a line holding all of an example\'s fixed words, with its own values, finds the record', async () => {
  const base = { resolvable: 'true', fix_success_rate: 0.8 } as const;
  const records: MatcherRecordInput[] = [
    { ...base, id: 'systemd/unit-not-found', signature: 'Failed to start <unit>: Unit <unit> not found.', aliases: ['Unit nginx.service could not be found.'] },
    { ...base, id: 'systemd/unit-masked', signature: 'Failed to start <unit>: Unit <unit> is masked.' },
    { ...base, id: 'php/class-not-found', signature: "PHP Fatal error: Uncaught Error: Class '<class>' not found" },
  ];
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const paste = '$ sudo systemctl status php-fpm\nUnit php-fpm.service could not be found.';
  const [first] = matcher.match(paste, { explain: true });
  assert.equal(first?.id, 'systemd/unit-not-found');
  assert.equal(first?.why?.template, 1);
  assert.equal(matcher.match(paste)[0]?.id, 'systemd/unit-not-found');
});

test('a line missing a fixed word of the example is another error, not an instance of it', async () => {
  const base = { resolvable: 'true', fix_success_rate: 0.8 } as const;
  const records: MatcherRecordInput[] = [
    { ...base, id: 'sqlite/unique-constraint-failed', signature: 'UNIQUE constraint failed: <table>.<column>', aliases: ['sqlite3.IntegrityError: UNIQUE constraint failed: users.email'] },
    { ...base, id: 'sqlite/no-such-table', signature: 'sqlite3.OperationalError: no such table: <table>' },
  ];
  const matcher = await loadMatcher(buildMatcherIndex(records));
  // Read as the example with `NOT NULL` for a value, the line would hold it all and be answered.
  const line = 'sqlite3.IntegrityError: NOT NULL constraint failed: orders.customer_id';
  assert.ok(matcher.match(line, { explain: true }).some((r) => r.id === 'sqlite/unique-constraint-failed'), 'still a candidate by its words');
  assert.deepEqual(matcher.match(line), []);
  // An instance of the example is read so.
  const instance = matcher.match('sqlite3.IntegrityError: UNIQUE constraint failed: orders.customer_id', { explain: true })[0];
  assert.equal(instance?.id, 'sqlite/unique-constraint-failed');
});
