/**
 * Atlas page benchmark (figures, not a test): `npm run bench:atlas [-- --only shipped|deadends|generated] [--count N] [--loads N] [--reuse]`.
 *
 * Builds the site for each corpus into bench-out/<name>/ (never dist/; scripts/bench/build-site.ts):
 * the shipped records, ../shared/corpus/deadends (skipped with a message if absent) and a generated
 * corpus (20,000 records by default). For each it weighs `/atlas/` and `/zh/atlas/` (HTML bytes, raw
 * and gzipped as the static server sends them; elements inside the maps; links on the page), then
 * opens `/atlas/` in Chromium `--loads` times, each in a fresh context (empty cache), and reads the
 * navigation timing: start → load event, and start → first contentful paint. The home page is loaded
 * the same way in the same run, as a yardstick: machines here are shared and noisy, so compare the
 * ratios atlas / home rather than milliseconds across runs. `--reuse` skips a build whose output
 * exists. Prints a Markdown block for docs/benchmarks.md and writes bench-out/atlas-<corpus>.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { listRecordPaths } from '../../src/node/records.ts';
import { startStaticServer } from '../../src/node/static-server.ts';
import { benchOut, buildCorpusSite, median, quantile, root, siteDirOf, type BuildFigures, type Corpus } from './build-site.ts';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    count: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
    loads: { type: 'string', default: '10' },
    /** Port for the static server (the benchmark serves one site at a time). */
    port: { type: 'string', default: '4383' },
    reuse: { type: 'boolean', default: false },
  },
});

interface Weight {
  raw: number;
  gzip: number;
}

interface PageTimes {
  loadMs: number[];
  fcpMs: number[];
}

interface Figures {
  corpus: Corpus;
  built: BuildFigures | null;
  weight: { en: Weight; zh: Weight };
  /** Elements inside each map (the wide one with the cells, the narrow one with regions only). */
  svg: { wide: number; narrow: number };
  links: number;
  cells: number;
  regions: number;
  atlas: PageTimes;
  home: PageTimes;
}

function weigh(file: string): Weight {
  const html = readFileSync(file);
  // compression's default: zlib level 6, what scripts/serve.ts and many hosts send.
  return { raw: html.length, gzip: gzipSync(html, { level: 6 }).length };
}

async function loadTimes(browser: Browser, url: string, loads: number): Promise<PageTimes> {
  const times: PageTimes = { loadMs: [], fcpMs: [] };
  // One load first, not counted: the server's file cache and Chromium's process start are warmed.
  for (let i = 0; i <= loads; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const figures = await page.evaluate(async () => {
      // First contentful paint can be reported just after the load event: wait for it.
      const fcp = await new Promise<number>((resolve) => {
        const seen = performance.getEntriesByName('first-contentful-paint')[0];
        if (seen) return resolve(seen.startTime);
        new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({ type: 'paint', buffered: true });
      });
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { load: navigation.loadEventEnd, fcp };
    });
    if (i > 0) {
      times.loadMs.push(figures.load);
      times.fcpMs.push(figures.fcp);
    }
    await context.close();
  }
  return times;
}

async function measure(corpus: Corpus, built: BuildFigures | null): Promise<Figures> {
  const siteDir = siteDirOf(corpus.name);
  const server = await startStaticServer(siteDir, Number(args.port));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${url}/atlas/`);
    const counts = await page.evaluate(() => ({
      wide: document.querySelectorAll('.atlas-map--wide *').length,
      narrow: document.querySelectorAll('.atlas-map--narrow *').length,
      links: document.querySelectorAll('a[href]').length,
      cells: document.querySelectorAll('.atlas-map--wide .atlas-cell').length,
      regions: document.querySelectorAll('.atlas-map--wide .atlas-region').length,
    }));
    await page.close();
    const loads = Number(args.loads);
    console.log(`[${corpus.name}] ${loads} loads of /atlas/ and of / in Chromium…`);
    const atlas = await loadTimes(browser, `${url}/atlas/`, loads);
    const home = await loadTimes(browser, `${url}/`, loads);
    return {
      corpus,
      built,
      weight: { en: weigh(join(siteDir, 'atlas', 'index.html')), zh: weigh(join(siteDir, 'zh', 'atlas', 'index.html')) },
      svg: { wide: counts.wide, narrow: counts.narrow },
      links: counts.links,
      cells: counts.cells,
      regions: counts.regions,
      atlas,
      home,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const pair = (xs: number[]) => `${ms(median(xs))} / ${ms(quantile(xs, 0.95))}`;
const ratio = (a: number[], b: number[]) => `${(median(a) / median(b)).toFixed(2)}×`;

function report(f: Figures): string {
  const n = f.atlas.loadMs.length;
  return [
    `### ${f.corpus.name}: ${f.corpus.records.toLocaleString('en')} records`,
    '',
    '| Figure | Value |',
    '|---|---|',
    ...(f.built ? [`| Astro build (no search index) | ${f.built.seconds.toFixed(0)} s, ${f.built.pages.toLocaleString('en')} pages${f.built.maxRssMb ? `, peak RSS ${f.built.maxRssMb.toLocaleString('en')} MB` : ''} |`] : []),
    `| **/atlas/ HTML, raw / gzipped** | **${kb(f.weight.en.raw)} / ${kb(f.weight.en.gzip)}** |`,
    `| /zh/atlas/ HTML, raw / gzipped | ${kb(f.weight.zh.raw)} / ${kb(f.weight.zh.gzip)} |`,
    `| Elements in the wide map / the narrow map | ${f.svg.wide.toLocaleString('en')} / ${f.svg.narrow.toLocaleString('en')} |`,
    `| Regions, record cells, links on the page | ${f.regions}, ${f.cells}, ${f.links.toLocaleString('en')} |`,
    `| **/atlas/: start → load event (median / p95, n=${n})** | **${pair(f.atlas.loadMs)}** |`,
    `| /atlas/: start → first contentful paint (median / p95) | ${pair(f.atlas.fcpMs)} |`,
    `| Home page, same run: load / first contentful paint (median) | ${ms(median(f.home.loadMs))} / ${ms(median(f.home.fcpMs))} |`,
    `| Atlas ÷ home (medians): load / first contentful paint | ${ratio(f.atlas.loadMs, f.home.loadMs)} / ${ratio(f.atlas.fcpMs, f.home.fcpMs)} |`,
    '',
  ].join('\n');
}

const corpora: Corpus[] = [];
const count = (dir: string) => listRecordPaths(dir).length;
if (!args.only || args.only === 'shipped') corpora.push({ name: 'shipped', dir: join(root, 'content', 'errors'), records: count(join(root, 'content', 'errors')) });
const deadends = resolve(root, '..', 'shared', 'corpus', 'deadends');
if (!args.only || args.only === 'deadends') {
  if (existsSync(deadends)) corpora.push({ name: 'deadends', dir: deadends, records: count(deadends) });
  else console.log(`Skipping the deadends corpus: ${deadends} does not exist.`);
}
if (!args.only || args.only === 'generated') {
  const dir = join(benchOut, `corpus-${args.count}`);
  if (!(args.reuse && existsSync(dir))) {
    console.log(`Generating ${args.count} records (seed ${args.seed}) → ${dir}`);
    const generated = spawnSync(process.execPath, [join(root, 'scripts', 'corpus', 'generate.ts'), '--count', String(args.count), '--out', dir, '--seed', String(args.seed)], { cwd: root, stdio: 'inherit' });
    if (generated.status !== 0) throw new Error('corpus generation failed');
  }
  corpora.push({ name: `generated-${args.count}`, dir, records: count(dir) });
}

const sections: string[] = [];
for (const corpus of corpora) {
  const reuse = args.reuse && existsSync(join(siteDirOf(corpus.name), 'atlas', 'index.html'));
  const built = reuse ? null : buildCorpusSite(corpus);
  const figures = await measure(corpus, built);
  writeFileSync(join(benchOut, `atlas-${corpus.name}.json`), JSON.stringify(figures, null, 2));
  sections.push(report(figures));
}
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
const chromiumVersion = spawnSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`\n## Atlas page\n\nMeasured ${new Date().toISOString().slice(0, 10)} at commit ${commit} on ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}, ${chromiumVersion || 'Chromium'}, 1280 × 900 viewport, served gzipped by the static server.\n`);
console.log(sections.join('\n'));
