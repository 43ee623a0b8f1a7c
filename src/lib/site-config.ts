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

/** The public URL of the site: `ATLAS_SITE_URL` when set, else the default. */
export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  const fromEnv = env.ATLAS_SITE_URL?.trim();
  return fromEnv ? fromEnv : DEFAULT_SITE_URL;
}
