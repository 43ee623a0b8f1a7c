/**
 * The site's Content-Security-Policy, given to Astro's `security.csp`: Astro adds the hashes of the
 * scripts and styles it inlines to `script-src` and `style-src` and writes the policy into every
 * page's `<meta http-equiv="content-security-policy">`. The build also writes it as a header for
 * hosts (`node/security/headers.ts`).
 *
 * Nothing runs or loads but the site's own files:
 * - scripts: the site's files, Astro's hashed scripts and the hashes of our inline scripts
 *   (`INLINE_SCRIPTS`); no inline handlers, no `eval`.
 *   `'wasm-unsafe-eval'` because Pagefind's search engine is WebAssembly, and the header search,
 *   which loads it, is on every page.
 * - styles: the site's files and Astro's hashed inline styles; no `style` attributes.
 * - workers (the matcher, Pagefind), fetches (indexes) and images: the site's own origin only,
 *   and `data:` images for Pagefind's icons.
 * - no plugins, no `<base>`, no form posting elsewhere.
 */
import type { AstroUserConfig } from 'astro';
import { createHash } from 'node:crypto';
import { MATCHER_BOOT_SCRIPT } from '../matcher/boot-script.ts';
import { REDIRECT_SCRIPT } from '../routing/redirect-script.ts';
import { THEME_BOOT_SCRIPT } from '../theme/boot.ts';

/**
 * The site's own inline scripts, which Astro does not emit and so does not hash: each must run before
 * anything else on its page (the theme before first paint, a redirect before the meta refresh, the
 * matcher's worker while the match page is parsed).
 */
export const INLINE_SCRIPTS = [THEME_BOOT_SCRIPT, REDIRECT_SCRIPT, MATCHER_BOOT_SCRIPT];

/** A script's CSP source expression, `sha256-…`. */
export function scriptHash(script: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(script).digest('base64')}`;
}

type CspConfig = Exclude<NonNullable<AstroUserConfig['security']>['csp'], boolean | undefined>;
type CspDirective = NonNullable<CspConfig['directives']>[number];

export const CSP_DIRECTIVES: CspDirective[] = [
  "default-src 'none'",
  // Pagefind's stylesheet draws its icons as `data:` SVG images (images cannot run script).
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

export const CSP: CspConfig = {
  algorithm: 'SHA-256',
  directives: CSP_DIRECTIVES,
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: INLINE_SCRIPTS.map(scriptHash) },
  styleDirective: { resources: ["'self'"] },
};
