/**
 * Checks a built site's internal links the way a reader's browser follows them: every `href` and
 * `src` of every HTML page that stays on the site (root-relative, relative, or absolute on the site's
 * own URL, as canonical and hreflang links are) must name a file the site has, and every `#anchor`
 * an element id of the page it lands on. The JSON the site publishes (its API) is held to the same:
 * every string in it that is a URL of the site. Files are read as the build wrote them; nothing is served.
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
  /** JSON files read for links (the API). */
  documents: number;
  links: number;
  broken: BrokenLink[];
}

const ATTRIBUTE = /\s(href|src)="([^"]*)"/g;
const ID = /\sid="([^"]+)"/g;
const SCRIPT_BODY = /<script\b[^>]*>[\s\S]*?<\/script>/g;

function filesEndingWith(suffix: string, dir: string, root = dir, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) filesEndingWith(suffix, path, root, out);
    else if (entry.name.endsWith(suffix)) out.push(relative(root, path).split(sep).join('/'));
  }
  return out.sort();
}

/** Every string in a JSON value. */
function* stringsOf(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsOf(item);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) yield* stringsOf(item);
}

const decode = (value: string) => value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/** Checks every page of `siteDir`; `siteUrl` is where the site says it is served (its absolute links). */
export function checkLinks(siteDir: string, siteUrl: string): LinkReport {
  const site = new URL(siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
  const pages = filesEndingWith('.html', siteDir);
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idsCache.get(file);
    if (!ids) idsCache.set(file, (ids = new Set([...readFileSync(join(siteDir, file), 'utf8').matchAll(ID)].map((m) => decode(m[1]!)))));
    return ids;
  };
  const broken: BrokenLink[] = [];
  let links = 0;
  /** Checks one link of `page` against the site's files, unless it leaves the site. */
  const check = (page: string, attribute: string, raw: string, base: URL) => {
    const url = new URL(raw, base);
    if (url.origin !== site.origin || !url.pathname.startsWith(site.pathname)) return;
    links++;
    const report = (reason: string) => broken.push({ page, attribute, link: raw, reason });
    const path = decodeURIComponent(url.pathname.slice(site.pathname.length));
    const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
    const target = join(siteDir, file);
    if (!existsSync(target) || !statSync(target).isFile()) return report(`no file ${file}`);
    if (url.hash.length > 1 && file.endsWith('.html') && !idsOf(file).has(decodeURIComponent(url.hash.slice(1)))) report(`no element with id "${decodeURIComponent(url.hash.slice(1))}" in ${file}`);
  };
  for (const page of pages) {
    // Script bodies hold templates and code, not links a reader follows.
    const html = readFileSync(join(siteDir, page), 'utf8').replace(SCRIPT_BODY, '<script>');
    // The URL the page is served at: `grpc/x/index.html` is `/grpc/x/`.
    const pageUrl = new URL(page.replace(/(^|\/)index\.html$/, '$1'), site);
    for (const m of html.matchAll(ATTRIBUTE)) {
      const raw = decode(m[2]!);
      if (raw === '' || /^(?:mailto|tel|data|javascript):/i.test(raw)) continue;
      check(page, m[1]!, raw, pageUrl);
    }
  }
  // The published JSON (the API): absolute URLs of the site only; Pagefind's and the matcher's files hold none.
  const documents = filesEndingWith('.json', siteDir).filter((file) => !/^(?:pagefind|pagefind-sorted|matcher)\//.test(file));
  for (const file of documents) {
    for (const value of stringsOf(JSON.parse(readFileSync(join(siteDir, file), 'utf8')))) {
      if (value.startsWith(site.href)) check(file, 'json', value, site);
    }
  }
  return { pages: pages.length, documents: documents.length, links, broken };
}
