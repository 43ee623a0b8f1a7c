/** `/_api/v1/records/<domain>/<slug>.json`: one record as JSON (lib/api/v1.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../../../../../data/site.ts';
import { recordApiFile } from '../../../../../lib/api/v1.ts';
import type { ErrorRecord } from '../../../../../lib/record/schema.ts';
import { jsonTextResponse, siteOf } from '../../../../../data/api.ts';
import { API_DIR } from '../../../../../lib/routing/paths.ts';
import { RECORD_API_FILES_ENV } from '../../../../../lib/api/files.ts';

export const getStaticPaths = (async () => {
  // `npm run build` writes these files itself, from the same function, beside Astro's start-up
  // (scripts/build/site.mjs): as pages they took a sixth of the rendering time.
  if (process.env[RECORD_API_FILES_ENV]) return [];
  const { records } = await getSiteData();
  return records.map((record) => {
    const [domain, slug] = record.id.split('/');
    return { params: { api: API_DIR, domain, slug }, props: { record } };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => jsonTextResponse(recordApiFile((props as { record: ErrorRecord }).record, siteOf(site)).body);
