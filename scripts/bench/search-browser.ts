/**
 * Browser half of the search benchmark: in Debian's Chromium, for each query, open `/search/` in a
 * fresh context (empty cache), let the page load, then enter the query as one input event (a paste
 * or the last keystroke) and time until the first result link is rendered. Bytes are counted per
 * request (encoded body + headers) and split into UI code, search engine and index data.
 * Then, in the same page, the next queries run warm (engine loaded, only new index chunks fetched).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { serveDirectory } from './serve.ts';

export interface BrowserFigures {
  queries: number;
  /** First query in a fresh page: input event → first result rendered, ms. */
  firstMs: number[];
  /** Later queries in the same page. */
  warmMs: number[];
  /** Bytes fetched under /pagefind/ for the first query, by kind. */
  firstBytes: { ui: number[]; engine: number[]; index: number[] };
  misses: string[];
}

const kindOf = (pathname: string): 'ui' | 'engine' | 'index' | null => {
  if (!pathname.startsWith('/pagefind/')) return null;
  const name = pathname.slice('/pagefind/'.length);
  if (name.startsWith('pagefind-component-ui')) return 'ui';
  if (name === 'pagefind.js' || name === 'pagefind-worker.js' || name === 'pagefind-entry.json' || name.startsWith('wasm.')) return 'engine';
  return 'index';
};

/** Installs a listener that resolves with ms from the next input event to the first rendered result. */
async function armTimer(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __bench: Promise<number> };
    w.__bench = new Promise<number>((resolve) => {
      document.addEventListener('input', () => {
        const started = performance.now();
        const results = document.querySelector('pagefind-results')!;
        const before = results.querySelector('.sr-result__link')?.getAttribute('href');
        const done = () => {
          const first = results.querySelector('.sr-result__link');
          if (first && first.getAttribute('href') !== before) {
            observer.disconnect();
            resolve(performance.now() - started);
            return true;
          }
          return false;
        };
        const observer = new MutationObserver(done);
        observer.observe(results, { childList: true, subtree: true, characterData: true, attributes: true });
      }, { once: true, capture: true });
    });
  });
}

async function runQuery(page: Page, query: string, timeoutMs = 15000): Promise<number | null> {
  // Clear without Playwright's actionability wait (an open results list may cover nothing we need).
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('atlas-search-page pagefind-input input')!;
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.focus();
  });
  await page.waitForTimeout(150);
  await armTimer(page);
  await page.keyboard.insertText(query);
  return page.evaluate((timeout) => Promise.race([
    (window as unknown as { __bench: Promise<number> }).__bench,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeout)),
  ]), timeoutMs);
}

export async function measureSearch(siteDir: string, queries: string[], warmPerPage = 5): Promise<BrowserFigures> {
  const { server, url } = await serveDirectory(siteDir);
  const browser: Browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const figures: BrowserFigures = { queries: queries.length, firstMs: [], warmMs: [], firstBytes: { ui: [], engine: [], index: [] }, misses: [] };
  try {
    for (const [i, query] of queries.entries()) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const bytes = { ui: 0, engine: 0, index: 0 };
      let counting = true;
      page.on('requestfinished', async (request) => {
        const kind = kindOf(new URL(request.url()).pathname);
        if (!kind || !counting) return;
        const sizes = await request.sizes().catch(() => null);
        if (sizes) bytes[kind] += sizes.responseBodySize + sizes.responseHeadersSize;
      });
      await page.goto(`${url}/search/`);
      await page.locator('atlas-search-page pagefind-input input').waitFor();
      await page.waitForLoadState('networkidle');
      const first = await runQuery(page, query).catch(() => null);
      await page.waitForTimeout(200);
      counting = false;
      if (first === null) figures.misses.push(query);
      else figures.firstMs.push(first);
      figures.firstBytes.ui.push(bytes.ui);
      figures.firstBytes.engine.push(bytes.engine);
      figures.firstBytes.index.push(bytes.index);
      // A few other queries, warm, in the same page.
      for (let k = 1; k <= warmPerPage; k++) {
        const next = queries[(i + k * 7) % queries.length]!;
        if (next === query) continue;
        const ms = await runQuery(page, next).catch(() => null);
        if (ms !== null) figures.warmMs.push(ms);
      }
      await context.close();
      process.stdout.write(`  ${i + 1}/${queries.length} ${first === null ? 'miss' : `${first.toFixed(0)} ms`} ${JSON.stringify(query)}\n`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  return figures;
}
