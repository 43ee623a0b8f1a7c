/**
 * Site settings, defined once: the languages the site is published in and where it is served from.
 * `astro.config.mjs`, the routes, the i18n strings and the CLI all read them from here.
 */

/** Every language a page exists in; the first is the default and has no path prefix. */
export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The BCP 47 tag of each language, for `lang` attributes, hreflang and the sitemap. */
export const LANG_TAG: Record<Locale, string> = { en: 'en', zh: 'zh-CN' };

/** Where the site says it is served when `ATLAS_SITE_URL` is not set (a reserved example domain). */
export const DEFAULT_SITE_URL = 'https://error-atlas.example';

/**
 * The public URL of the site: `ATLAS_SITE_URL` when set, else the default. It may end in a path
 * (`https://example.org/errors/`): the site is then built to be served under that path. Always ends
 * with `/`; anything but an absolute http(s) URL without query or fragment is refused by name.
 */
export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  const fromEnv = env.ATLAS_SITE_URL?.trim();
  if (!fromEnv) return `${DEFAULT_SITE_URL}/`;
  let url: URL;
  try {
    url = new URL(fromEnv);
  } catch {
    throw new Error(`ATLAS_SITE_URL: "${fromEnv}" is not an absolute URL (expected e.g. https://example.org/ or https://example.org/errors/)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`ATLAS_SITE_URL: "${fromEnv}" must be an http(s) URL`);
  if (url.search || url.hash) throw new Error(`ATLAS_SITE_URL: "${fromEnv}" must not have a query or fragment`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** The path the site is served under, from its URL: `/` or `/errors/`. */
export function basePath(url: string): string {
  return new URL(url).pathname;
}

/** Where the records are edited, for the pages' "edit" and "report a problem" links; none when unset. */
export interface RepoSettings {
  /** `https://github.com/acme/error-atlas` */
  url: string;
  /** The branch edits go to (`ATLAS_REPO_BRANCH`, default `main`). */
  branch: string;
}

/** `ATLAS_REPO_URL` (an http(s) URL of a GitHub-style repository) and `ATLAS_REPO_BRANCH`, or null. */
export function repoSettings(env: Record<string, string | undefined> = process.env): RepoSettings | null {
  const raw = env.ATLAS_REPO_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ATLAS_REPO_URL: "${raw}" is not an absolute URL (expected e.g. https://github.com/acme/error-atlas)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`ATLAS_REPO_URL: "${raw}" must be an http(s) URL`);
  return { url: url.href.replace(/\/+$/, ''), branch: env.ATLAS_REPO_BRANCH?.trim() || 'main' };
}
