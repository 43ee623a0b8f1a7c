/** What the JSON API's endpoints share: the site URL they write into documents, and the response. */
import { siteUrl } from '../lib/site-config.ts';

export function siteOf(site: URL | undefined): string {
  return site?.href ?? siteUrl();
}

export function jsonResponse(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
