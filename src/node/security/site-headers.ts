/**
 * Writes `<dist>/_headers` after a build: the Content-Security-Policy every page carries in its
 * `<meta>` (lib/security/headers.ts), as a header, and a long cache for content-hashed files. Every
 * page is read up to its `</head>`, so a page without the policy, or one policy that differs from
 * another, cannot go unnoticed.
 */
import { closeSync, openSync, readdirSync, readSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEFAULT_BUNDLE, SORTED_BUNDLE } from '../../lib/search/bundles.ts';
import { formatHeadersFile, mergePolicies, siteHeaderRules, type HeaderRule } from '../../lib/security/headers.ts';

export const HEADERS_FILE = '_headers';

/**
 * Folders whose every file is named by a hash of its content, so hosts may keep them for good:
 * Astro's bundled scripts and styles (`_astro`), the matcher's index (`matcher/index.<hash>.json`,
 * src/pages/matcher/), and Pagefind's index chunks, filters and fragments in both bundles. Not
 * Pagefind's entry files, scripts and page lists, whose names stay the same across builds.
 */
export const CONTENT_HASHED_FOLDERS: readonly string[] = [
  '/_astro/*',
  '/matcher/*',
  ...[DEFAULT_BUNDLE, SORTED_BUNDLE].flatMap((bundle) => ['index', 'filter', 'fragment'].map((folder) => `/${bundle}/${folder}/*`)),
];
const META = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

/** In a fixed order, so that the same pages always give the same file. */
function* htmlFiles(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/** The start of an HTML file, through `</head>` (read in small chunks: heads are a few KB). */
function readHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(8192);
    let text = '';
    for (let position = 0; ; ) {
      const read = readSync(fd, chunk, 0, chunk.length, position);
      if (read === 0) return text;
      text += chunk.toString('utf8', 0, read);
      position += read;
      if (text.includes('</head>')) return text.slice(0, text.indexOf('</head>'));
    }
  } finally {
    closeSync(fd);
  }
}

export interface SiteHeaders {
  rules: HeaderRule[];
  pages: number;
  /** Distinct page policies seen (1 when Astro gives every page the same). */
  policies: number;
}

export function writeSiteHeaders(dir: string): SiteHeaders {
  const policies = new Set<string>();
  let pages = 0;
  for (const file of htmlFiles(dir)) {
    const policy = META.exec(readHead(file))?.[1];
    if (!policy) throw new Error(`${relative(dir, file)}: the page has no Content-Security-Policy <meta>; security.csp must cover every page`);
    policies.add(policy.replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
    pages++;
  }
  if (pages === 0) throw new Error(`${dir}: no pages to read a Content-Security-Policy from`);
  const rules = siteHeaderRules(mergePolicies(policies), CONTENT_HASHED_FOLDERS);
  writeFileSync(join(dir, HEADERS_FILE), formatHeadersFile(rules));
  return { rules, pages, policies: policies.size };
}
