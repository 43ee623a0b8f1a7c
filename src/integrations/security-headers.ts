/**
 * Writes the site's `_headers` (node/security/site-headers.ts) once `astro build` has written the
 * pages, so every build ships its Content-Security-Policy as a header as well as in each page.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { HEADERS_FILE, writeSiteHeaders } from '../node/security/site-headers.ts';

export function securityHeaders(): AstroIntegration {
  return {
    name: 'error-atlas:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const { pages, policies } = writeSiteHeaders(fileURLToPath(dir));
        logger.info(`${HEADERS_FILE}: the Content-Security-Policy of ${pages} pages (${policies} distinct) as a header`);
      },
    },
  };
}
