/**
 * Search benchmark (figures, not a test): `npm run bench:search [-- --only deadends|generated] [--count N] [--queries N]`.
 *
 * For each corpus — ../shared/corpus/deadends (skipped with a message if absent) and a generated
 * corpus (20,000 records by default) — it builds the site into bench-out/ (never dist/), runs the
 * Pagefind step on its own to time it (both bundles: /pagefind/ and /pagefind-sorted/, see
 * src/lib/search/bundles.ts), measures the index on disk, then measures search in Chromium
 * (scripts/bench/search-browser.ts); `--browser-only` re-runs just that part. Prints a Markdown block for docs/benchmarks.md and writes
 * bench-out/search-<corpus>.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_BUNDLE, SORTED_BUNDLE } from '../../src/lib/search/bundles.ts';
import { listRecordPaths } from '../../src/node/records.ts';
import { indexSite, type IndexStats } from '../../src/node/search/indexer.ts';
import { KINDS, measureSearch, measureSites, type BrowserFigures, type Bytes, type Kind } from './search-browser.ts';
import { pickQueries } from './queries.ts';
import { buildCorpusSite as build, median, quantile, type Corpus } from './build-site.ts';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, 'bench-out');
const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    count: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
    queries: { type: 'string', default: '36' },
    /** Re-measure in the browser only, reusing the last build and index figures of each corpus. */
    'browser-only': { type: 'boolean', default: false },
    /**
     * With --browser-only: measure these built sites of the corpus (comma-separated folders, e.g. a
     * build before and after a change), one query at a time in turn, instead of bench-out/<corpus>/dist.
     */
    site: { type: 'string' },
  },
});

const countRecords = (dir: string): number => listRecordPaths(dir).length;

function du(path: string): { bytes: number; files: number } {
  const stat = statSync(path);
  if (!stat.isDirectory()) return { bytes: stat.size, files: 1 };
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(path)) {
    const sub = du(join(path, name));
    bytes += sub.bytes;
    files += sub.files;
  }
  return { bytes, files };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

type Indexing = Pick<IndexStats, 'seconds' | 'pages'> & Partial<Pick<IndexStats, 'bundles'>>;
interface Sizes {
  bundle: { bytes: number; files: number };
  data: { bytes: number; files: number };
  /** The sorted bundle, whole (absent in figures saved before it existed). */
  sorted?: { bytes: number; files: number };
  /** Bundle → language → bytes of its page list. */
  pageLists?: Record<string, Record<string, number>>;
}

/** Each bundle's page list (`pf_meta`) per language, as stored and served (Pagefind gzips it itself). */
function pageLists(siteDir: string): Record<string, Record<string, number>> {
  const lists: Record<string, Record<string, number>> = {};
  for (const bundle of [DEFAULT_BUNDLE, SORTED_BUNDLE]) {
    lists[bundle] = {};
    for (const name of readdirSync(join(siteDir, bundle)).filter((file) => file.endsWith('.pf_meta'))) {
      lists[bundle]![/^pagefind\.([^_]+)_/.exec(name)![1]!] = statSync(join(siteDir, bundle, name)).size;
    }
  }
  return lists;
}

function report(corpus: Corpus, built: ReturnType<typeof build> | undefined, indexing: Indexing | undefined, size: Sizes | undefined, browser: BrowserFigures): string {
  const sum = (bytes: Bytes, kinds: readonly Kind[]) => kinds.reduce((total, kind) => total + bytes[kind], 0);
  const search = KINDS.filter((kind) => kind !== 'ui');
  const column = (list: Bytes[], kinds: readonly Kind[]) => list.map((bytes) => sum(bytes, kinds));
  const pair = (xs: number[]) => `${kb(median(xs))} / ${kb(quantile(xs, 0.95))}`;
  const byKind = KINDS.map((kind) => `${kind} ${kb(median(column(browser.transfer, [kind])))}`).join(', ');
  return [
    `### ${corpus.name}: ${corpus.records.toLocaleString('en')} records, ${built ? `${built.pages.toLocaleString('en')} pages` : 'pages as last built'}`,
    '',
    '| Figure | Value |',
    '|---|---|',
    // Build and index figures: absent when the browser part re-ran on a build this script did not make.
    ...(built && indexing && size ? [
    `| Astro build (no index) | ${built.seconds.toFixed(0)} s${built.maxRssMb ? `, peak RSS ${built.maxRssMb.toLocaleString('en')} MB` : ''} |`,
    `| Pagefind indexing, both bundles at once | ${indexing.seconds.toFixed(1)} s for ${indexing.pages.toLocaleString('en')} pages${indexing.bundles ? ` (/${DEFAULT_BUNDLE}/ ${indexing.bundles.default.seconds.toFixed(1)} s, /${SORTED_BUNDLE}/ ${indexing.bundles.sorted.seconds.toFixed(1)} s)` : ''} |`,
    `| Index on disk (index chunks, fragments, filters, meta), /${DEFAULT_BUNDLE}/ | ${mb(size.data!.bytes)} in ${size.data!.files.toLocaleString('en')} files |`,
    `| Whole /${DEFAULT_BUNDLE}/ bundle (with engine and UI code) | ${mb(size.bundle!.bytes)} |`,
    ...(size.sorted ? [`| Whole /${SORTED_BUNDLE}/ bundle (sort keys; loaded only for a sort other than best match) | ${mb(size.sorted.bytes)} |`] : []),
    ...(size.pageLists ? [`| Page list (\`pf_meta\`, as stored and served) per language: /${DEFAULT_BUNDLE}/ → /${SORTED_BUNDLE}/ | ${Object.entries(size.pageLists[DEFAULT_BUNDLE] ?? {}).map(([lang, bytes]) => `${lang} ${kb(bytes)} → ${kb(size.pageLists![SORTED_BUNDLE]?.[lang] ?? NaN)}`).join(', ')} |`] : []),
    ] : []),
    `| Search ready: page load start → engine, wasm and page list loaded (median / p95) | ${ms(median(browser.readyMs))} / ${ms(quantile(browser.readyMs, 0.95))} |`,
    `| **First query**, last keystroke → results rendered (median / p95, n=${browser.firstMs.length}) | **${ms(median(browser.firstMs))} / ${ms(quantile(browser.firstMs, 0.95))}** |`,
    `| Later queries in the same page, last keystroke (median / p95, n=${browser.warmMs.length}) | ${ms(median(browser.warmMs))} / ${ms(quantile(browser.warmMs, 0.95))} |`,
    ...(browser.keysFirst ? keystrokeRows(browser) : []),
    `| **Fetched for a first query, as transferred: engine + index data** (median / p95) | **${pair(column(browser.transfer, search))}** |`,
    `| … the same, decoded (raw) | ${pair(column(browser.raw, search))} |`,
    `| … plus the Component UI code (JS + CSS), as transferred / raw (median) | ${kb(median(column(browser.transfer, KINDS)))} / ${kb(median(column(browser.raw, KINDS)))} |`,
    `| … by kind, as transferred (median) | ${byKind} |`,
    `| Result fragments fetched for a first query (median / max) | ${median(browser.fragments)} / ${Math.max(...browser.fragments)} |`,
    ...(browser.sortedRequests ? [`| Requests to /${SORTED_BUNDLE}/ for a first query (best match; expected 0), max | ${Math.max(0, ...browser.sortedRequests)} |`] : []),
    ...(browser.empty?.length ? [`| Queries for which Pagefind found nothing (not timed) | ${browser.empty.length}: ${browser.empty.map((q) => `\`${q}\``).join(', ')} |`] : []),
    ...(browser.misses.length ? [`| Queries with no result within 15 s | ${browser.misses.length}: ${browser.misses.map((q) => `\`${q}\``).join(', ')} |`] : []),
    '',
  ].join('\n');
}

/** Every keystroke (scripts/bench/search-browser.ts, `installClock`): all, of first queries, of later ones. */
function keystrokeRows(browser: BrowserFigures): string[] {
  const all = [...browser.keysFirst!, ...browser.keysLater!];
  const row = (label: string, xs: number[]) => `| ${label} (median / p95 / max, n=${xs.length}) | ${ms(median(xs))} / ${ms(quantile(xs, 0.95))} / ${ms(Math.max(...xs))} |`;
  const settled = browser.settledFirst ? [row('**Every keystroke**, keydown → its results on screen, or the next keystroke if that came first', [...browser.settledFirst, ...browser.settledLater!]),
    row('… keystrokes of first queries (fresh page)', browser.settledFirst),
    row('… keystrokes of later queries (same page)', browser.settledLater!)] : [];
  return [
    ...settled,
    row('Every keystroke, keydown → results for it or a later prefix on screen (the screen caught up)', all),
    row('… keystrokes of first queries (fresh page)', browser.keysFirst!),
    row('… keystrokes of later queries (same page)', browser.keysLater!),
    `| … keystrokes answered by a later prefix's results (own search superseded or coalesced) / never answered in 15 s | ${browser.keysSuperseded} / ${browser.keysMissed} |`,
    ...(browser.sortTransfer?.length ? [
      `| **Sort change** after the queries (best match → fix rate): fetched, as transferred (median / max, n=${browser.sortTransfer.length}) | **${kb(median(browser.sortTransfer.map((b) => KINDS.reduce((t, k) => t + b[k], 0))))} / ${kb(Math.max(...browser.sortTransfer.map((b) => KINDS.reduce((t, k) => t + b[k], 0))))}** |`,
      `| … by kind (median) | ${KINDS.map((kind) => `${kind} ${kb(median(browser.sortTransfer!.map((b) => b[kind])))}`).join(', ')} |`,
      `| … time to the first sorted result (median / p95) | ${ms(median(browser.sortMs!))} / ${ms(quantile(browser.sortMs!, 0.95))} |`,
    ] : []),
    `| … slowest keystrokes | ${browser.slowest!.slice(0, 5).map((key) => `${key.ms} ms \`${key.term}\``).join(', ')} |`,
  ];
}

async function run(corpus: Corpus, queryCount: number): Promise<string> {
  const previous = join(out, `search-${corpus.name}.json`);
  if (args['browser-only'] && existsSync(join(out, corpus.name, 'dist'))) {
    const last = existsSync(previous) ? JSON.parse(readFileSync(previous, 'utf8')) : {};
    const queries = pickQueries(corpus.dir, queryCount);
    if (args.site) {
      const sites = args.site.split(',').map((site) => resolve(site));
      const measured = await measureSites(sites, queries);
      return sites.map((site, i) => report({ ...corpus, name: `${corpus.name} (${site})` }, undefined, undefined, undefined, measured[i]!)).join('\n');
    }
    const browser = await measureSearch(join(out, corpus.name, 'dist'), queries);
    writeFileSync(previous, JSON.stringify({ ...last, queries, browser }, null, 2));
    return report(corpus, last.built, last.indexing, last.size, browser);
  }
  const built = build(corpus);
  const siteDir = join(out, corpus.name, 'dist');
  console.log(`[${corpus.name}] built ${built.pages} pages in ${built.seconds.toFixed(0)} s; indexing…`);
  const indexing = await indexSite(siteDir);
  const bundle = join(siteDir, DEFAULT_BUNDLE);
  const data = ['index', 'fragment', 'filter'].filter((name) => existsSync(join(bundle, name))).map((name) => du(join(bundle, name)));
  const meta = readdirSync(bundle).filter((name) => name.endsWith('.pf_meta')).map((name) => du(join(bundle, name)));
  const size: Sizes = {
    bundle: du(bundle),
    data: [...data, ...meta].reduce((sum, part) => ({ bytes: sum.bytes + part.bytes, files: sum.files + part.files }), { bytes: 0, files: 0 }),
    sorted: du(join(siteDir, SORTED_BUNDLE)),
    pageLists: pageLists(siteDir),
  };
  writeFileSync(join(out, `search-${corpus.name}.json`), JSON.stringify({ corpus, built, indexing, size }, null, 2));
  const queries = pickQueries(corpus.dir, queryCount);
  console.log(`[${corpus.name}] indexed in ${indexing.seconds.toFixed(1)} s; ${queries.length} queries in Chromium…`);
  const browser = await measureSearch(siteDir, queries);
  writeFileSync(join(out, `search-${corpus.name}.json`), JSON.stringify({ corpus, built, indexing, size, queries, browser }, null, 2));
  return report(corpus, built, indexing, size, browser);
}

const corpora: Corpus[] = [];
const deadends = resolve(root, '..', 'shared', 'corpus', 'deadends');
if (args.only !== 'generated') {
  if (existsSync(deadends)) corpora.push({ name: 'deadends', dir: deadends, records: countRecords(deadends) });
  else console.log(`Skipping the deadends corpus: ${deadends} does not exist.`);
}
if (args.only !== 'deadends') {
  const count = Number(args.count);
  const dir = join(out, `corpus-${count}`);
  console.log(`Generating ${count} records (seed ${args.seed}) → ${dir}`);
  const generated = args['browser-only'] && existsSync(dir) ? { status: 0 } : spawnSync(process.execPath, [join(root, 'scripts', 'corpus', 'generate.ts'), '--count', String(count), '--out', dir, '--seed', String(args.seed)], { cwd: root, stdio: 'inherit' });
  if (generated.status !== 0) throw new Error('corpus generation failed');
  corpora.push({ name: `generated-${count}`, dir, records: countRecords(dir) });
}

const sections: string[] = [];
for (const corpus of corpora) sections.push(await run(corpus, Number(args.queries)));
const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`\n## Search\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${cpu}, ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}, Pagefind ${JSON.parse(readFileSync(join(root, 'node_modules', 'pagefind', 'package.json'), 'utf8')).version}, Debian Chromium, served gzipped by scripts/serve.ts.\n`);
console.log(sections.join('\n'));
