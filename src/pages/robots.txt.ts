/** `/robots.txt`: everything may be crawled; the sitemap is named with the site's public URL. */
import type { APIRoute } from 'astro';
import { sitePath } from '../lib/routing/paths.ts';
import { absoluteUrl } from '../data/site-url.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(sitePath('sitemap-index.xml'), site)}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
