/** What the JSON API's endpoints share: their response (the site URL comes from site-url.ts). */
export { siteOf } from './site-url.ts';

export function jsonResponse(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
