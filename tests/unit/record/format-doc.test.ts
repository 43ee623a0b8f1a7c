import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { RECORD_LIMITS } from '../../../src/lib/record/limits.ts';
import { DeadEndSchema, LocalizedAliasSchema, RECORD_FIELDS, ReviewSchema, TransitionEdgeSchema, VersionSchema, WorkaroundSchema } from '../../../src/lib/record/schema.ts';
import { ROOT } from '../../helpers.ts';

/** An edge is a bare id or an object: the object's fields. */
const EDGE_FIELDS = Object.keys(TransitionEdgeSchema.options[1].shape);

/** Field names documented in the guide's tables: the first cell of each row, in backticks. */
function documentedFields(lang: string): Set<string> {
  const text = readFileSync(`${ROOT}content/pages/${lang}/format.mdx`, 'utf8');
  return new Set([...text.matchAll(/^\| `(\$?[a-z_]+)` \|/gm)].map((match) => match[1] as string));
}

for (const lang of ['en', 'zh']) {
  test(`the ${lang} record format guide documents every field the schema defines`, () => {
    const documented = documentedFields(lang);
    const expected = [
      ...RECORD_FIELDS,
      ...Object.keys(DeadEndSchema.shape),
      ...Object.keys(WorkaroundSchema.shape),
      ...Object.keys(VersionSchema.shape),
      ...Object.keys(LocalizedAliasSchema.shape),
      ...Object.keys(ReviewSchema.shape),
      ...EDGE_FIELDS,
    ];
    assert.deepEqual(expected.filter((field) => !documented.has(field)), []);
  });

  test(`the ${lang} guide documents no field the schema lacks`, () => {
    const known = new Set<string>([...RECORD_FIELDS, ...Object.keys(DeadEndSchema.shape), ...Object.keys(WorkaroundSchema.shape), ...Object.keys(VersionSchema.shape), ...Object.keys(LocalizedAliasSchema.shape), ...Object.keys(ReviewSchema.shape), ...EDGE_FIELDS]);
    assert.deepEqual([...documentedFields(lang)].filter((field) => !known.has(field)), []);
  });
}

for (const lang of ['en', 'zh']) {
  test(`the ${lang} guide states every record limit as the check applies it`, () => {
    const text = readFileSync(`${ROOT}content/pages/${lang}/format.mdx`, 'utf8');
    const rows = [...text.matchAll(/^\|.*\|\s*([\d,]+)\s[^|]*\|$/gm)].map((match) => Number(match[1]!.replace(/,/g, '')));
    assert.deepEqual(rows.sort((a, b) => a - b), Object.values(RECORD_LIMITS).sort((a, b) => a - b));
  });
}
