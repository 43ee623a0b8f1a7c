/**
 * `npm run write:schema`: writes the record format's JSON Schema (src/lib/record/json-schema.ts) to
 * content/record.schema.json. Run it after changing src/lib/record/schema.ts; a test fails until then.
 */
import { writeFileSync } from 'node:fs';
import { RECORD_SCHEMA_FILE, recordJsonSchemaText } from '../../src/lib/record/json-schema.ts';

writeFileSync(RECORD_SCHEMA_FILE, recordJsonSchemaText());
console.log(`wrote ${RECORD_SCHEMA_FILE}`);
