import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatHeadersFile, formatPolicy, headersFor, mergePolicies, parseHeadersFile, parsePolicy, siteHeaderRules, toNginx } from '../../../src/lib/security/headers.ts';

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
  assert.throws(() => toNginx([{ path: '/match/', headers: [['X', '1']] }]), /only rules for every path/);
});
