import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MatchResult } from '../../../src/lib/matcher/types.ts';
import { formatReport, linkResults } from '../../../src/lib/present/match-report.ts';

const result = (over: Partial<MatchResult> = {}): MatchResult => ({
  id: 'grpc/x',
  domain: 'grpc',
  signature: 'UNAVAILABLE: grpc: connection reset',
  resolvable: 'true',
  fixSuccessRate: 0.8,
  score: 0.91,
  confidence: 'high',
  evidence: 'regex',
  lines: [{ index: 0, text: 'rpc failed: UNAVAILABLE: grpc: connection reset', start: 12, end: 48 }],
  ...over,
});

test('result URLs keep the path of a site served under one, and point at what works', () => {
  const [linked] = linkResults([result()], 'https://example.org/errors/');
  assert.equal(linked!.url, 'https://example.org/errors/grpc/x/');
  assert.equal(linked!.url_zh, 'https://example.org/errors/zh/grpc/x/');
  assert.equal(linked!.fix_url, 'https://example.org/errors/grpc/x/#workarounds');
});

test('Markdown names each record with a link, its confidence and what works; record text cannot become markup', () => {
  const hostile = result({ signature: 'boom [click](https://evil.example) <img src=x> *bold*', lines: [{ index: 0, text: 'a ``` b', start: -1, end: -1 }] });
  const out = formatReport(linkResults([hostile], 'https://atlas.test/'), 'markdown');
  assert.match(out, /^\*\*Error Atlas:\*\* 1 record matches this log\.\n\n1\. \[boom \\\[click\\\]\\\(https:\/\/evil\.example\\\) \\<img src=x\\> \\\*bold\\\*\]\(https:\/\/atlas\.test\/grpc\/x\/\) \(high confidence, grpc\) · \[what works\]\(https:\/\/atlas\.test\/grpc\/x\/#workarounds\)\n/);
  assert.match(out, /matched: ```` a ``` b ````\n$/);
  assert.equal(formatReport([], 'markdown'), '**Error Atlas:** No convincing match: no record explains this text clearly enough. If it is an excerpt, paste more of the output around the error.\n');
});

test('GitHub annotations escape what workflow commands would read as syntax', () => {
  const out = formatReport(linkResults([result({ signature: 'a: b, 100%\nc' })], 'https://atlas.test/'), 'github');
  assert.equal(out, '::notice title=Error Atlas%3A a%3A b%2C 100%25%0Ac::high confidence match: https://atlas.test/grpc/x/ (what works: https://atlas.test/grpc/x/#workarounds)\n');
  assert.equal(formatReport([], 'github'), '::notice title=Error Atlas::No convincing match: no record explains this text clearly enough. If it is an excerpt, paste more of the output around the error.\n');
});

test('text and JSON carry the same results', () => {
  const linked = linkResults([result()], 'https://atlas.test/');
  assert.match(formatReport(linked, 'text'), /^1\. grpc\/x {2}\(high confidence, score 0\.910, regex\)\n {3}UNAVAILABLE: grpc: connection reset\n {3}https:\/\/atlas\.test\/grpc\/x\/\n {3}matched: rpc failed/);
  assert.deepEqual(JSON.parse(formatReport(linked, 'json')), linked);
});
