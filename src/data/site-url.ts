/**
 * Absolute URLs on the site, for canonical links, feeds, JSON and text files. Pages and endpoints
 * get the site URL from Astro (`site`, set from site-config.ts in astro.config.mjs); this is the one
 * place that turns a site path into a URL with it.
 */
import { siteUrl } from '../lib/site-config.ts';

/** `path` (root-relative, base included) as an absolute URL on the site. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  return new URL(path, site ?? siteUrl()).href;
}

/** The site's own URL, as endpoints hand it to pure builders. */
export function siteOf(site: URL | undefined): string {
  return site?.href ?? siteUrl();
}
