/**
 * URLs are a public contract: runbooks link to them. Every path the site emits is built here.
 */
export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Top-level path segments the site uses for its own pages; no domain may take one of these names. */
export const RESERVED_SEGMENTS = ['zh', 'en', 'search', 'match', 'about', 'format', 'pagefind', '_astro', 'matcher', '404'] as const;

function prefix(locale: Locale): string {
  return locale === DEFAULT_LOCALE ? '' : `/${locale}`;
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

/** The same page in another language: strips or adds the locale prefix, keeps the rest. */
export function switchLocalePath(pathname: string, to: Locale): string {
  const bare = pathname.replace(/^\/zh(?=\/|$)/, '') || '/';
  return to === DEFAULT_LOCALE ? bare : `/${to}${bare === '/' ? '/' : bare}`;
}
