/** `/_api/v1/records.json`: every record, one summary each (lib/api/v1.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonResponse, siteOf } from '../../../data/api.ts';
import { getSiteData } from '../../../data/site.ts';
import { recordsIndex } from '../../../lib/api/v1.ts';
import { API_DIR } from '../../../lib/routing/paths.ts';

export const getStaticPaths = (() => [{ params: { api: API_DIR } }]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site }) => jsonResponse(recordsIndex((await getSiteData()).records, siteOf(site)));
