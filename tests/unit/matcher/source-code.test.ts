/**
 * Source code pasted with an error (source-code.ts) names errors it handles: its lines are no error
 * lines, and what they name weighs less than what the output reports (CODE_LINE_WEIGHT).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizePaste } from '../../../src/lib/matcher/normalize.ts';
import { isSourceCode } from '../../../src/lib/matcher/source-code.ts';
import { matcherOf, ranking } from './fixture.ts';

test('handlers, conditions, log calls and comments are source code', () => {
  for (const line of [
    '} catch (CommitFailedException e) {',
    'catch {',
    'except sqlite3.OperationalError as e:',
    'except (ValueError, KeyError):',
    'rescue ActiveRecord::RecordNotFound => e',
    'if "database is locked" in str(e):',
    "if (err.code === 'ETIMEDOUT') {",
    'if err != nil {',
    'log.warn("commit failed, group rebalanced", e);',
    "console.error('Failed to read session', err);",
    '// src/middleware/auth.ts',
  ]) assert.ok(isSourceCode(line), line);
});

test('output lines are not source code', () => {
  for (const line of [
    'Caused by: org.apache.kafka.common.errors.SerializationException: Unknown magic byte!',
    'sqlite3.OperationalError: database is locked',
    '-- Could NOT find OpenSSL (missing: OPENSSL_CRYPTO_LIBRARY)',
    'if you see this error, run the following:',
    "raise ImproperlyConfigured('The SECRET_KEY setting must not be empty.')",
    'throw err;',
    'ERROR: Job failed: exit code 1',
  ]) assert.ok(!isSourceCode(line), line);
});

const PASTE = [
  'Deleting a customer fails, I expected the orders to stay:',
  '```python',
  'try:',
  '    conn.execute("DELETE FROM customers WHERE id = ?", (cid,))',
  'except sqlite3.OperationalError as e:',
  '    if "database is locked" in str(e):',
  '        print("db busy, try again later")',
  '    raise',
  '```',
  'Traceback (most recent call last):',
  '  File "/srv/scripts/delete_customer.py", line 19, in <module>',
  '    conn.execute("DELETE FROM customers WHERE id = ?", (cid,))',
  'sqlite3.IntegrityError: FOREIGN KEY constraint failed',
].join('\n');

test('code lines are marked and are no error lines', () => {
  const lines = normalizePaste(PASTE);
  const handler = lines.find((l) => l.text.startsWith('except sqlite3'))!;
  const condition = lines.find((l) => l.text.startsWith('if "database'))!;
  assert.ok(handler.code && condition.code);
  assert.equal(handler.err, 0);
  assert.equal(lines.find((l) => l.text.startsWith('sqlite3.IntegrityError'))!.code, false);
});

const base = { resolvable: 'true', fix_success_rate: 0.8, aliases: [] } as const;
const records = [
  { ...base, id: 'sqlite/database-is-locked', signature: 'sqlite3.OperationalError: database is locked', regex: 'database is locked' },
  { ...base, id: 'sqlite/unique-constraint-failed', signature: 'sqlite3.IntegrityError: UNIQUE constraint failed: <table>.<column>', regex: 'UNIQUE constraint failed' },
];

test('an error named only by the code that handles it is not the answer', async () => {
  const matcher = await matcherOf(records);
  const results = matcher.match(PASTE);
  assert.equal(results[0]?.id === 'sqlite/database-is-locked', false, ranking(results));
  // The same words as output are answered.
  const output = matcher.match(['Traceback (most recent call last):', '  File "/srv/app.py", line 3, in <module>', 'sqlite3.OperationalError: database is locked'].join('\n'));
  assert.equal(output[0]?.id, 'sqlite/database-is-locked', ranking(output));
});
