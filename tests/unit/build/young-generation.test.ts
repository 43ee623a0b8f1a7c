import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { countRecordFiles, LARGE_CORPUS_RECORDS, recordsDirOf, semiSpaceFlag } from '../../../scripts/build/young-generation.mjs';
import { listRecordPaths, recordsDir } from '../../../src/node/records.ts';

test('the young generation stays small up to a large corpus, full size above it', () => {
  assert.equal(semiSpaceFlag(2_522), '--max-semi-space-size=4');
  assert.equal(semiSpaceFlag(LARGE_CORPUS_RECORDS), '--max-semi-space-size=4');
  assert.equal(semiSpaceFlag(LARGE_CORPUS_RECORDS + 1), '--max-semi-space-size=16');
  assert.equal(semiSpaceFlag(20_000), '--max-semi-space-size=16');
  // An unreadable directory counts 0 records: the small, memory-safe setting.
  assert.equal(semiSpaceFlag(0), '--max-semi-space-size=4');
});

test('the records directory and its count agree with src/node/records.ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-young-'));
  try {
    mkdirSync(join(dir, 'grpc'));
    mkdirSync(join(dir, 'node'));
    mkdirSync(join(dir, '.hidden'));
    writeFileSync(join(dir, 'grpc', 'a.json'), '{}');
    writeFileSync(join(dir, 'grpc', 'b.json'), '{}');
    writeFileSync(join(dir, 'grpc', 'notes.md'), '');
    writeFileSync(join(dir, 'node', 'c.json'), '{}');
    writeFileSync(join(dir, '.hidden', 'd.json'), '{}');
    writeFileSync(join(dir, 'top.json'), '{}');
    assert.equal(countRecordFiles(dir), 3);
    assert.equal(countRecordFiles(dir), listRecordPaths(dir).length);
    assert.equal(countRecordFiles(join(dir, 'missing')), 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const root = resolve('/project');
  for (const fromEnv of [undefined, '', '  ', 'records', '/elsewhere/records']) {
    const saved = process.env.ATLAS_ERRORS_DIR;
    if (fromEnv === undefined) delete process.env.ATLAS_ERRORS_DIR;
    else process.env.ATLAS_ERRORS_DIR = fromEnv;
    try {
      assert.equal(recordsDirOf(root, fromEnv), recordsDir(root), String(fromEnv));
    } finally {
      if (saved === undefined) delete process.env.ATLAS_ERRORS_DIR;
      else process.env.ATLAS_ERRORS_DIR = saved;
    }
  }
});
