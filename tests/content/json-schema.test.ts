import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { recordJsonSchema } from '../../src/lib/record/json-schema.ts';
import { listRecordPaths } from '../../src/node/records.ts';
import { ROOT } from '../helpers.ts';

const validate = new Ajv2020({ strict: false, allErrors: true }).compile(recordJsonSchema());

test('every shipped record validates against the published JSON Schema', () => {
  const dir = join(ROOT, 'content/errors');
  const paths = listRecordPaths(dir);
  assert.ok(paths.length >= 100);
  for (const path of paths) {
    const record = JSON.parse(readFileSync(join(dir, path), 'utf8'));
    assert.ok(validate(record), `${path}: ${JSON.stringify(validate.errors)}`);
  }
});
