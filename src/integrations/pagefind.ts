/**
 * The search index of every build: Pagefind over the built site, two bundles, `pagefind/` and
 * `pagefind-sorted/` (see `lib/search/bundles.ts` and `node/search/indexer.ts`).
 *
 * `npm run build` (scripts/build/site.mjs) indexes after Astro's process has exited, so that
 * Pagefind's memory never adds to Astro's (docs/benchmarks.md, "Build"): it sets
 * `ATLAS_INDEX_HANDOFF` to a file, and this hook only writes the output directory there. A plain
 * `astro build`, without that variable, still ships a complete site: it indexes here, in Astro's
 * process, and says that `npm run build` does so with less memory. `ATLAS_SKIP_PAGEFIND=1` leaves
 * the index out (benchmarks that time indexing on its own).
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeIndex, indexSite } from '../node/search/indexer.ts';

/** The variable scripts/build/site.mjs sets (its own copy of the name: it loads no TypeScript): a file to write the output directory to, for indexing after Astro exits. */
export const INDEX_HANDOFF_ENV = 'ATLAS_INDEX_HANDOFF';

export function pagefind(): AstroIntegration {
  return {
    name: 'error-atlas:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const handoff = process.env[INDEX_HANDOFF_ENV];
        // Handed over even when not indexed: site.mjs also moves the records' API files into it.
        if (handoff) writeFileSync(handoff, siteDir);
        if (process.env.ATLAS_SKIP_PAGEFIND === '1') {
          logger.warn('ATLAS_SKIP_PAGEFIND=1: the search index was not built');
          return;
        }
        if (handoff) {
          logger.info('the search index is written once this process has exited (scripts/build/site.mjs)');
          return;
        }
        logger.info('indexing in Astro\'s process: `npm run build` indexes after Astro exits, with less memory');
        logger.info(describeIndex(await indexSite(siteDir)));
      },
    },
  };
}
