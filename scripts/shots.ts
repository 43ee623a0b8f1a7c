/**
 * Screenshots of the built site for looking at it, as a reader would:
 *
 *   npm run shots [-- --dir dist] [--out shots] [--only record]
 *
 * Serves the build (src/node/static-server.ts) and writes full-page PNGs of each page type, in both
 * languages, at 360 and 1280 px, light and dark, into `shots/` (git-ignored). Needs a build first.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../src/node/static-server.ts';
import { recordsDir } from '../src/node/records.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'shots' },
    port: { type: 'string', default: '4391' },
    only: { type: 'string' },
  },
});

if (!existsSync(values.dir)) {
  console.error(`shots: ${values.dir} does not exist; build the site first (npm run build)`);
  process.exit(2);
}

/** The record with the most text: the page most likely to show what breaks on a long page. */
function longestRecordPath(): string {
  const root = recordsDir();
  let best = { size: -1, path: '' };
  for (const domain of readdirSync(root)) {
    const dir = join(root, domain);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir)) {
      const size = statSync(join(dir, file)).size;
      if (size > best.size) best = { size, path: `${domain}/${file.replace(/\.json$/, '')}` };
    }
  }
  return `/${relative('.', best.path)}/`;
}

const SAMPLE_PASTE = [
  'E   grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with:',
  '\tstatus = StatusCode.UNAVAILABLE',
  '\tdetails = "Connection reset by peer"',
].join('\n');

const PAGES: { name: string; path: string; wait?: string }[] = [
  { name: 'home', path: '/' },
  { name: 'domain', path: '/grpc/' },
  { name: 'record-seed', path: '/grpc/grpc-connection-reset-by-peer/' },
  { name: 'record-longest', path: longestRecordPath() },
  { name: 'atlas', path: '/atlas/' },
  { name: 'search', path: '/search/?q=connection+reset', wait: '.sr-result__link' },
  { name: 'match', path: `/match/?q=${encodeURIComponent(SAMPLE_PASTE)}`, wait: '.match-result' },
  { name: '404', path: '/grpc/grpc-connection-reset/' },
];

const WIDTHS = [360, 1280];
const THEMES = ['light', 'dark'] as const;
const LOCALES = [
  { code: 'en', prefix: '' },
  { code: 'zh', prefix: '/zh' },
];

const port = Number(values.port);
const server = await startStaticServer(values.dir, port, '127.0.0.1', { compress: false, base: '/' });
rmSync(values.out, { recursive: true, force: true });
mkdirSync(values.out, { recursive: true });

const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [...(runningAsRoot ? ['--no-sandbox'] : []), '--disable-gpu'],
});

let written = 0;
try {
  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: theme });
      const page = await context.newPage();
      for (const locale of LOCALES) {
        for (const target of PAGES) {
          if (values.only && !target.name.includes(values.only)) continue;
          await page.goto(`http://127.0.0.1:${port}${locale.prefix}${target.path}`, { waitUntil: 'networkidle' });
          if (target.wait) await page.waitForSelector(target.wait, { timeout: 8000 }).catch(() => undefined);
          const file = join(values.out, `${target.name}-${locale.code}-${width}-${theme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          written++;
        }
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await new Promise<void>((done) => server.close(() => done()));
}
console.log(`shots: ${written} screenshots in ${resolve(values.out)}`);
