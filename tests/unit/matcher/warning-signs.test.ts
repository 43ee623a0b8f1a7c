/**
 * A warning's signs (`WARNING`, `Warning:`, `deprecated`, `stuck`, `may not work`) make a line a
 * lesser error line (errorness.ts): records whose message is a warning are compared with it by
 * wording although other lines carry stronger signs.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorness, LEVEL_SHARE } from '../../../src/lib/matcher/errorness.ts';
import { matcherOf, ranking } from './fixture.ts';

test('a warning is a lesser error sign; the word inside a sentence is none', () => {
  assert.equal(errorness('You have 4 unapplied migration(s). Your project may not work properly until you apply the migrations for app(s): orders.'), LEVEL_SHARE);
  assert.equal(errorness('Warning: Each child in a list should have a unique "key" prop.'), LEVEL_SHARE);
  assert.equal(errorness('Node.js 16 actions are deprecated. Please update the following actions to use Node.js 20: actions/checkout@v3'), LEVEL_SHARE);
  assert.equal(errorness('Trip report warning for anyone heading to Kenya'), 0);
  assert.ok(errorness('ERROR: Job failed: exit code 1') > LEVEL_SHARE);
});

const PASTE = [
  'web-1  | Watching for file changes with StatReloader',
  'web-1  | Performing system checks...',
  'web-1  | System check identified no issues (0 silenced).',
  'web-1  | You have 4 unapplied migration(s). Your project may not work properly until you apply the migrations for app(s): catalog, orders.',
  "web-1  | Run 'python manage.py migrate' to apply them.",
  'web-1  | Django version 5.0.3, using settings shop.settings.dev',
  'web-1  | Starting development server at http://0.0.0.0:8000/',
  'web-1  | Quit the server with CONTROL-C.',
  'web-1  | Loaded 12 fixtures in 0.4s',
  'web-1  | [11/Mar/2025 09:42:20] "GET /health HTTP/1.1" 200 2',
  'web-1  | [11/Mar/2025 09:42:25] "GET /health HTTP/1.1" 200 2',
  'web-1  | [11/Mar/2025 09:42:30] "GET /static/app.css HTTP/1.1" 200 5120',
  'web-1  | Internal Server Error: /api/orders/',
  'web-1  | Traceback (most recent call last):',
  'web-1  |   File "/usr/local/lib/python3.12/site-packages/django/db/backends/utils.py", line 105, in _execute',
  'web-1  |     return self.cursor.execute(sql, params)',
  'web-1  | psycopg.errors.UndefinedColumn: column orders_order.fulfilment_status does not exist',
].join('\n');

test('a warning far above the failure is compared by wording', async () => {
  const base = { resolvable: 'true', fix_success_rate: 0.8, aliases: [], regex: null } as const;
  const matcher = await matcherOf([
    { ...base, id: 'django/unapplied-migrations', signature: 'You have <n> unapplied migration(s). Your project may not work properly until you apply the migrations for app(s): <apps>.' },
    { ...base, id: 'postgres/relation-does-not-exist', signature: 'ERROR: relation "<table>" does not exist' },
  ]);
  const results = matcher.match(PASTE);
  assert.equal(results[0]?.id, 'django/unapplied-migrations', ranking(results));
});
