/**
 * Runs the content check before Astro renders anything, so `astro build` alone can never publish a
 * partial site: a record that fails validation stops the build with the full report.
 */
import type { AstroIntegration } from 'astro';
import { checkContent } from '../node/content-check.ts';
import { recordsDir } from '../node/records.ts';

export function contentCheck(): AstroIntegration {
  return {
    name: 'error-atlas:content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
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
    },
  };
}
