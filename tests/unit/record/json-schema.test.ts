import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { RECORD_SCHEMA_FILE, recordJsonSchema, recordJsonSchemaText } from '../../../src/lib/record/json-schema.ts';
import { RECORD_FIELDS } from '../../../src/lib/record/schema.ts';
import { exampleRecord, ROOT } from '../../helpers.ts';

const validate = new Ajv2020({ strict: false, allErrors: true }).compile(recordJsonSchema());

test('the JSON Schema kept in the repository is the one the Zod schema generates (npm run write:schema)', () => {
  assert.equal(readFileSync(`${ROOT}${RECORD_SCHEMA_FILE}`, 'utf8'), recordJsonSchemaText());
});

test('the JSON Schema names every field of the format', () => {
  const properties = Object.keys((recordJsonSchema() as { properties: Record<string, unknown> }).properties);
  assert.deepEqual(properties, RECORD_FIELDS);
});

test('the JSON Schema takes the example as its user wrote it, with a $schema key, and refuses what the format refuses: a missing signature, a bad id, a rate above 1', () => {
  assert.ok(validate({ ...exampleRecord(), $schema: '../../record.schema.json' }), JSON.stringify(validate.errors));
  const { signature: _signature, ...withoutSignature } = exampleRecord();
  assert.equal(validate(withoutSignature), false);
  assert.equal(validate({ ...exampleRecord(), id: 'No Slash' }), false);
  assert.equal(validate({ ...exampleRecord(), fix_success_rate: 1.5 }), false);
  assert.equal(validate({ ...exampleRecord(), localized_aliases: [{ locale: 'Chinese', text: 'x' }] }), false);
});
