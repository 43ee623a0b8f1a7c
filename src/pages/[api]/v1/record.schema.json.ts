/** `/_api/v1/record.schema.json`: the record format as JSON Schema, derived from the Zod schema. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { recordJsonSchemaText } from '../../../lib/record/json-schema.ts';
import { API_DIR } from '../../../lib/routing/paths.ts';

export const getStaticPaths = (() => [{ params: { api: API_DIR } }]) satisfies GetStaticPaths;

export const GET: APIRoute = () => new Response(recordJsonSchemaText(), { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
