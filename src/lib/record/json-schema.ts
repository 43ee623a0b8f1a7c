/**
 * The record format as JSON Schema, derived from the one Zod schema (`schema.ts`), never written by
 * hand: editors validate records with it as people type. Published at `/_api/v1/record.schema.json`
 * and kept in the repository as `content/record.schema.json` (`npm run write:schema`); a unit test
 * fails when the two disagree.
 *
 * It describes what a file may contain (the input side). Checks JSON Schema cannot express (a link
 * being http(s), a date being a real day, the id matching the file's path) stay with `check:content`.
 */
import { z } from 'astro/zod';
import { RecordSchema } from './schema.ts';

export const RECORD_SCHEMA_FILE = 'content/record.schema.json';

export function recordJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(RecordSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'Error Atlas record',
    description: 'One software error: its signature, root cause, workarounds and dead ends. Documented in the record format guide (/format/).',
    ...rest,
  };
}

/** The file's text: stable key order, two-space indent, final newline. */
export function recordJsonSchemaText(): string {
  return `${JSON.stringify(recordJsonSchema(), null, 2)}\n`;
}
