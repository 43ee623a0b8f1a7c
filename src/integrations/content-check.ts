/**
 * Runs the content check before Astro renders anything, so `astro build` alone can never publish a
 * partial site: a record that fails validation stops the build with the full report.
 *
 * Under `npm run build` (scripts/build/site.mjs) the check runs in a process of its own beside
 * Astro's start-up (scripts/build/check-records.ts), which writes its verdict to the file named by
 * `RECORDS_VERDICT_ENV`; this integration then only waits for that verdict before the build starts
 * bundling and rendering. The records are checked once either way.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { recordsDir } from '../node/records.ts';

/** The variable scripts/build/site.mjs sets (its own copy of the name: it loads no TypeScript). */
export const RECORDS_VERDICT_ENV = 'ATLAS_RECORDS_VERDICT';

/** What scripts/build/check-records.ts writes (site.mjs writes the same shape if it exits without one). */
export interface RecordsVerdict {
  errorCount: number;
  /** "0 errors, 0 warnings in 2522 record files (<dir>)". */
  summary: string;
}

/** How often to look for a verdict not written yet: the check takes about a second. */
const POLL_MS = 25;

async function readVerdict(file: string): Promise<RecordsVerdict> {
  while (!existsSync(file)) await sleep(POLL_MS);
  return JSON.parse(readFileSync(file, 'utf8')) as RecordsVerdict;
}

export function contentCheck(): AstroIntegration {
  let verdictFile: string | undefined;
  return {
    name: 'error-atlas:content-check',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        verdictFile = command === 'build' ? process.env[RECORDS_VERDICT_ENV] || undefined : undefined;
        if (verdictFile) return; // Checked beside this process; the verdict is awaited below.
        const { checkContent } = await import('../node/content-check.ts');
        const dir = recordsDir();
        // The format only: the editorial rules are the shipped knowledge base's bar (check:content, tests),
        // not a condition for building a site from anyone's records.
        const { result, lines } = checkContent(dir, { rules: false });
        for (const line of lines.slice(0, -1)) logger.warn(line);
        const summary = `${lines.at(-1)} (${dir})`;
        if (result.errorCount === 0) {
          logger.info(`records checked: ${summary}`);
          return;
        }
        // The dev server keeps running so the author can fix files; a build must fail.
        if (command === 'build') throw new Error(`The records failed validation: ${summary}. Fix the problems listed above.`);
        logger.error(`The records failed validation: ${summary}`);
      },
      // Before Vite bundles anything and before any page is rendered or written.
      'astro:build:start': async () => {
        if (!verdictFile) return;
        const verdict = await readVerdict(verdictFile);
        if (verdict.errorCount > 0) throw new Error(`The records failed validation: ${verdict.summary}. Fix the problems listed above.`);
      },
    },
  };
}
