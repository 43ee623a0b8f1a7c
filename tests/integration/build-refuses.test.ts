import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { exampleRecord, ROOT } from '../helpers.ts';

test('astro build fails with the full report and writes no site when a record is invalid', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-build-'));
  mkdirSync(join(dir, 'grpc'));
  const record = exampleRecord();
  record.resolvable = 'maybe';
  record.workarounds[0].sources = ['javascript:alert(1)'];
  writeFileSync(join(dir, 'grpc', 'grpc-connection-reset-by-peer.json'), JSON.stringify(record));
  const outDir = join(dir, 'dist');
  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    cwd: ROOT,
    env: { ...process.env, ATLAS_ERRORS_DIR: dir, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  const output = run.stdout + run.stderr;
  assert.notEqual(run.status, 0, 'the build must fail');
  assert.match(output, /grpc-connection-reset-by-peer\.json: workarounds\[0\]\.sources\[0\]: must be an absolute http:\/\/ or https:\/\/ URL \(got "javascript:alert\(1\)"\)/);
  assert.match(output, /grpc-connection-reset-by-peer\.json: resolvable: must be "true", "partial" or "false" \(got "maybe"\)/);
  assert.match(output, /The records failed validation: 2 errors/);
  assert.equal(existsSync(join(outDir, 'index.html')), false, 'no partial site is written');
});
