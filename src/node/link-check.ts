/**
 * Checks a built site's internal links the way a reader's browser follows them: every `href` and
 * `src` of every HTML page that stays on the site (root-relative, relative, or absolute on the site's
 * own URL, as canonical and hreflang links are) must name a file the site has, and every `#anchor`
 * an element id of the page it lands on. Pages are read as the build wrote them; nothing is served.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface BrokenLink {
  /** The page holding the link, relative to the site folder (`grpc/x/index.html`). */
  page: string;
  /** The attribute and its value as written. */
  attribute: string;
  link: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  links: number;
  broken: BrokenLink[];
}

const ATTRIBUTE = /\s(href|src)="([^"]*)"/g;
const ID = /\sid="([^"]+)"/g;
const SCRIPT_BODY = /<script\b[^>]*>[\s\S]*?<\/script>/g;

function htmlFiles(dir: string, root = dir, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) htmlFiles(path, root, out);
    else if (entry.name.endsWith('.html')) out.push(relative(root, path).split(sep).join('/'));
  }
  return out.sort();
}

const decode = (value: string) => value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/** Checks every page of `siteDir`; `siteUrl` is where the site says it is served (its absolute links). */
export function checkLinks(siteDir: string, siteUrl: string): LinkReport {
  const site = new URL(siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
  const pages = htmlFiles(siteDir);
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idsCache.get(file);
    if (!ids) idsCache.set(file, (ids = new Set([...readFileSync(join(siteDir, file), 'utf8').matchAll(ID)].map((m) => decode(m[1]!)))));
    return ids;
  };
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const page of pages) {
    // Script bodies hold templates and code, not links a reader follows.
    const html = readFileSync(join(siteDir, page), 'utf8').replace(SCRIPT_BODY, '<script>');
    // The URL the page is served at: `grpc/x/index.html` is `/grpc/x/`.
    const pageUrl = new URL(page.replace(/(^|\/)index\.html$/, '$1'), site);
    for (const m of html.matchAll(ATTRIBUTE)) {
      const raw = decode(m[2]!);
      if (raw === '' || /^(?:mailto|tel|data|javascript):/i.test(raw)) continue;
      const url = new URL(raw, pageUrl);
      if (url.origin !== site.origin || !url.pathname.startsWith(site.pathname)) continue;
      links++;
      const report = (reason: string) => broken.push({ page, attribute: m[1]!, link: raw, reason });
      const path = decodeURIComponent(url.pathname.slice(site.pathname.length));
      const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
      const target = join(siteDir, file);
      if (!existsSync(target) || !statSync(target).isFile()) {
        report(`no file ${file}`);
        continue;
      }
      if (url.hash.length > 1 && file.endsWith('.html') && !idsOf(file).has(decodeURIComponent(url.hash.slice(1)))) report(`no element with id "${decodeURIComponent(url.hash.slice(1))}" in ${file}`);
    }
  }
  return { pages: pages.length, links, broken };
}
