/**
 * The path the site is served under: `/` at the root of a host, `/errors/` under a sub-path. Every
 * URL the site emits starts with it (`paths.ts` adds it), so a build for `https://example.org/errors/`
 * never links outside `/errors/`.
 *
 * It is read once, where the code runs: Vite writes `import.meta.env.BASE_URL` (Astro's `base`) into
 * the build and the browser bundles; plain Node (the CLI, the benchmarks, the unit tests) derives it
 * from `ATLAS_SITE_URL`, as `astro.config.mjs` does.
 */
import { basePath, siteUrl } from '../site-config.ts';

/** `''`, `'/'`, `'errors'`, `'/errors'` → `'/'` or `'/errors/'`. */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

function configuredBase(): string {
  // Vite replaces `import.meta.env` with the build's values; in plain Node it is undefined.
  const fromVite = (import.meta.env as { BASE_URL?: string } | undefined)?.BASE_URL;
  if (fromVite !== undefined) return normalizeBase(fromVite);
  return typeof process === 'undefined' ? '/' : basePath(siteUrl(process.env));
}

/** The base of this build or process: `/` or `/errors/`. */
export const SITE_BASE: string = configuredBase();

/** A root-relative site path (`/grpc/x/`) as served under `base` (`/errors/grpc/x/`). */
export function withBase(path: string, base: string = SITE_BASE): string {
  if (base === '/') return path;
  return `${base.slice(0, -1)}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The site path of a served pathname: `/errors/grpc/x/` → `/grpc/x/`; paths outside the base stay as they are. */
export function stripBase(pathname: string, base: string = SITE_BASE): string {
  if (base === '/') return pathname;
  if (pathname === base.slice(0, -1)) return '/';
  return pathname.startsWith(base) ? pathname.slice(base.length - 1) : pathname;
}
