/**
 * An alias that is a whole log line holds the example's values (a request path, a client, a uuid,
 * a duration); a record without a pattern is found by its whole wording without them
 * (vocabulary.ts, wholeWordingsOf; similarity.ts, wholeWording).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indexOf, matcherOf, ranking } from './fixture.ts';
import { buildVocabulary } from '../../../src/lib/matcher/vocabulary.ts';

const base = { domain: 'envoy', category: 'network_error', regex: null, resolvable: 'true', fix_success_rate: 0.7 } as const;
const records = [
  {
    ...base,
    id: 'envoy/overflow',
    signature: 'upstream connect error or disconnect/reset before headers. reset reason: overflow',
    aliases: ['[2026-10-01T08:00:00.000Z] "GET /api/cart HTTP/1.1" 503 UO upstream_reset_before_response_started{overflow} - "-" 0 81 1 - "-" "curl/8.5.0" "0d9e8f7a-1b2c-4d3e-8f4a-5b6c7d8e9f01" "cart:8080" "-"'],
  },
  { ...base, id: 'envoy/termination', signature: 'upstream connect error or disconnect/reset before headers. reset reason: connection termination', aliases: [] },
  { ...base, domain: 'npm', id: 'npm/e404', signature: 'npm ERR! 404 Not Found - GET https://<registry>/<package> - Not found', aliases: ["npm ERR! 404  'left-padd@latest' is not in this registry."] },
  { ...base, domain: 'http', id: 'http/503', signature: 'HTTP 503 Service Unavailable', aliases: [] },
  {
    ...base,
    domain: 'django',
    id: 'django/csrf-failed',
    signature: 'Forbidden (403) CSRF verification failed. Request aborted.',
    aliases: ['Forbidden (Origin checking failed - https://shop.example.org does not match any trusted origins.): /accounts/login/'],
  },
  {
    ...base,
    domain: 'mongodb',
    id: 'mongodb/server-selection-timed-out',
    signature: 'MongoServerSelectionError: Server selection timed out after <n> ms',
    aliases: ['pymongo.errors.ServerSelectionTimeoutError: cluster0-shard-00-01.abcd1.mongodb.net:27017: timed out, Timeout: 30s, Topology Description: <TopologyDescription topology_type: ReplicaSetNoPrimary>'],
  },
  { ...base, domain: 'mongodb', id: 'mongodb/auth-failed', signature: 'pymongo.errors.OperationFailure: Authentication failed., full error: {ok: 0, code: 18}', aliases: [] },
];

test('a log-line alias matches the same line with other values', async () => {
  const matcher = await matcherOf(records);
  const paste = '[2026-12-04T22:10:07.412Z] "POST /v2/checkout HTTP/2" 503 UO upstream_reset_before_response_started{overflow} - "-" 733 81 0 - "10.1.4.7" "okhttp/4.12.0" "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d" "checkout.shop.svc:8443" "-"';
  const ranked = matcher.match(paste);
  assert.equal(ranked[0]?.id, 'envoy/overflow', ranking(ranked));
});

test('a URL and a path in an alias are where it happened, not what', async () => {
  const matcher = await matcherOf(records);
  const paste = 'WARNING 2026-03-02 09:14:55,102 log 9 139912 Forbidden (Origin checking failed - https://crm.acme.io does not match any trusted origins.): /admin/login/';
  const ranked = matcher.match(paste);
  assert.equal(ranked[0]?.id, 'django/csrf-failed', ranking(ranked));
});

test('a host name in an alias is where it happened, not what', async () => {
  const index = indexOf(records);
  const vocabulary = buildVocabulary(index);
  const [, alias] = vocabulary.wholeWordingsOf(index.rec.findIndex((rec) => rec[0] === 'mongodb/server-selection-timed-out'));
  assert.ok(alias!.tokens.includes('timeout') && !alias!.tokens.includes('mongodb') && !alias!.tokens.includes('abcd1'), JSON.stringify(alias!.tokens));
  const matcher = await matcherOf(records);
  const paste = "pymongo.errors.ServerSelectionTimeoutError: ac-7hq2xkz-shard-00-01.p0zk1x3.mongodb.net:27017: timed out (configured timeouts: socketTimeoutMS: 20000.0ms, connectTimeoutMS: 20000.0ms), Timeout: 30s, Topology Description: <TopologyDescription id: 67c1a0f2e4b5d9a3c8f17e20, topology_type: ReplicaSetNoPrimary, servers: [<ServerDescription ('ac-7hq2xkz-shard-00-00.p0zk1x3.mongodb.net', 27017) server_type: Unknown, rtt: None>]>";
  const ranked = matcher.match(paste, { explain: true });
  assert.equal(ranked[0]?.id, 'mongodb/server-selection-timed-out', ranking(ranked));
  assert.ok(ranked[0]!.why!.whole! > 0, JSON.stringify(ranked[0]!.why));
  // A file name is not a host: `package.json` stays one of a wording's words.
  const npm = indexOf([{ ...base, domain: 'npm', id: 'npm/enoent', signature: 'npm ERR! enoent Could not read package.json: no such file', aliases: [] }]);
  assert.ok(buildVocabulary(npm).wholeWordingsOf(0)[0]!.tokens.includes('json'));
});

test("an alias's opening level word is how one program prints it, not part of the message", async () => {
  const gha = {
    ...base,
    domain: 'github-actions',
    id: 'github-actions/job-timeout',
    signature: 'The job running on runner <runner> has exceeded the maximum execution time of <n> minutes.',
    aliases: ["Error: The action 'Run e2e tests' has timed out after 20 minutes."],
  };
  const index = indexOf([...records, gha]);
  const [, alias] = buildVocabulary(index).wholeWordingsOf(index.rec.findIndex((rec) => rec[0] === gha.id));
  assert.ok(!alias!.tokens.includes('error') && alias!.tokens.includes('action'), JSON.stringify(alias!.tokens));
  const matcher = await matcherOf([...records, gha]);
  const ranked = matcher.match("2026-03-01T02:30:03.7771001Z ##[error]The action 'Run npx playwright test --project=chromium' has timed out after 20 minutes.", { explain: true });
  assert.equal(ranked[0]?.id, gha.id, ranking(ranked));
  assert.ok(ranked[0]!.why!.whole! > 0, JSON.stringify(ranked[0]!.why));
});

test("an alias's fixed words: without words that start with a digit or appear only in quotes", () => {
  const index = indexOf(records);
  const vocabulary = buildVocabulary(index);
  const row = (id: string) => index.rec.findIndex((rec) => rec[0] === id);
  const [, alias] = vocabulary.wholeWordingsOf(row('envoy/overflow'));
  assert.deepEqual([...alias!.tokens].sort(), ['befor', 'overflow', 'reset', 'respons', 'start', 'uo', 'upstream', 'upstream_reset_before_response_start']);
  // Fewer than FIXED_WORDS_MIN words would be left (`npm`, `err`, `registry`): the alias as it is.
  const npm = vocabulary.variantsOf(row('npm/e404'))[1]!;
  assert.equal(vocabulary.wholeWordingsOf(row('npm/e404'))[1], npm);
  assert.ok(npm.tokens.includes('left'), JSON.stringify(npm.tokens));
});
