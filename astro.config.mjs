// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { createHash } from 'node:crypto';
import { defineConfig } from 'astro/config';
import { contentCheck } from './src/integrations/content-check.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { recordsDir } from './src/lib/record/load.ts';

/** The public URL the site is served from: canonical links, hreflang alternates and the sitemap use it. */
const site = process.env.ATLAS_SITE_URL || 'https://error-atlas.example';

/**
 * One content cache per records directory: switching `ATLAS_ERRORS_DIR` between builds must neither
 * reuse another directory's entries nor warn about them.
 */
const cacheDir = `./node_modules/.astro/${createHash('sha256').update(recordsDir()).digest('hex').slice(0, 12)}/`;

export default defineConfig({
  site,
  cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Keep whitespace between inline elements: readers copy the text and Pagefind indexes it.
  compressHTML: true,
  i18n: {
    locales: ['en', 'zh'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: false },
  },
  integrations: [
    contentCheck(),
    mdx(),
    sitemap({
      i18n: { defaultLocale: 'en', locales: { en: 'en', zh: 'zh-CN' } },
    }),
    pagefind(),
  ],
});
