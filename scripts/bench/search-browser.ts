/**
 * Browser half of the search benchmark, in Debian's Chromium, against the build served the way a
 * static host serves it (src/node/static-server.ts: text gzipped by Accept-Encoding, Pagefind's pre-gzipped
 * index files as they are).
 *
 * For each query: a fresh browser context (empty cache) opens `/search/`; the page starts Pagefind's
 * engine on load, and we wait until the network is idle (the reader looking at the page). Then the
 * query is typed key by key like a person (70 ms between keys, so the field's debounced searches run
 * for the prefixes, as they would), and the figure is the time from the keydown of the last
 * character to the first result of the complete query rendered (its summary names the whole query
 * and a result link from after that keystroke is in the DOM). Bytes are everything fetched under
 * /pagefind/ and /pagefind-sorted/ from the page load until then, by kind, both as transferred (what
 * the host sent, after compression) and decoded (raw); the queries are in "best match" order, so the
 * sorted bundle should contribute nothing, and the requests to it are counted apart to show that.
 * Then a few more queries run in the same page ("later queries").
 */
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from '@playwright/test';
import { DEFAULT_BUNDLE_PATH, SORTED_BUNDLE_PATH } from '../../src/lib/search/bundles.ts';
import { startStaticServer } from '../../src/node/static-server.ts';

export const KINDS = ['ui', 'engine', 'meta', 'index', 'fragment', 'filter'] as const;
export type Kind = (typeof KINDS)[number];
export type Bytes = Record<Kind, number>;

export interface BrowserFigures {
  queries: number;
  /** First query in a fresh page: keydown of the last character → first result rendered, ms. */
  firstMs: number[];
  /** Later queries in the same page. */
  warmMs: number[];
  /** Page load start → engine, wasm and page list loaded, ms (what the page does before the reader types). */
  readyMs: number[];
  /** Per first query, bytes fetched under /pagefind/ and /pagefind-sorted/: as transferred, and decoded. */
  transfer: Bytes[];
  raw: Bytes[];
  /** Per first query, requests under /pagefind-sorted/ (expected: none, as the queries sort by best match). */
  sortedRequests: number[];
  /** Number of result fragment files fetched for the first query. */
  fragments: number[];
  /** Queries with no result rendered within 15 s. */
  misses: string[];
  /** Queries for which Pagefind found nothing (in the corpus, but not found as typed); not timed. */
  empty: string[];
}

export const kindOf = (pathname: string): Kind | null => {
  const bundle = [DEFAULT_BUNDLE_PATH, SORTED_BUNDLE_PATH].find((path) => pathname.startsWith(path));
  if (!bundle) return null;
  const name = pathname.slice(bundle.length);
  if (name.startsWith('pagefind-component-ui')) return 'ui';
  if (name.endsWith('.pf_meta')) return 'meta';
  if (name.endsWith('.pf_index')) return 'index';
  if (name.endsWith('.pf_fragment')) return 'fragment';
  if (name.endsWith('.pf_filter')) return 'filter';
  return 'engine';
};

const zero = (): Bytes => ({ ui: 0, engine: 0, meta: 0, index: 0, fragment: 0, filter: 0 });
const KEY_DELAY_MS = 70;

/** Types `query` into the search page's field like a person; resolves with ms from the last keydown to its results, or null. */
async function typeQuery(page: Page, query: string, timeoutMs = 15000): Promise<number | null> {
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('atlas-search-page pagefind-input input')!;
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.focus();
  });
  await page.waitForTimeout(200);
  const chars = [...query];
  const last = chars.pop()!;
  if (chars.length > 0) await page.keyboard.type(chars.join(''), { delay: KEY_DELAY_MS });
  await page.waitForTimeout(KEY_DELAY_MS);
  await page.evaluate((full) => {
    const w = window as unknown as { __bench: Promise<number | null>; PagefindComponents: { getInstanceManager(): { getInstance(name: string): { searchTerm: string; on(event: 'results', callback: (payload: unknown) => void): void } } } };
    const instance = w.PagefindComponents.getInstanceManager().getInstance('default');
    const root = document.querySelector('atlas-search-page')!;
    w.__bench = new Promise((resolve) => {
      document.addEventListener('keydown', (event) => {
        const started = event.timeStamp;
        let answered = false;
        // Results handed over for the whole query: whatever is rendered before that belongs to a prefix.
        instance.on('results', (payload) => {
          if (answered || instance.searchTerm !== full) return;
          answered = true;
          // Nothing found: no result will ever render (reported apart, not timed).
          if ((payload as { results?: unknown[] } | null)?.results?.length === 0) {
            observer.disconnect();
            resolve(-1);
            return;
          }
          for (const node of root.querySelectorAll('.sr-result')) node.setAttribute('data-bench-stale', '');
          done();
        });
        const done = () => {
          if (!answered || !root.querySelector('.sr-result:not([data-bench-stale]) .sr-result__link')) return;
          observer.disconnect();
          resolve(performance.now() - started);
        };
        const observer = new MutationObserver(done);
        observer.observe(root, { childList: true, subtree: true });
      }, { once: true, capture: true });
    });
  }, query);
  await page.keyboard.type(last);
  return page.evaluate((timeout) => Promise.race([
    (window as unknown as { __bench: Promise<number | null> }).__bench,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeout)),
  ]), timeoutMs);
}

export async function measureSearch(siteDir: string, queries: string[], warmPerPage = 3): Promise<BrowserFigures> {
  const server = await startStaticServer(siteDir, 0);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const figures: BrowserFigures = { queries: queries.length, firstMs: [], warmMs: [], readyMs: [], transfer: [], raw: [], sortedRequests: [], fragments: [], misses: [], empty: [] };
  try {
    for (const [i, query] of queries.entries()) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const transfer = zero();
      const raw = zero();
      let fragments = 0;
      let sortedRequests = 0;
      let counting = true;
      const pending: Promise<void>[] = [];
      page.on('requestfinished', (request) => {
        const kind = kindOf(new URL(request.url()).pathname);
        if (!kind || !counting) return;
        if (kind === 'fragment') fragments++;
        if (new URL(request.url()).pathname.startsWith(SORTED_BUNDLE_PATH)) sortedRequests++;
        pending.push((async () => {
          const sizes = await request.sizes().catch(() => null);
          const body = await (await request.response())?.body().catch(() => null);
          if (sizes) transfer[kind] += sizes.responseBodySize + sizes.responseHeadersSize;
          if (body) raw[kind] += body.length;
        })());
      });
      await page.goto(`${url}/search/`);
      await page.locator('atlas-search-page pagefind-input input').waitFor();
      await page.waitForLoadState('networkidle');
      const ready = await page.evaluate(() => Math.max(0, ...performance.getEntriesByType('resource')
        .filter((entry) => /\/pagefind\/(pagefind\.js|wasm\.|pagefind\.[^/]+\.pf_meta)/.test(entry.name))
        .map((entry) => (entry as PerformanceResourceTiming).responseEnd)));
      const first = await typeQuery(page, query).catch(() => null);
      await page.waitForTimeout(300);
      counting = false;
      await Promise.all(pending);
      if (first === null) figures.misses.push(query);
      else if (first < 0) figures.empty.push(query);
      else {
        figures.firstMs.push(first);
        figures.readyMs.push(ready);
        figures.transfer.push(transfer);
        figures.raw.push(raw);
        figures.sortedRequests.push(sortedRequests);
        figures.fragments.push(fragments);
      }
      for (let k = 1; k <= warmPerPage; k++) {
        const next = queries[(i + k * 7) % queries.length]!;
        if (next === query) continue;
        const ms = await typeQuery(page, next).catch(() => null);
        if (ms !== null && ms >= 0) figures.warmMs.push(ms);
      }
      await context.close();
      const total = Object.values(transfer).reduce((a, b) => a + b, 0);
      process.stdout.write(`  ${i + 1}/${queries.length} ${first === null ? 'miss' : first < 0 ? 'nothing found' : `${first.toFixed(0)} ms`} ${(total / 1024).toFixed(0)} KB ${JSON.stringify(query)}\n`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  return figures;
}
