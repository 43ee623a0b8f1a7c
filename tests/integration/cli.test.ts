import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'tests/fixtures/matcher-records');
const run = (args: string[], input = '') =>
  spawnSync(process.execPath, [join(ROOT, 'scripts/match/cli.ts'), ...args], { input, encoding: 'utf8', env: { ...process.env, ATLAS_SITE_URL: 'https://atlas.test/' } });

test('--json prints ranked records with page URLs', () => {
  const out = run(['--errors', FIXTURES, '--json'], 'UNAVAILABLE: grpc: connection error: connection reset by peer\n');
  assert.equal(out.status, 0, out.stderr);
  const results = JSON.parse(out.stdout);
  assert.ok(Array.isArray(results));
  assert.equal(results[0].id, 'demo/connection-reset-by-peer');
  assert.equal(results[0].url, 'https://atlas.test/demo/connection-reset-by-peer/');
  assert.equal(typeof results[0].score, 'number');
  assert.ok(Array.isArray(results[0].lines));
});

test('--jsonl answers one line per query, empty ranked when it abstains', () => {
  const dir = mkdtempSync(join(tmpdir(), 'match-cli-'));
  const file = join(dir, 'q.jsonl');
  writeFileSync(file, `${JSON.stringify({ qid: 'a', text: "ModuleNotFoundError: No module named 'x'" })}\n${JSON.stringify({ qid: 'b', text: 'all good' })}\n`);
  const out = run(['--errors', FIXTURES, '--jsonl', file, '--top', '3']);
  assert.equal(out.status, 0, out.stderr);
  const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 2);
  assert.deepEqual(Object.keys(lines[0]), ['qid', 'ranked', 'ms']);
  assert.equal(lines[0].qid, 'a');
  assert.equal(lines[0].ranked[0], 'demo/module-not-found');
  assert.ok(lines[0].ranked.length <= 3);
  assert.equal(typeof lines[0].ms, 'number');
  assert.deepEqual(lines[1], { qid: 'b', ranked: [], ms: lines[1].ms });
});

test('bad arguments and unreadable files exit with code 2 and say what is wrong', () => {
  const unknown = run(['--errors', FIXTURES, '--bogus']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /Unknown option '--bogus'/);
  const top = run(['--errors', FIXTURES, '--top', 'zero']);
  assert.equal(top.status, 2);
  assert.match(top.stderr, /--top/);
  const missing = run(['--errors', join(FIXTURES, 'nope')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /nope.*does not exist/);
  const dir = mkdtempSync(join(tmpdir(), 'match-cli-'));
  const bad = join(dir, 'bad.jsonl');
  writeFileSync(bad, '{"qid": "a", "text": "x"}\nnot json\n');
  const badJsonl = run(['--errors', FIXTURES, '--jsonl', bad]);
  assert.equal(badJsonl.status, 2);
  assert.match(badJsonl.stderr, /bad\.jsonl line 2: not valid JSON/);
});

test('the paste can be a file named after the options, or `-` for standard input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'match-cli-paste-'));
  const file = join(dir, 'paste.txt');
  writeFileSync(file, 'UNAVAILABLE: grpc: connection error: connection reset by peer\n');
  const fromFile = run(['--errors', FIXTURES, '--json', file], 'all good\n');
  assert.equal(fromFile.status, 0, fromFile.stderr);
  assert.equal(JSON.parse(fromFile.stdout)[0].id, 'demo/connection-reset-by-peer');
  const dash = run(['--errors', FIXTURES, '--json', '-'], "ModuleNotFoundError: No module named 'x'\n");
  assert.equal(dash.status, 0, dash.stderr);
  assert.equal(JSON.parse(dash.stdout)[0].id, 'demo/module-not-found');
  const missing = run(['--errors', FIXTURES, join(dir, 'nope.txt')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /paste file .*nope\.txt does not exist/);
  const two = run(['--errors', FIXTURES, file, file]);
  assert.equal(two.status, 2);
  assert.match(two.stderr, /one paste file at most/);
  const withJsonl = run(['--errors', FIXTURES, '--jsonl', file, file]);
  assert.equal(withJsonl.status, 2);
  assert.match(withJsonl.stderr, /cannot go with it/);
});

test('records are loaded as the site loads them: an invalid record stops the CLI with its file and field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'match-cli-records-'));
  mkdirSync(join(dir, 'demo'));
  writeFileSync(join(dir, 'demo/bad.json'), JSON.stringify({ id: 'demo/bad', signature: 'x failed', domain: 'demo', category: 'c', workarounds: 'none' }));
  const out = run(['--errors', dir], 'x failed\n');
  assert.equal(out.status, 2);
  assert.match(out.stderr, /demo\/bad\.json: workarounds: must be a list/);
});

test('a paste on which a pattern backtracks stops at the time budget with a message, in both modes', () => {
  // Two wildcards (degree 2) run on V8; before a line's only `fatalx`, each start position tries every
  // pair of split points: about 10^9 steps per 1,000-character window.
  const dir = mkdtempSync(join(tmpdir(), 'match-cli-slow-'));
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'app/slow.json'), JSON.stringify({ id: 'app/slow', signature: 'slow thing failed', regex: '\\s.*\\s.*fatalx', domain: 'app', category: 'runtime_error' }));
  const paste = `fatalx${' a b'.repeat(400)}\n`.repeat(40);
  const started = Date.now();
  const single = run(['--errors', dir, '--budget-ms', '300'], paste);
  assert.equal(single.status, 2, single.stdout);
  assert.match(single.stderr, /gave up after 0\.3 s: a record's pattern is too slow on this paste/);
  const file = join(dir, 'q.jsonl');
  writeFileSync(file, `${JSON.stringify({ qid: 'slow', text: paste })}\n${JSON.stringify({ qid: 'fine', text: 'slow thing failed' })}\n`);
  const bulk = run(['--errors', dir, '--budget-ms', '300', '--jsonl', file]);
  assert.equal(bulk.status, 0, bulk.stderr);
  const [slow, fine] = bulk.stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual([slow.qid, slow.ranked, slow.timedOut], ['slow', [], true]);
  assert.equal(fine.qid, 'fine');
  assert.equal(fine.timedOut, undefined);
  assert.ok(Date.now() - started < 60_000, 'the budget stopped the slow paste');
});

test('exit status says whether a record matched: 0 yes, 1 no; every format prints the page URL', () => {
  const paste = 'UNAVAILABLE: grpc: connection error: connection reset by peer\n';
  for (const format of ['text', 'markdown', 'github']) {
    const out = run(['--errors', FIXTURES, '--format', format, '--site-url', 'https://example.org/kb/'], paste);
    assert.equal(out.status, 0, `${format}: ${out.stderr}`);
    assert.ok(out.stdout.includes('https://example.org/kb/demo/connection-reset-by-peer/'), `${format}: ${out.stdout}`);
  }
  const none = run(['--errors', FIXTURES, '--format', 'github'], 'all good\n');
  assert.equal(none.status, 1, none.stderr);
  assert.match(none.stdout, /^::notice title=Error Atlas::No convincing match/);
  const json = run(['--errors', FIXTURES, '--format', 'json'], 'all good\n');
  assert.equal(json.status, 1);
  assert.deepEqual(JSON.parse(json.stdout), []);
});

test('a format or site URL the CLI cannot use is bad usage (exit 2)', () => {
  const format = run(['--errors', FIXTURES, '--format', 'yaml'], 'x\n');
  assert.equal(format.status, 2);
  assert.match(format.stderr, /--format must be one of text, json, markdown, github, got "yaml"/);
  const site = run(['--errors', FIXTURES, '--site-url', 'example.org'], 'x\n');
  assert.equal(site.status, 2);
  assert.match(site.stderr, /--site-url: "example\.org" is not an absolute URL/);
  const both = run(['--errors', FIXTURES, '--json', '--format', 'markdown'], 'x\n');
  assert.equal(both.status, 2);
});
