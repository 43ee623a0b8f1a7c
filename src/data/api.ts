/** What the JSON API's endpoints share: their response (the site URL comes from site-url.ts). */
export { siteOf } from './site-url.ts';

export function jsonResponse(body: unknown): Response {
  return jsonTextResponse(JSON.stringify(body));
}

/** A response of JSON already serialised (a record's API file, lib/api/v1.ts `recordApiFile`). */
export function jsonTextResponse(text: string): Response {
  return new Response(text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
