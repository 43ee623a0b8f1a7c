/**
 * The Chromium part of `npm run bench:match`: the real /match/ page of a site built from a records
 * directory, served as a static host would serve it (gzip), driven by Debian's Chromium through
 * playwright-core.
 *
 * - Time to first result: a fresh browser context per run (nothing cached, the worker and the index
 *   are loaded each time); the paste is put into the text area as soon as the page's DOM is there
 *   (t0, inside the page), and the clock stops when the first `.match-result` is in the document.
 *   So it includes fetching and preparing the index in the worker, matching, and rendering.
 * - Per paste, once the index is loaded: the worker's own time (`ms` of its answer, read by wrapping
 *   `Worker` before the page's scripts run) and the page's time from the paste to the rendered
 *   answer, for bare error lines and for 80-line logs.
 *
 * Skips (returns a reason) when Chromium or the records directory is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startStaticServer } from '../../src/node/static-server.ts';

export interface BrowserBenchOptions {
  root: string;
  /** Records directory the site is built from. */
  recordsDir: string;
  /** Working directory under bench-out/ (site, Astro config and cache go there). */
  workDir: string;
  /** Reuse a site already built in workDir instead of building it again. */
  reuseSite?: boolean;
  /** Pastes for time-to-first-result (each must produce a result); cycled over the runs. */
  firstResultPastes: string[];
  runs: number;
  bareLines: string[];
  logs: string[];
}

export interface BrowserBenchReport {
  chromium: string;
  buildSeconds: number | null;
  indexBytes: { raw: number; gzipped: number } | null;
  firstResult: number[];
  /** The worker's own time for that first paste (analysing the patterns it wakes, on cold code). */
  firstInWorker: number[];
  indexReady: number[];
  /** The worker's own account of loading: fetch, JSON parse, preparation (ms per run). */
  phases: { fetch: number[]; parse: number[]; prepare: number[]; words: number[]; prefilter: number[] };
  bare: { worker: number[]; page: number[] };
  log80: { worker: number[]; page: number[] };
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** Wraps `Worker` so that every answer's `ms` is kept in `window.__matchMs` (benchmark only). */
const INSTRUMENT = `(() => {
  const Base = window.Worker;
  if (!Base) return;
  window.__matchMs = [];
  window.Worker = class extends Base {
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', (event) => {
        if (event.data && event.data.type === 'result') window.__matchMs.push(event.data.ms);
        if (event.data && event.data.type === 'ready') window.__readyPhases = event.data.phases;
      });
    }
  };
})();`;

function buildSite(options: BrowserBenchOptions): number {
  const siteDir = join(options.workDir, 'dist');
  const config = join(options.workDir, 'astro.config.mjs');
  mkdirSync(options.workDir, { recursive: true });
  writeFileSync(
    config,
    `import base from ${JSON.stringify(join(options.root, 'astro.config.mjs'))};\nexport default { ...base, outDir: ${JSON.stringify(siteDir)}, cacheDir: ${JSON.stringify(join(options.workDir, 'cache'))} };\n`,
  );
  const astro = join(options.root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const started = performance.now();
  const result = spawnSync(process.execPath, [astro, 'build', '--config', relative(options.root, config)], {
    cwd: options.root,
    env: { ...process.env, ATLAS_ERRORS_DIR: options.recordsDir, ATLAS_SKIP_PAGEFIND: '1' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) {
    console.error(`${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
    throw new Error(`astro build of ${options.recordsDir} failed`);
  }
  return (performance.now() - started) / 1000;
}

export async function browserBench(options: BrowserBenchOptions): Promise<BrowserBenchReport | string> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) return `Chromium not found at ${chromiumPath} (set CHROMIUM_PATH)`;
  if (!existsSync(options.recordsDir)) return `records directory ${options.recordsDir} is missing`;
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return 'playwright-core is not installed';
  }
  const siteDir = join(options.workDir, 'dist');
  let buildSeconds: number | null = null;
  if (!options.reuseSite || !existsSync(join(siteDir, 'match', 'index.html'))) {
    console.log(`building the site from ${options.recordsDir} into ${siteDir} (ATLAS_SKIP_PAGEFIND=1) ...`);
    buildSeconds = buildSite(options);
  }
  const server = await startStaticServer(siteDir, 0);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const report: BrowserBenchReport = {
      chromium: browser.version(),
      buildSeconds,
      indexBytes: null,
      firstResult: [],
      firstInWorker: [],
      indexReady: [],
      phases: { fetch: [], parse: [], prepare: [], words: [], prefilter: [] },
      bare: { worker: [], page: [] },
      log80: { worker: [], page: [] },
    };

    // Time to first result: a fresh context (empty cache) per run.
    for (let run = 0; run < options.runs; run++) {
      const context = await browser.newContext();
      await context.addInitScript(INSTRUMENT);
      const page = await context.newPage();
      if (run === 0) {
        page.on('response', async (response) => {
          if (!/\/matcher\/index\.[^/]+\.json$/.test(response.url())) return;
          const headers = await response.allHeaders();
          const body = await response.body().catch(() => null);
          const sizes = await response.request().sizes().catch(() => null);
          if (body) report.indexBytes = { raw: body.length, gzipped: sizes?.responseBodySize ?? Number(headers['content-length'] ?? NaN) };
        });
      }
      await page.goto(`${base}/match/`, { waitUntil: 'domcontentloaded' });
      const paste = options.firstResultPastes[run % options.firstResultPastes.length]!;
      const timing = await page.evaluate(async (text) => {
        const host = document.querySelector('error-matcher') as HTMLElement;
        const area = host.querySelector('textarea') as HTMLTextAreaElement;
        const t0 = performance.now();
        let ready = NaN;
        if (host.dataset.ready !== undefined) ready = 0;
        const readyObserver = new MutationObserver(() => {
          if (Number.isNaN(ready) && host.dataset.ready !== undefined) ready = performance.now() - t0;
        });
        readyObserver.observe(host, { attributes: true, attributeFilter: ['data-ready'] });
        const done = new Promise<number>((resolve, reject) => {
          const check = () => {
            if (host.querySelector('.match-result')) {
              observer.disconnect();
              resolve(performance.now() - t0);
            } else if (host.dataset.failed !== undefined || host.dataset.abstained !== undefined) {
              observer.disconnect();
              reject(new Error(`no result: ${host.querySelector('[data-status]')?.textContent ?? ''}`));
            }
          };
          const observer = new MutationObserver(check);
          observer.observe(host, { subtree: true, childList: true, attributes: true });
        });
        area.value = text;
        area.dispatchEvent(new Event('paste'));
        const first = await done;
        readyObserver.disconnect();
        return { first, ready };
      }, paste);
      report.firstResult.push(timing.first);
      if (!Number.isNaN(timing.ready)) report.indexReady.push(timing.ready);
      const firstMs = await page.evaluate(() => (window as unknown as { __matchMs?: number[] }).__matchMs?.[0]);
      if (typeof firstMs === 'number') report.firstInWorker.push(firstMs);
      const phases = await page.evaluate(() => (window as unknown as { __readyPhases?: { fetch: number; parse: number; prepare: number; detail?: Record<string, number> } }).__readyPhases);
      if (phases) {
        for (const key of ['fetch', 'parse', 'prepare'] as const) report.phases[key].push(phases[key]);
        for (const key of ['words', 'prefilter'] as const) if (phases.detail?.[key] !== undefined) report.phases[key].push(phases.detail[key]);
      }
      await context.close();
    }

    // Per paste, with the index loaded.
    const context = await browser.newContext();
    await context.addInitScript(INSTRUMENT);
    const page = await context.newPage();
    await page.goto(`${base}/match/`);
    await page.waitForSelector('error-matcher[data-ready]');
    for (const [pastes, into] of [
      [options.bareLines, report.bare],
      [options.logs, report.log80],
    ] as const) {
      for (const text of pastes) {
        const r = await page.evaluate(async (paste) => {
          const host = document.querySelector('error-matcher') as HTMLElement;
          const area = host.querySelector('textarea') as HTMLTextAreaElement;
          const log = (window as unknown as { __matchMs: number[] }).__matchMs;
          const before = log.length;
          const t0 = performance.now();
          const settled = new Promise<number>((resolve) => {
            let started = false;
            const observer = new MutationObserver(() => {
              if (host.dataset.busy !== undefined) started = true;
              else if (started && log.length > before) {
                observer.disconnect();
                resolve(performance.now() - t0);
              }
            });
            observer.observe(host, { attributes: true, attributeFilter: ['data-busy'] });
          });
          area.value = paste;
          area.dispatchEvent(new Event('paste'));
          const pageMs = await settled;
          return { pageMs, workerMs: log[log.length - 1] ?? NaN };
        }, text);
        into.page.push(r.pageMs);
        into.worker.push(r.workerMs);
      }
    }
    await context.close();
    return report;
  } finally {
    await browser.close();
    server.close();
  }
}
