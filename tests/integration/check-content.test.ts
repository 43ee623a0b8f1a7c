/** `npm run check:content` as an author runs it: the format everywhere, the editorial rules on the shipped content. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkContent } from '../../src/node/content-check.ts';
import { EXAMPLE_PATH, exampleRecord, ROOT } from '../helpers.ts';

const PATH = 'grpc/grpc-connection-reset-by-peer.json';

test('check:content prints the report and exits 1; with the same report the build uses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bad-'));
  mkdirSync(join(dir, 'grpc'));
  const record = exampleRecord();
  record.fix_success_rate = 7;
  writeFileSync(join(dir, PATH), JSON.stringify(record));
  writeFileSync(join(dir, 'grpc', 'broken.json'), '{ "id": ');
  const run = spawnSync(process.execPath, ['scripts/content/check.ts'], {
    cwd: ROOT,
    env: { ...process.env, ATLAS_ERRORS_DIR: dir },
    encoding: 'utf8',
  });
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, /grpc-connection-reset-by-peer\.json: fix_success_rate: must be between 0 and 1 \(got 7\)/);
  assert.match(run.stdout, /broken\.json: \(file\): invalid JSON at line 1, column 8: Unexpected end of JSON input/);
  assert.match(run.stdout, /check:content failed \(format\): 2 errors, 0 warnings in 2 record files/);
});

test('on the shipped content the editorial rules are reported with the format, naming the examples file', () => {
  const root = mkdtempSync(join(tmpdir(), 'atlas-root-'));
  mkdirSync(join(root, 'content/errors/grpc'), { recursive: true });
  mkdirSync(join(root, 'tests/content/examples'), { recursive: true });
  mkdirSync(join(root, 'tests/content/overlaps'), { recursive: true });
  cpSync(EXAMPLE_PATH, join(root, 'content/errors', PATH));
  writeFileSync(join(root, 'tests/content/examples/grpc.json'), JSON.stringify({ 'grpc/grpc-connection-reset-by-peer': ['UNAVAILABLE: grpc: connection error: connection reset by peer'] }));
  const shipped = checkContent(join(root, 'content/errors'), { root });
  assert.equal(shipped.rules, true);
  assert.ok(shipped.lines.includes('tests/content/examples/grpc.json: grpc/grpc-connection-reset-by-peer: needs at least 3 example messages as the tool prints them (got 1)'), shipped.lines.join('\n'));
  // The record as the user sent it is valid, but not what this knowledge base publishes: its dead ends say no action.
  assert.ok(shipped.lines.some((line) => /grpc-connection-reset-by-peer\.json: dead_ends\[0\]\.action: needs to say what was tried$/.test(line)), shipped.lines.join('\n'));
  // Every problem on one line, as the format's own: file, field, what is wrong (then the count).
  for (const line of shipped.lines.slice(0, -1)) assert.match(line, /^\S[^:]*\.json: \S[^:]*: .+/);
  // The same records anywhere else are checked against the format only.
  const elsewhere = checkContent(join(root, 'content/errors'), { root: tmpdir() });
  assert.equal(elsewhere.rules, false);
  assert.equal(elsewhere.result.errorCount, 0);
});
