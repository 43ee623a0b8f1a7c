/**
 * Builds the site for a records directory into bench-out/<name>/dist (never dist/), with its own
 * Astro config and cache dir so that it cannot disturb other builds, and without the Pagefind step
 * (benchmarks that need the index run it on their own). Shared by the benchmarks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');
export const benchOut = join(root, 'bench-out');

export interface Corpus { name: string; dir: string; records: number }

export interface BuildFigures { seconds: number; pages: number; maxRssMb: number | null }

/** The site's folder for a corpus: bench-out/<name>/dist. */
export const siteDirOf = (name: string) => join(benchOut, name, 'dist');

export function buildCorpusSite(corpus: Corpus): BuildFigures {
  const siteDir = siteDirOf(corpus.name);
  const config = join(benchOut, corpus.name, 'astro.config.mjs');
  mkdirSync(join(benchOut, corpus.name), { recursive: true });
  writeFileSync(config, `import base from ${JSON.stringify(join(root, 'astro.config.mjs'))};\nexport default { ...base, outDir: ${JSON.stringify(siteDir)}, cacheDir: ${JSON.stringify(join(benchOut, corpus.name, 'cache'))} };\n`);
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const timeBin = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'maxrss_kb=%M'] : [];
  const command = [...timeBin, process.execPath, astro, 'build', '--config', relative(root, config)];
  console.log(`\n[${corpus.name}] building ${corpus.records} records → ${siteDir}`);
  const started = performance.now();
  const result = spawnSync(command[0]!, command.slice(1), {
    cwd: root,
    env: { ...process.env, ATLAS_ERRORS_DIR: corpus.dir, ATLAS_SKIP_PAGEFIND: '1', NODE_OPTIONS: '--max-old-space-size=12288' },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    console.error(result.stdout.slice(-4000), result.stderr.slice(-4000));
    throw new Error(`astro build failed for ${corpus.name}`);
  }
  const pages = Number(/(\d+) page\(s\) built/.exec(result.stdout)?.[1] ?? NaN);
  const rss = /maxrss_kb=(\d+)/.exec(result.stderr)?.[1];
  return { seconds, pages, maxRssMb: rss ? Math.round(Number(rss) / 1024) : null };
}

export const median = (xs: number[]) => quantile(xs, 0.5);

/** The q-quantile by the nearest-rank method. */
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
