// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { defineConfig } from 'astro/config';
import { contentCheck } from './src/integrations/content-check.ts';
import { digestMemo } from './src/integrations/digest-memo.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { redirects } from './src/integrations/redirects.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { basePath, DEFAULT_LOCALE, LANG_TAG, LOCALES, siteUrl } from './src/lib/site-config.ts';
import { recordsDir } from './src/node/records.ts';
import { CSP } from './src/lib/security/csp.ts';

/**
 * A build allocates a page's worth of short-lived objects per page, tens of thousands of times, and
 * V8 lets the heap grow to several times what is live before it collects: at 2,522 records the build
 * process peaked at 1.1 GB with 170 MB live. Growing the heap by at most 20 % between full
 * collections keeps the peak near what is live, for a few per cent more time (docs/benchmarks.md,
 * "Build"). V8 reads the flag at each collection, so setting it here, before any page is built, is
 * enough.
 */
setFlagsFromString('--heap-growing-percent=20');

/**
 * One content cache per records directory: switching `ATLAS_ERRORS_DIR` between builds must neither
 * reuse another directory's entries nor warn about them.
 */
const cacheDir = `./node_modules/.astro/${createHash('sha256').update(recordsDir()).digest('hex').slice(0, 12)}/`;

export default defineConfig({
  // The public URL: canonical links, hreflang alternates and the sitemap use it. Its path, if any
  // (`https://example.org/errors/`), is the base every link, asset and index is served under.
  site: siteUrl(),
  base: basePath(siteUrl()),
  cacheDir,
  trailingSlash: 'always',
  // Eight pages in flight at once instead of one after the other: while one page's file is written
  // (Astro makes its folder, opens, writes and closes it, each a wait for the file system), the next
  // pages render. At 2,522 records page rendering took 16-17 s one at a time and 13.5-15 s with 8,
  // with the same peak memory; 16 and 32 were no faster (docs/benchmarks.md, "Build"). The pages are
  // the same, byte for byte.
  build: { format: 'directory', concurrency: 8 },
  // Keep whitespace between inline elements: readers copy the text and Pagefind indexes it.
  compressHTML: true,
  i18n: {
    locales: [...LOCALES],
    defaultLocale: DEFAULT_LOCALE,
    routing: { prefixDefaultLocale: false },
  },
  // A strict Content-Security-Policy on every page (src/lib/security/csp.ts says what and why).
  security: { csp: CSP },
  // Shiki colours code with inline `style` attributes, which the policy forbids: guides' code blocks
  // are shown plain, styled by the site's CSS.
  markdown: { syntaxHighlight: false },
  // Page scripts as files, never inlined: a reader's browser caches them once for every page, and a
  // record page's HTML carries only its content (its weight is a target: docs/benchmarks.md).
  // Workers as ES modules (the pages create them with `type: 'module'`): what a worker imports on
  // demand stays a chunk of its own. As classic scripts (Vite's default) the matcher's worker carried
  // re2js inlined, three times its own size, downloaded and compiled before it could start on the
  // index, although most indexes never need it (docs/benchmarks.md, "Time to first result").
  vite: { build: { assetsInlineLimit: 0 }, worker: { format: 'es' } },
  integrations: [
    contentCheck(),
    // Each page's CSP hashes of the same inline scripts, computed once (src/node/build/digest-memo.ts).
    digestMemo(),
    mdx(),
    sitemap({
      i18n: { defaultLocale: DEFAULT_LOCALE, locales: LANG_TAG },
    }),
    // After the sitemap: takes the old addresses of renamed records out of it.
    redirects(),
    pagefind(),
    securityHeaders(),
  ],
});
