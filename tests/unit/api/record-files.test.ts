import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { recordApiFile, recordDocument } from '../../../src/lib/api/v1.ts';
import { RecordSchema, type ErrorRecord } from '../../../src/lib/record/schema.ts';
import { recordApiPath } from '../../../src/lib/routing/paths.ts';
import { writeRecordApiFiles } from '../../../src/node/record-api-files.ts';
import { exampleRecord } from '../../helpers.ts';

const SITE = 'https://errors.example.org/';

function records(): ErrorRecord[] {
  const first = RecordSchema.parse(exampleRecord());
  const second = RecordSchema.parse({ ...exampleRecord(), id: 'node/other-error' });
  return [first, second];
}

test("a record's API file is where its URL says, holding the document the route serves", () => {
  const [record] = records();
  const { file, body } = recordApiFile(record!, SITE);
  // The site folder's path is the URL's path without the base (here the root).
  assert.equal(`/${file}`, recordApiPath(record!.id));
  assert.equal(file, `_api/v1/records/${record!.id}.json`);
  assert.equal(body, JSON.stringify(recordDocument(record!, SITE)));
  assert.equal((JSON.parse(body) as { json: string }).json, new URL(recordApiPath(record!.id), SITE).href);
});

test('the build writes one file per record, in its domain folder, with those bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-api-files-'));
  try {
    const all = records();
    assert.equal(writeRecordApiFiles(all, SITE, dir), 2);
    assert.deepEqual(readdirSync(join(dir, '_api', 'v1', 'records')).sort(), ['grpc', 'node']);
    for (const record of all) {
      const { file, body } = recordApiFile(record, SITE);
      assert.equal(readFileSync(join(dir, file), 'utf8'), body);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
