/** The `_redirects` file: one `<old path> <new path> 301` line per old address of a renamed record. */
import type { RedirectRoute } from './table.ts';

export function redirectsFile(routes: readonly Pick<RedirectRoute, 'path' | 'to'>[]): string {
  const lines = routes.map((route) => `${route.path} ${route.to} 301`);
  return `# Written by the build: old addresses of renamed records (their previous_ids).\n${lines.join('\n')}${lines.length ? '\n' : ''}`;
}

/** The old paths a `_redirects` file redirects (its first column). */
export function redirectedPaths(file: string): Set<string> {
  return new Set(
    file
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => line.split(/\s+/)[0]!),
  );
}

/** A sitemap without the entries of old addresses: they are not pages to index. */
export function withoutRedirected(sitemap: string, paths: ReadonlySet<string>): string {
  if (paths.size === 0) return sitemap;
  return sitemap.replace(/<url>[\s\S]*?<\/url>/g, (entry) => {
    const loc = /<loc>([^<]*)<\/loc>/.exec(entry)?.[1];
    return loc && paths.has(new URL(loc.replace(/&amp;/g, '&')).pathname) ? '' : entry;
  });
}
