/** `/_api/v1/records/<domain>/<slug>.json`: one record as JSON (lib/api/v1.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../../../../../data/site.ts';
import { recordDocument } from '../../../../../lib/api/v1.ts';
import type { ErrorRecord } from '../../../../../lib/record/schema.ts';
import { jsonResponse, siteOf } from '../../../../../data/api.ts';
import { API_DIR } from '../../../../../lib/routing/paths.ts';

export const getStaticPaths = (async () => {
  const { records } = await getSiteData();
  return records.map((record) => {
    const [domain, slug] = record.id.split('/');
    return { params: { api: API_DIR, domain, slug }, props: { record } };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => jsonResponse(recordDocument((props as { record: ErrorRecord }).record, siteOf(site)));
