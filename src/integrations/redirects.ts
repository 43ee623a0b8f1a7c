/**
 * After the build: the old addresses of renamed records (`_redirects`, written by the build) are not
 * pages to index, so they leave the sitemap that @astrojs/sitemap wrote from every page.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { redirectedPaths, withoutRedirected } from '../lib/routing/redirects.ts';

export function redirects(): AstroIntegration {
  return {
    name: 'error-atlas:redirects',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const file = join(root, '_redirects');
        if (!existsSync(file)) return;
        const paths = redirectedPaths(readFileSync(file, 'utf8'));
        if (paths.size === 0) return;
        for (const name of readdirSync(root).filter((entry) => /^sitemap-\d+\.xml$/.test(entry))) {
          const path = join(root, name);
          writeFileSync(path, withoutRedirected(readFileSync(path, 'utf8'), paths));
        }
        logger.info(`${paths.size} old addresses redirect to renamed records; left out of the sitemap`);
      },
    },
  };
}
