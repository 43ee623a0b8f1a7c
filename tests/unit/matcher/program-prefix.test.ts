/**
 * A message is also compared without the program naming itself (vocabulary.ts, withoutProgram):
 * `psql: error: connection to server … failed` reaches a Python log through psycopg2 with no `psql:`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMatcherIndex, loadMatcher } from '../../../src/lib/matcher/index.ts';
import type { MatcherRecordInput } from '../../../src/lib/matcher/build.ts';
import { withoutProgram } from '../../../src/lib/matcher/vocabulary.ts';

test('a leading program name, with its level or code, is taken off the message', () => {
  assert.equal(withoutProgram('psql: error: connection to server at "<host>" failed: Connection refused'), 'connection to server at "<host>" failed: Connection refused');
  assert.equal(withoutProgram('curl: (6) Could not resolve host: <host>'), 'Could not resolve host: <host>');
  assert.equal(withoutProgram('ssh: connect to host <host> port <port>: Connection refused'), 'connect to host <host> port <port>: Connection refused');
});

test('levels, capitalised words, identifiers and one-word rests are not program prefixes', () => {
  assert.equal(withoutProgram('error: You must be logged in to the server (Unauthorized)'), null);
  assert.equal(withoutProgram('fatal: not a git repository'), null);
  assert.equal(withoutProgram('Error: Process completed with exit code 1.'), null);
  assert.equal(withoutProgram('kex_exchange_identification: Connection closed by remote host'), null);
  assert.equal(withoutProgram('sqlite3: locked'), null);
});

const base = { resolvable: 'true', fix_success_rate: 0.8, regex: null } as const;
const records: MatcherRecordInput[] = [
  { ...base, id: 'postgres/connection-refused', signature: 'psql: error: connection to server at "<host>" (<address>), port <port> failed: Connection refused' },
  { ...base, id: 'redis/connection-refused', signature: 'Could not connect to Redis at <host>:<port>: Connection refused' },
  { ...base, id: 'kubernetes/refused', signature: 'The connection to the server <host>:<port> was refused - did you specify the right host or port?' },
  { ...base, id: 'dns/could-not-resolve-host', signature: 'curl: (6) Could not resolve host: <host>' },
  { ...base, id: 'postgres/auth-failed', signature: 'psql: error: FATAL: password authentication failed for user "<user>"' },
];

test('the message printed by a library, without the program name, is answered', async () => {
  const matcher = await loadMatcher(buildMatcherIndex(records));
  const paste = [
    'Traceback (most recent call last):',
    '  File "/app/db.py", line 12, in connect',
    '    conn = psycopg2.connect(dsn)',
    'psycopg2.OperationalError: connection to server at "localhost" (::1), port 5432 failed: Connection refused',
    '\tIs the server running on that host and accepting TCP/IP connections?',
  ].join('\n');
  const results = matcher.match(paste);
  assert.equal(results[0]?.id, 'postgres/connection-refused', JSON.stringify(results.map((r) => [r.id, r.score])));
});
