/** `/_api/v1/domains.json`: the domains, their counts and listing pages (lib/api/v1.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonResponse, siteOf } from '../../../data/api.ts';
import { getSiteData } from '../../../data/site.ts';
import { domainsDocument } from '../../../lib/api/v1.ts';
import { API_DIR } from '../../../lib/routing/paths.ts';

export const getStaticPaths = (() => [{ params: { api: API_DIR } }]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site }) => jsonResponse(domainsDocument((await getSiteData()).domains, siteOf(site)));
