/**
 * Indexes the built site with Pagefind right after `astro build` writes it, so `npm run build`
 * (and every `astro build --outDir …` of the benchmarks) always ships a search index that matches
 * its pages: two bundles, `pagefind/` (no sort keys) and `pagefind-sorted/` (see
 * `lib/search/bundles.ts`). Set `ATLAS_SKIP_PAGEFIND=1` to leave the index out (the search
 * benchmark times the indexing step on its own).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { indexSite } from '../node/search/indexer.ts';

export function pagefind(): AstroIntegration {
  return {
    name: 'error-atlas:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.ATLAS_SKIP_PAGEFIND === '1') {
          logger.warn('ATLAS_SKIP_PAGEFIND=1: the search index was not built');
          return;
        }
        const stats = await indexSite(fileURLToPath(dir));
        const { default: plain, sorted } = stats.bundles;
        logger.info(`indexed ${stats.pages} pages in ${stats.languages.join(', ')} in ${stats.seconds.toFixed(1)} s → ${sorted.outputPath} (${sorted.seconds.toFixed(1)} s) and its copy without sort keys ${plain.outputPath} (${plain.seconds.toFixed(1)} s)`);
      },
    },
  };
}
