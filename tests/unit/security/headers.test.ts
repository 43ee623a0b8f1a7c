import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatHeadersFile, formatPolicy, headersFor, IMMUTABLE_CACHE, mergePolicies, parseHeadersFile, parsePolicy, siteHeaderRules, toNginx } from '../../../src/lib/security/headers.ts';

const PAGE_A = "default-src 'none';img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA='; style-src 'self' 'sha256-SSS=';";
const PAGE_B = "default-src 'none'; script-src 'self' 'sha256-BBB='; style-src 'self';";

test('a policy is parsed into directives and written back', () => {
  const policy = parsePolicy(PAGE_A);
  assert.deepEqual([...policy.keys()], ['default-src', 'img-src', 'script-src', 'style-src']);
  assert.deepEqual(policy.get('script-src'), ["'self'", "'wasm-unsafe-eval'", "'sha256-AAA='"]);
  assert.equal(formatPolicy(policy), "default-src 'none'; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA='; style-src 'self' 'sha256-SSS='");
});

test('pages with different policies give a header that allows what each page allows', () => {
  const merged = mergePolicies([PAGE_A, PAGE_B]);
  assert.deepEqual(merged.get('script-src'), ["'self'", "'wasm-unsafe-eval'", "'sha256-AAA='", "'sha256-BBB='"]);
  assert.deepEqual(merged.get('style-src'), ["'self'", "'sha256-SSS='"]);
});

test('the header adds frame-ancestors, which a <meta> policy cannot carry', () => {
  const [rule] = siteHeaderRules(parsePolicy(PAGE_A));
  const csp = rule!.headers.find(([name]) => name === 'Content-Security-Policy')![1];
  assert.match(csp, /; frame-ancestors 'none'$/);
  assert.equal(rule!.path, '/*');
});

test('the _headers file round-trips and applies to matching paths only', () => {
  const rules = [...siteHeaderRules(parsePolicy(PAGE_A)), { path: '/match/', headers: [['X-Extra', 'yes']] as [string, string][] }];
  const text = formatHeadersFile(rules);
  assert.match(text, /^# /);
  assert.deepEqual(parseHeadersFile(text), rules);
  assert.equal(headersFor('/grpc/x/', rules).length, 3);
  assert.deepEqual(headersFor('/match/', rules).at(-1), ['X-Extra', 'yes']);
  assert.throws(() => parseHeadersFile('  X-Orphan: 1\n'), /_headers: "X-Orphan: 1" is not a "Name: value" line under a path/);
});

test('the nginx lines carry the same headers, quoted', () => {
  const nginx = toNginx(siteHeaderRules(parsePolicy(PAGE_A)));
  assert.match(nginx, /^add_header Content-Security-Policy "default-src 'none'; .*frame-ancestors 'none'" always;$/m);
  assert.match(nginx, /^add_header X-Content-Type-Options "nosniff" always;$/m);
  assert.throws(() => toNginx([{ path: '/match/', headers: [['X', '1']] }]), /only rules for every path \("\/\*"\) or for a folder/);
});

test('content-hashed folders are cached for good, and only they', () => {
  const rules = siteHeaderRules(parsePolicy(PAGE_A), ['/_astro/*', '/pagefind/index/*']);
  const cache = (path: string) => headersFor(path, rules).find(([name]) => name === 'Cache-Control')?.[1];
  assert.equal(cache('/_astro/MatchPage.D8SP7C9A.js'), IMMUTABLE_CACHE);
  assert.equal(cache('/pagefind/index/en_104a915.pf_index'), IMMUTABLE_CACHE);
  assert.equal(cache('/grpc/grpc-connection-reset-by-peer/'), undefined);
  assert.equal(cache('/pagefind/pagefind.js'), undefined);
  // The security headers still apply to the cached files.
  assert.ok(headersFor('/_astro/x.js', rules).some(([name]) => name === 'Content-Security-Policy'));
  assert.deepEqual(parseHeadersFile(formatHeadersFile(rules)), rules);
});

test('in nginx, a cached folder is a nested location that repeats the headers for every path', () => {
  const rules = siteHeaderRules(parsePolicy(PAGE_A), ['/_astro/*']);
  const nginx = toNginx(rules, '/errors/');
  const [outside, inside] = nginx.split(/^location \^~ \/errors\/_astro\/ \{$/m);
  assert.ok(inside, nginx);
  assert.doesNotMatch(outside!, /Cache-Control/);
  assert.match(inside!, /^    add_header Cache-Control "public, max-age=31536000, immutable" always;$/m);
  for (const name of ['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy']) assert.match(inside!, new RegExp(`^    add_header ${name} `, 'm'));
  assert.match(toNginx(rules), /^location \^~ \/_astro\/ \{$/m);
});
