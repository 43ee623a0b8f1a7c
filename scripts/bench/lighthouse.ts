/**
 * Lighthouse on the search page (figures, not a test):
 * `npm run bench:lighthouse [-- --site dist[,other-build]] [--path /search/] [--runs 3]`.
 *
 * Serves each built site as a host does (scripts/serve.ts's server: text gzipped), runs Lighthouse's
 * performance category against Debian's Chromium (`CHROME_PATH`, default /usr/bin/chromium;
 * headless, --no-sandbox) with its default settings (a phone, simulated slow 4G and a 4× slower
 * CPU), and prints the score, the metrics and where the main thread's time went. Several sites are
 * measured in turn, run by run, so that they share the machine's load; the medians are printed.
 */
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startStaticServer } from '../../src/node/static-server.ts';
import { median } from './build-site.ts';

const { values: args } = parseArgs({
  options: {
    site: { type: 'string', default: 'dist' },
    path: { type: 'string', default: '/search/' },
    runs: { type: 'string', default: '3' },
    port: { type: 'string', default: '4426' },
  },
});

interface Run {
  score: number;
  metrics: Record<string, number>;
  /** Main-thread time by kind (script evaluation, style and layout, …), ms. */
  mainThread: Record<string, number>;
  /** Main-thread time per script (Lighthouse's bootup-time: evaluation + parse and compile), ms. */
  scripts: Record<string, number>;
}

const METRICS = {
  'first-contentful-paint': 'FCP',
  'largest-contentful-paint': 'LCP',
  'total-blocking-time': 'TBT',
  'cumulative-layout-shift': 'CLS',
  'speed-index': 'Speed Index',
  interactive: 'TTI',
} as const;

type Audit = { numericValue?: number; details?: { items?: Record<string, unknown>[] } };

async function runOnce(url: string, port: number): Promise<Run> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  const audits = lhr.audits as Record<string, Audit>;
  const metrics: Record<string, number> = {};
  for (const id of Object.keys(METRICS)) metrics[id] = audits[id]?.numericValue ?? NaN;
  metrics['mainthread-work-breakdown'] = audits['mainthread-work-breakdown']?.numericValue ?? NaN;
  const mainThread: Record<string, number> = {};
  for (const item of audits['mainthread-work-breakdown']?.details?.items ?? []) mainThread[String(item.groupLabel ?? item.group)] = Number(item.duration);
  const scripts: Record<string, number> = {};
  for (const item of audits['bootup-time']?.details?.items ?? []) scripts[String(item.url).replace(/^https?:\/\/[^/]+/, '')] = Number(item.total);
  return { score: Math.round((lhr.categories.performance?.score ?? NaN) * 100), metrics, mainThread, scripts };
}

const sites = args.site.split(',').map((site) => resolve(site));
const servers = await Promise.all(sites.map((site, i) => startStaticServer(site, Number(args.port) + i)));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
const runs = sites.map((): Run[] => []);
try {
  for (let r = 0; r < Number(args.runs); r++) {
    for (const [i, server] of servers.entries()) {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${args.path}`;
      const run = await runOnce(url, chrome.port);
      runs[i]!.push(run);
      console.log(`  run ${r + 1} ${sites[i]}: score ${run.score}, TBT ${run.metrics['total-blocking-time']!.toFixed(0)} ms, main thread ${run.metrics['mainthread-work-breakdown']!.toFixed(0)} ms`);
    }
  }
} finally {
  await chrome.kill();
  for (const server of servers) server.close();
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
const top = (list: Record<string, number>[], count: number) => {
  const keys = [...new Set(list.flatMap((entry) => Object.keys(entry)))];
  return keys.map((key) => [key, median(list.map((entry) => entry[key] ?? 0))] as const).sort((a, b) => b[1] - a[1]).slice(0, count);
};
console.log(`\nLighthouse (performance, default mobile settings) on ${args.path}, ${args.runs} runs each, medians; ${new Date().toISOString()}\n`);
for (const [i, site] of sites.entries()) {
  const list = runs[i]!;
  console.log(`### ${site}\n`);
  console.log('| Figure | Median |\n|---|---|');
  console.log(`| Score | **${median(list.map((run) => run.score))}** (runs: ${list.map((run) => run.score).join(', ')}) |`);
  for (const [id, label] of Object.entries(METRICS)) {
    const values = list.map((run) => run.metrics[id]!);
    console.log(`| ${label} | ${id === 'cumulative-layout-shift' ? median(values).toFixed(3) : ms(median(values))} |`);
  }
  console.log(`| Main-thread work | ${ms(median(list.map((run) => run.metrics['mainthread-work-breakdown']!)))} |`);
  console.log(`| … by kind | ${top(list.map((run) => run.mainThread), 6).map(([key, value]) => `${key} ${ms(value)}`).join(', ')} |`);
  console.log(`| … by script | ${top(list.map((run) => run.scripts), 6).map(([key, value]) => `${key} ${ms(value)}`).join(', ')} |\n`);
}
