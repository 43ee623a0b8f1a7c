/**
 * `astro build` only: the memo of `node/build/digest-memo.ts` in front of `crypto.subtle.digest`,
 * which Astro calls for every inline script and style of every page it renders (the
 * Content-Security-Policy's hashes). The same bytes give the same digest, so the pages are the same.
 */
import type { AstroIntegration } from 'astro';
import { rememberDigests } from '../node/build/digest-memo.ts';

export function digestMemo(): AstroIntegration {
  return {
    name: 'error-atlas:digest-memo',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') rememberDigests();
      },
    },
  };
}
