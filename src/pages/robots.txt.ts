/** `/robots.txt`: everything may be crawled; the sitemap is named with the site's public URL. */
import type { APIRoute } from 'astro';
import { sitePath } from '../lib/routing/paths.ts';
import { siteUrl } from '../lib/site-config.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(sitePath('sitemap-index.xml'), site ?? siteUrl()).href}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
