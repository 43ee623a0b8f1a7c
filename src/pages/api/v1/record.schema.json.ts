/** `/api/v1/record.schema.json`: the record format as JSON Schema, derived from the Zod schema. */
import type { APIRoute } from 'astro';
import { recordJsonSchemaText } from '../../../lib/record/json-schema.ts';

export const GET: APIRoute = () => new Response(recordJsonSchemaText(), { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
