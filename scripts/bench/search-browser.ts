/**
 * Browser half of the search benchmark, in Debian's Chromium, against the build served the way a
 * static host serves it (src/node/static-server.ts: text gzipped by Accept-Encoding, Pagefind's pre-gzipped
 * index files as they are).
 *
 * For each query: a fresh browser context (empty cache) opens `/search/`; the page starts Pagefind's
 * engine on load, and we wait until the network is idle (the reader looking at the page). Then the
 * query is typed key by key like a person (70 ms between keys, so the field's debounced searches run
 * for the prefixes, as they would). Every keystroke is timed from its keydown (`installClock`):
 * until its own results are on screen or the next keystroke supersedes it, and until the screen
 * shows results for it or a later prefix. The first query's figure is its last keystroke's; bytes are
 * everything fetched under /pagefind/ and /pagefind-sorted/ from the page load until then, by kind,
 * both as transferred (what the host sent, after compression) and decoded (raw); the queries are in
 * "best match" order, so the sorted bundle should contribute nothing, and the requests to it are
 * counted apart to show that. Then a few more queries run in the same page ("later queries"), and
 * the sort changes to "fix rate": what that fetches, and how long until the first sorted result.
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
  /**
   * Every keystroke, ms from its keydown until the screen showed results for its prefix or a later
   * one (`installClock`): of the first query in a fresh page, and of the later ones.
   */
  keysFirst?: number[];
  keysLater?: number[];
  /** The same keystrokes, each until its own results were on screen or the next keystroke superseded it. */
  settledFirst?: number[];
  settledLater?: number[];
  /** Keystrokes answered by a later prefix's results (their own search superseded or coalesced), and never answered within 15 s. */
  keysSuperseded?: number;
  keysMissed?: number;
  /** The slowest keystrokes: ms and the prefix. */
  slowest?: { ms: number; term: string }[];
  /** After the queries, choosing "fix rate": bytes fetched under both bundles by kind, and ms to the first sorted result. */
  sortTransfer?: Bytes[];
  sortMs?: number[];
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

/** One keystroke, timed from its keydown (see `installClock`). */
export interface Keystroke {
  /** The field's text after this key. */
  term: string;
  /** Until results for its prefix were on screen, or the next keystroke superseded it, whichever came first. */
  settledMs: number | null;
  /** Until results for its prefix, or for a later one, were on screen (the screen caught up with it). */
  ms: number | null;
  /** False when the screen went straight to a later prefix's results (this one's search was superseded or coalesced). */
  own: boolean;
}

/**
 * Installs the per-keystroke clock in the page (once per page): every keydown in the field starts a
 * keystroke; a keystroke ends when results for its prefix, or for any later prefix, are on screen —
 * a result link rendered after the instance handed over results for that term, or the handover
 * itself when nothing was found (the summary says so). A keystroke whose own search was skipped
 * (superseded, coalesced by the debounce) thus counts the time until the screen caught up with it.
 */
async function installClock(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Pending = { term: string; start: number; end: number | null; superseded: number | null; own: boolean };
    const w = window as unknown as { __keys: Pending[]; PagefindComponents: { getInstanceManager(): { getInstance(name: string): { searchTerm: string; on(event: 'results', callback: (payload: unknown) => void): void } } } };
    if (w.__keys) return;
    const keys: Pending[] = (w.__keys = []);
    const instance = w.PagefindComponents.getInstanceManager().getInstance('default');
    const root = document.querySelector('atlas-search-page')!;
    const input = root.querySelector<HTMLInputElement>('pagefind-input input')!;
    let keydownAt = 0;
    input.addEventListener('keydown', (event) => { keydownAt = event.timeStamp; }, { capture: true });
    input.addEventListener('input', () => {
      for (const key of keys) if (key.end === null) key.superseded ??= keydownAt;
      if (input.value) keys.push({ term: input.value, start: keydownAt, end: null, superseded: null, own: false });
    });
    /** Results for `term` are on screen at `now`: it and every keystroke before it are answered. */
    const shown = (term: string, now: number) => {
      const last = keys.findLastIndex((key) => key.term === term);
      for (let i = 0; i <= last; i++) {
        if (keys[i]!.end !== null) continue;
        keys[i]!.end = now;
        keys[i]!.own = keys[i]!.term === term;
      }
    };
    let awaiting: string | null = null;
    const check = () => {
      if (awaiting !== null && root.querySelector('.sr-result:not([data-bench-stale]) .sr-result__link')) {
        shown(awaiting, performance.now());
        awaiting = null;
      }
    };
    new MutationObserver(check).observe(root, { childList: true, subtree: true });
    instance.on('results', (payload) => {
      const term = instance.searchTerm;
      if ((payload as { results?: unknown[] } | null)?.results?.length === 0) {
        awaiting = null;
        shown(term, performance.now());
        return;
      }
      for (const node of root.querySelectorAll('.sr-result')) node.setAttribute('data-bench-stale', '');
      awaiting = term;
      check();
    });
  });
}

/**
 * Types `query` into the search page's field like a person, 70 ms between keys; resolves with the
 * time of each keystroke (see `installClock`) once the whole query is answered or `timeoutMs` after
 * its last key. `found` is false when Pagefind found nothing for the whole query.
 */
export async function typeQuery(page: Page, query: string, timeoutMs = 15000): Promise<{ keys: Keystroke[]; found: boolean }> {
  await installClock(page);
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('atlas-search-page pagefind-input input')!;
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.focus();
  });
  await page.waitForTimeout(200);
  await page.evaluate(() => { (window as unknown as { __keys: unknown[] }).__keys.length = 0; });
  await page.keyboard.type(query, { delay: KEY_DELAY_MS });
  const keys = await page.evaluate(async ({ timeout }) => {
    type Pending = { term: string; start: number; end: number | null; superseded: number | null; own: boolean };
    const list = (window as unknown as { __keys: Pending[] }).__keys;
    const until = performance.now() + timeout;
    while (performance.now() < until && list.some((key) => key.end === null)) await new Promise((resolve) => setTimeout(resolve, 20));
    return list.map((key) => {
      const settled = key.own && key.end !== null ? key.end : (key.superseded ?? key.end);
      return { term: key.term, ms: key.end === null ? null : key.end - key.start, settledMs: settled === null ? null : settled - key.start, own: key.own };
    });
  }, { timeout: timeoutMs });
  const found = await page.evaluate(() => {
    const w = window as unknown as { PagefindComponents: { getInstanceManager(): { getInstance(name: string): { searchResult?: { results?: unknown[] } } } } };
    return (w.PagefindComponents.getInstanceManager().getInstance('default').searchResult?.results?.length ?? 0) > 0;
  });
  return { keys, found };
}

const emptyFigures = (queries: number): BrowserFigures => ({ queries, firstMs: [], warmMs: [], readyMs: [], transfer: [], raw: [], sortedRequests: [], fragments: [], misses: [], empty: [], keysFirst: [], keysLater: [], settledFirst: [], settledLater: [], keysSuperseded: 0, keysMissed: 0, slowest: [], sortTransfer: [], sortMs: [] });

function record(figures: BrowserFigures, keys: Keystroke[], into: number[], settled: number[]): void {
  for (const key of keys) {
    if (key.settledMs !== null) settled.push(key.settledMs);
    if (key.ms === null) {
      figures.keysMissed!++;
      continue;
    }
    into.push(key.ms);
    if (!key.own) figures.keysSuperseded!++;
    figures.slowest!.push({ ms: Math.round(key.ms), term: key.term });
  }
  figures.slowest!.sort((a, b) => b.ms - a.ms).splice(10);
}

/** Until no request under a bundle has been in flight for `quietMs`. */
async function bundleIdle(page: Page, inFlight: () => number, quietMs = 500, timeoutMs = 15000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let quietSince = Date.now();
  while (Date.now() < until) {
    if (inFlight() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await page.waitForTimeout(50);
  }
}

/** The first query `queries[i]` in a fresh page, the later ones in the same page, then a sort change. */
async function measureQuery(browser: Browser, url: string, queries: string[], i: number, figures: BrowserFigures, warmPerPage: number): Promise<void> {
  const query = queries[i]!;
  const context = await browser.newContext();
  const page = await context.newPage();
  let transfer = zero();
  let raw = zero();
  let fragments = 0;
  let sortedRequests = 0;
  let inFlight = 0;
  let pending: Promise<void>[] = [];
  page.on('request', (request) => { if (kindOf(new URL(request.url()).pathname)) inFlight++; });
  page.on('requestfailed', (request) => { if (kindOf(new URL(request.url()).pathname)) inFlight--; });
  page.on('requestfinished', (request) => {
    const kind = kindOf(new URL(request.url()).pathname);
    if (!kind) return;
    inFlight--;
    if (kind === 'fragment') fragments++;
    if (new URL(request.url()).pathname.startsWith(SORTED_BUNDLE_PATH)) sortedRequests++;
    const into = { transfer, raw };
    pending.push((async () => {
      const sizes = await request.sizes().catch(() => null);
      const body = await (await request.response())?.body().catch(() => null);
      if (sizes) into.transfer[kind] += sizes.responseBodySize + sizes.responseHeadersSize;
      if (body) into.raw[kind] += body.length;
    })());
  });
  // Engine files may be fetched by a worker, outside the page's resource timings: time them here.
  const loadStart = Date.now();
  let ready = 0;
  page.on('requestfinished', (request) => {
    if (/\/pagefind\/(pagefind\.js|wasm\.|pagefind\.[^/]+\.pf_meta)/.test(new URL(request.url()).pathname)) ready = Math.max(ready, Date.now() - loadStart);
  });
  await page.goto(`${url}/search/`);
  await page.locator('atlas-search-page pagefind-input input').waitFor();
  await page.waitForLoadState('networkidle');
  const typed = await typeQuery(page, query).catch(() => null);
  const first = typed === null ? null : !typed.found ? -1 : (typed.keys.at(-1)?.ms ?? null);
  if (typed) record(figures, typed.keys, figures.keysFirst!, figures.settledFirst!);
  await page.waitForTimeout(300);
  await Promise.all(pending);
  const firstTransfer = transfer;
  const firstRaw = raw;
  // Later queries are not counted in the first query's bytes.
  transfer = zero();
  raw = zero();
  if (first === null) figures.misses.push(query);
  else if (first < 0) figures.empty.push(query);
  else {
    figures.firstMs.push(first);
    figures.readyMs.push(ready);
    figures.transfer.push(firstTransfer);
    figures.raw.push(firstRaw);
    figures.sortedRequests.push(sortedRequests);
    figures.fragments.push(fragments);
  }
  let lastFound = Boolean(typed?.found);
  for (let k = 1; k <= warmPerPage; k++) {
    const next = queries[(i + k * 7) % queries.length]!;
    if (next === query) continue;
    const later = await typeQuery(page, next).catch(() => null);
    if (!later) continue;
    lastFound = later.found;
    record(figures, later.keys, figures.keysLater!, figures.settledLater!);
    const ms = later.keys.at(-1)?.ms;
    if (later.found && ms != null) figures.warmMs.push(ms);
  }
  // A sort change after the queries: what it fetches (the sorted page list; fragments of results
  // not shown before) and how long until the first sorted result is on screen.
  if (lastFound) {
    await bundleIdle(page, () => inFlight);
    await Promise.all(pending);
    transfer = zero();
    raw = zero();
    pending = [];
    await page.evaluate(() => {
      const root = document.querySelector('atlas-search-page')!;
      for (const node of root.querySelectorAll('.sr-result')) node.setAttribute('data-bench-stale', '');
    });
    const started = Date.now();
    await page.selectOption('atlas-search-page select[name=sort]', 'fix_rate');
    const shown = await page.locator('atlas-search-page .sr-result:not([data-bench-stale]) .sr-result__link').first().waitFor({ timeout: 15000 }).then(() => true, () => false);
    const ms = Date.now() - started;
    await bundleIdle(page, () => inFlight);
    await Promise.all(pending);
    if (shown) {
      figures.sortMs!.push(ms);
      figures.sortTransfer!.push(transfer);
    }
  }
  await context.close();
  const total = Object.values(firstTransfer).reduce((a, b) => a + b, 0);
  const worst = typed ? Math.max(0, ...typed.keys.map((key) => key.ms ?? Infinity)) : NaN;
  process.stdout.write(`  ${i + 1}/${queries.length} ${first === null ? 'miss' : first < 0 ? 'nothing found' : `${first.toFixed(0)} ms`} (slowest key ${worst.toFixed(0)} ms) ${(total / 1024).toFixed(0)} KB ${JSON.stringify(query)}\n`);
}

const launch = () => chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

export async function measureSearch(siteDir: string, queries: string[], warmPerPage = 3): Promise<BrowserFigures> {
  return (await measureSites([siteDir], queries, warmPerPage))[0]!;
}

/** Several builds measured in one run, query by query in turn, so that they share the machine's load. */
export async function measureSites(siteDirs: string[], queries: string[], warmPerPage = 3): Promise<BrowserFigures[]> {
  const servers = await Promise.all(siteDirs.map((dir) => startStaticServer(dir, 0)));
  const urls = servers.map((server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const browser: Browser = await launch();
  const figures = siteDirs.map(() => emptyFigures(queries.length));
  try {
    for (let i = 0; i < queries.length; i++) {
      for (const [s, url] of urls.entries()) {
        if (urls.length > 1) process.stdout.write(`[${siteDirs[s]}]`);
        await measureQuery(browser, url, queries, i, figures[s]!, warmPerPage);
      }
    }
  } finally {
    await browser.close();
    for (const server of servers) server.close();
  }
  return figures;
}
