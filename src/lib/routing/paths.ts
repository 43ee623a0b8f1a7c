/**
 * URLs are a public contract: runbooks link to them. Every path the site emits is built here, under
 * the site's base path (`base.ts`): `/grpc/x/` at the root of a host, `/errors/grpc/x/` under `/errors/`.
 */
import { DEFAULT_BUNDLE, SORTED_BUNDLE } from '../search/bundles.ts';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../site-config.ts';
import { SITE_BASE, stripBase, withBase } from './base.ts';

/** The guides written in MDX under `content/pages/<locale>/<name>.mdx`, each a page at `/<name>/`. */
export const GUIDES = ['about', 'format', 'runbooks'] as const;
export type GuideName = (typeof GUIDES)[number];

/**
 * The JSON API's folder. It starts with `_` because no domain can (their names start with a letter
 * or digit): a user's records may well have a domain called `api`.
 */
export const API_DIR = '_api';
/** The JSON API's files live under this versioned folder. */
export const API_ROOT = `${API_DIR}/v1`;

/**
 * What the build writes at the top of the site besides domain folders: language prefixes, the site's
 * own pages (search, match, the atlas, the guides), Astro's assets, the host files (`_headers`,
 * `_redirects`), the JSON API, the feed, llms.txt, robots.txt, both search bundles, the matcher
 * index, the 404 page and the sitemaps.
 * (The files of `public/` are added by the content check, which can read that folder.)
 */
export const RESERVED_SEGMENTS: readonly string[] = [...LOCALES, 'search', 'match', 'atlas', ...GUIDES, DEFAULT_BUNDLE, SORTED_BUNDLE, '_astro', '_headers', '_redirects', API_DIR, 'feed.xml', 'llms.txt', 'robots.txt', 'matcher', '404', '404.html', 'sitemap-index.xml'];
const SITEMAP_PART = /^sitemap-\d+\.xml$/;

/** Whether a domain name would collide with something the build writes at the top of the site. */
export function isReservedSegment(name: string, extra: readonly string[] = []): boolean {
  return RESERVED_SEGMENTS.includes(name) || SITEMAP_PART.test(name) || extra.includes(name);
}

function prefix(locale: Locale): string {
  return withBase(locale === DEFAULT_LOCALE ? '' : `/${locale}`).replace(/\/$/, '');
}

/** `/` or `/zh/`. */
export function homePath(locale: Locale): string {
  return `${prefix(locale)}/`;
}

/** A record page: `/<domain>/<slug>/` or `/zh/<domain>/<slug>/`. */
export function recordPath(id: string, locale: Locale = DEFAULT_LOCALE): string {
  return `${prefix(locale)}/${id}/`;
}

/** A domain listing: `/<domain>/` or `/zh/<domain>/`. */
export function domainPath(domain: string, locale: Locale = DEFAULT_LOCALE): string {
  return `${prefix(locale)}/${domain}/`;
}

/** A site page such as `search`, `match`, `about` or `format`. */
export function pagePath(page: string, locale: Locale = DEFAULT_LOCALE): string {
  return `${prefix(locale)}/${page}/`;
}

const LOCALE_PREFIX = new RegExp(`^/(?:${LOCALES.filter((locale) => locale !== DEFAULT_LOCALE).join('|')})(?=/|$)`);

/** The same page in another language: strips or adds the locale prefix, keeps the rest (and the base). */
export function switchLocalePath(pathname: string, to: Locale, base: string = SITE_BASE): string {
  const bare = stripBase(pathname, base).replace(LOCALE_PREFIX, '') || '/';
  return withBase(to === DEFAULT_LOCALE ? bare : `/${to}${bare}`, base);
}

/** The Atom feed of new and updated records in a language: `/feed.xml`, `/zh/feed.xml`. */
export function feedPath(locale: Locale = DEFAULT_LOCALE): string {
  return `${prefix(locale)}/feed.xml`;
}

/** A file of the JSON API: `/_api/v1/records.json`. */
export function apiPath(file: string): string {
  return withBase(`/${API_ROOT}/${file}`);
}

/** One record as JSON: `/_api/v1/records/<domain>/<slug>.json`. */
export function recordApiPath(id: string): string {
  return apiPath(`records/${id}.json`);
}

/** A file the build writes at the top of the site (`favicon.svg`, `sitemap-index.xml`), under the base. */
export function sitePath(file: string): string {
  return withBase(`/${file}`);
}
