/**
 * Build benchmark (figures, not a test): `npm run bench:build [-- --only deadends|generated] [--count N] [--seed S] [--runs N] [--warm] [--compare DIR]`.
 *
 * Runs the whole production build as `npm run build` does (scripts/build/site.mjs: `astro build` with
 * every integration, then Pagefind once Astro has exited), for ../shared/corpus/deadends (skipped with a message if absent) and a
 * generated corpus (20,000 records by default), in the same run so that their ratio means something
 * on a shared machine. Each build writes to bench-out/<corpus>/dist (never dist/) with its own cache
 * dir, emptied first unless `--warm` (a fresh clone and CI build cold).
 *
 * Each build runs as `npm run build` does (the Node flags of the project's `build` script), minus
 * npm's own process.
 *
 * What it measures, per build:
 * - **wall time** of the build, and its **CPU time**: user + system time of every
 *   process of the build, from /proc (on a machine shared with other jobs, CPU time says more about
 *   the build's own cost than wall time does);
 * - **peak RSS of the whole build**: every 100 ms it sums `VmRSS` over the build process and all its
 *   descendants (`/proc/<pid>/task/<tid>/children`), so Pagefind's own binaries count too; it also
 *   reports the largest single process (what `/usr/bin/time` would show);
 * - **phases**, from the build's own log lines, timed as they arrive: start-up (config and the
 *   records' content check), content layer (`[content] Syncing` → `Synced`), build info (types,
 *   `Collecting build info`), bundling (Vite), page rendering (`generating static routes` → its
 *   `Completed`), sitemap, `_headers`, Astro's exit, Pagefind (in Astro's hook, before `_headers`,
 *   for versions older than scripts/build/site.mjs). Each phase gets its time and the peak summed RSS
 *   sampled while it ran.
 *
 * `--compare DIR` also builds another checkout of the project (its own `npm ci` done), say the
 * commit before a change, in the same run: builds alternate between the two, so both see the same
 * load from other jobs, and the table has a "before" and an "after" column per corpus.
 *
 * Prints a Markdown block for docs/benchmarks.md and writes bench-out/build-<corpus>.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { listRecordPaths } from '../../src/node/records.ts';
import { benchOut, median, root, siteDirOf, type Corpus } from './build-site.ts';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    count: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '1' },
    /** Keep Astro's cache (content layer store) between runs instead of building cold. */
    warm: { type: 'boolean', default: false },
    /** Extra NODE_OPTIONS for the build (e.g. `--cpu-prof --cpu-prof-dir=bench-out/prof`). */
    'node-options': { type: 'string', default: '' },
    /** Another checkout of the project to build in the same run, as "before". */
    compare: { type: 'string' },
    /** With --compare: build only that checkout (to complete a run cut short). */
    'before-only': { type: 'boolean', default: false },
  },
});

/**
 * The phases of a build, in the order its log shows them, and the log line that starts each (the
 * first phase starts at spawn; the last entry, `end`, only marks where the one before ends). Builds
 * through scripts/build/site.mjs index after Astro has exited; older ones indexed in Astro's
 * `astro:build:done` hook, between the sitemap and `_headers`. Rows are matched by name.
 */
const ASTRO_PHASES = [
  { name: 'start-up (config, content check)', starts: null },
  { name: 'content layer', starts: /\[content\] Syncing content/ },
  { name: 'build info (types, routes)', starts: /\[content\] Synced content/ },
  { name: 'bundling (Vite)', starts: /\[build\] Building static entrypoints/ },
  { name: 'page rendering', starts: /generating static routes/ },
  { name: 'sitemap', starts: /^\s*\S+ \[build\] ✓ Completed in/ },
] as const;
const PHASES_INDEX_IN_ASTRO = [
  ...ASTRO_PHASES,
  { name: 'Pagefind', starts: /\[@astrojs\/sitemap\]/ },
  // Includes Astro's exit.
  { name: '_headers (and redirects)', starts: /\[error-atlas:pagefind\]/ },
  { name: 'end', starts: /\[error-atlas:security-headers\]/ },
] as const;
const PHASES_INDEX_AFTER_ASTRO = [
  ...ASTRO_PHASES,
  { name: '_headers (and redirects)', starts: /\[@astrojs\/sitemap\]/ },
  { name: "Astro's exit", starts: /\[error-atlas:security-headers\]/ },
  { name: 'Pagefind', starts: /\[error-atlas:pagefind\] astro build has exited/ },
  { name: 'end', starts: /\[error-atlas:pagefind\] indexed / },
] as const;
/** Report rows, in this order; a version without a phase shows "–". */
const PHASE_ROWS = [...ASTRO_PHASES.map((p) => p.name), "Astro's exit", 'Pagefind', '_headers (and redirects)'];
type PhaseList = readonly { name: string; starts: RegExp | null }[];

interface Sample { t: number; total: number; largest: number; processes: number; cpu: number }
interface Phase { name: string; seconds: number; cpuSeconds: number; peakMb: number }
interface Run { seconds: number; cpuSeconds: number; peakMb: number; largestMb: number; pages: number; phases: Phase[]; processPeaks: Record<string, number> }

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

function readStatus(pid: number): { rssKb: number; name: string } | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    return { rssKb: Number(/VmRSS:\s+(\d+)/.exec(text)?.[1] ?? 0), name: /Name:\s+(\S+)/.exec(text)?.[1] ?? '?' };
  } catch {
    return null; // gone since we listed it
  }
}

/** CPU time used so far by a process (user + system, its threads included), in clock ticks, from /proc/<pid>/stat. */
function cpuTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), counted from field 3: utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) found.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // gone
  }
  return found;
}

/** Summed RSS of a process tree, and each process's. */
function sampleTree(rootPid: number, ticks: Map<number, number>): { total: number; largest: number; byName: Map<string, number>; processes: number } {
  const byName = new Map<string, number>();
  let total = 0;
  let largest = 0;
  let processes = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    const status = readStatus(pid);
    if (!status) continue;
    processes += 1;
    const used = cpuTicks(pid);
    if (used !== null) ticks.set(pid, used);
    total += status.rssKb;
    largest = Math.max(largest, status.rssKb);
    byName.set(status.name, Math.max(byName.get(status.name) ?? 0, status.rssKb));
    queue.push(...childrenOf(pid));
  }
  return { total, largest, byName, processes };
}

const mbOf = (kb: number) => Math.round(kb / 1024);

/**
 * How the version's `npm run build` starts the build, minus npm's own process: the arguments to
 * give Node before `astro build`'s own (`--config …`), and the phases its log shows.
 */
function buildCommand(versionRoot: string): { args: string[]; phases: PhaseList } {
  const script: string = JSON.parse(readFileSync(join(versionRoot, 'package.json'), 'utf8')).scripts.build;
  const astro = join(versionRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  if (script === 'node scripts/build/site.mjs') return { args: [join(versionRoot, 'scripts', 'build', 'site.mjs')], phases: PHASES_INDEX_AFTER_ASTRO };
  if (script === 'astro build') return { args: [astro, 'build'], phases: PHASES_INDEX_IN_ASTRO };
  const flags = /^node ((?:--\S+ )*)node_modules\/astro\/bin\/astro\.mjs build$/.exec(script)?.[1];
  if (flags === undefined) throw new Error(`bench:build does not know how to run the build script "${script}" of ${versionRoot}`);
  const nodeFlags = flags.trim().split(' ').filter(Boolean).map((flag) => flag.replace(/^(--env-file=)(?!\/)/, `$1${versionRoot}/`));
  return { args: [...nodeFlags, astro, 'build'], phases: PHASES_INDEX_IN_ASTRO };
}

/** A version of the project to build: this checkout ("after"), or the one given with `--compare` ("before"). */
interface Version { label: string; root: string }

async function buildOnce(corpus: Corpus, runIndex: number, version: Version): Promise<Run> {
  const name = version.label === 'after' ? corpus.name : `${corpus.name}-${version.label}`;
  const siteDir = siteDirOf(name);
  const dir = join(benchOut, name);
  const cacheDir = join(dir, 'cache');
  const config = join(dir, 'astro.config.mjs');
  mkdirSync(dir, { recursive: true });
  if (!args.warm) rmSync(cacheDir, { recursive: true, force: true });
  rmSync(siteDir, { recursive: true, force: true });
  writeFileSync(config, `import base from ${JSON.stringify(join(version.root, 'astro.config.mjs'))};\nexport default { ...base, outDir: ${JSON.stringify(siteDir)}, cacheDir: ${JSON.stringify(cacheDir)} };\n`);
  const { args: command, phases: PHASES } = buildCommand(version.root);
  console.log(`\n[${name}] run ${runIndex + 1}: building ${corpus.records} records → ${relative(root, siteDir)}${args.warm ? ' (warm cache)' : ''}`);
  const env: NodeJS.ProcessEnv = { ...process.env, ATLAS_ERRORS_DIR: corpus.dir, NODE_OPTIONS: [process.env.NODE_OPTIONS, args['node-options']].filter(Boolean).join(' ') };
  delete env.ATLAS_SKIP_PAGEFIND;
  const started = performance.now();
  const child = spawn(process.execPath, [...command, '--config', relative(version.root, config)], { cwd: version.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const samples: Sample[] = [];
  const processPeaks = new Map<string, number>();
  // CPU ticks last seen per process of the tree (a process that ended keeps its last figure).
  const ticks = new Map<number, number>();
  const cpuSoFar = () => [...ticks.values()].reduce((sum, value) => sum + value, 0) / TICKS_PER_SECOND;
  const sample = () => {
    const tree = sampleTree(child.pid!, ticks);
    samples.push({ t: (performance.now() - started) / 1000, total: tree.total, largest: tree.largest, processes: tree.processes, cpu: cpuSoFar() });
    for (const [name, kb] of tree.byName) processPeaks.set(name, Math.max(processPeaks.get(name) ?? 0, kb));
  };
  const timer = setInterval(sample, 100);
  const marks: number[] = [0];
  let phase = 1;
  const log: string[] = [];
  const onLine = (line: string) => {
    log.push(line);
    const t = (performance.now() - started) / 1000;
    // Strictly in order: `[build] ✓ Completed in` also ends "Collecting build info", before the pages.
    if (phase < PHASES.length && PHASES[phase]!.starts!.test(line)) {
      marks.push(t);
      phase += 1;
    }
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', (line) => log.push(line));
  const code: number = await new Promise((done) => child.on('close', (status) => done(status ?? 1)));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(join(dir, `build-run-${runIndex + 1}.log`), log.join('\n'));
  if (code !== 0) {
    console.error(log.slice(-40).join('\n'));
    throw new Error(`astro build failed for ${corpus.name} (exit ${code})`);
  }
  while (marks.length < PHASES.length) marks.push(seconds);
  const phases: Phase[] = PHASES.slice(0, -1).map((p, i) => {
    const from = marks[i]!;
    const to = i + 1 < PHASES.length - 1 ? marks[i + 1]! : seconds;
    const during = samples.filter((s) => s.t >= from && s.t <= to);
    // A phase shorter than the sampling interval: the sample just before it ends.
    const last = samples.filter((s) => s.t <= to).at(-1);
    const cpuAt = (t: number) => samples.filter((s) => s.t <= t).at(-1)?.cpu ?? 0;
    const cpuEnd = i + 1 < PHASES.length - 1 ? cpuAt(to) : cpuSoFar();
    return { name: p.name, seconds: to - from, cpuSeconds: cpuEnd - cpuAt(from), peakMb: mbOf(Math.max(last?.total ?? 0, ...during.map((s) => s.total))) };
  });
  const pages = Number(/(\d+) page\(s\) built/.exec(log.join('\n'))?.[1] ?? NaN);
  const run: Run = {
    seconds,
    cpuSeconds: cpuSoFar(),
    peakMb: mbOf(Math.max(...samples.map((s) => s.total))),
    largestMb: mbOf(Math.max(...samples.map((s) => s.largest))),
    pages,
    phases,
    processPeaks: Object.fromEntries([...processPeaks].map(([name, kb]) => [name, mbOf(kb)])),
  };
  writeFileSync(join(dir, `build-run-${runIndex + 1}-rss.json`), JSON.stringify(samples));
  console.log(`[${name}] ${pages} pages in ${seconds.toFixed(1)} s (CPU ${run.cpuSeconds.toFixed(1)} s), peak RSS ${run.peakMb} MB (largest process ${run.largestMb} MB); ${phases.map((p) => `${p.name} ${p.seconds.toFixed(1)} s, CPU ${p.cpuSeconds.toFixed(1)} s, ${p.peakMb} MB`).join('; ')}`);
  return run;
}

interface Figures { corpus: Corpus; version: Version; runs: Run[] }

function report(figures: Figures[]): string {
  const lines: string[] = [];
  const med = (runs: Run[], pick: (run: Run) => number) => median(runs.map(pick));
  const head = ['Figure', ...figures.map((f) => `${f.corpus.name}${args.compare ? ` ${f.version.label}` : ''}: ${f.corpus.records.toLocaleString('en')} records, ${f.runs[0]!.pages.toLocaleString('en')} pages`)];
  lines.push(`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  const row = (label: string, cell: (f: Figures) => string) => lines.push(`| ${label} | ${figures.map(cell).join(' | ')} |`);
  row(`**Wall time** (median of ${figures[0]!.runs.length})`, (f) => `**${med(f.runs, (r) => r.seconds).toFixed(1)} s**`);
  row('**CPU time**, all processes (user + system)', (f) => `**${med(f.runs, (r) => r.cpuSeconds).toFixed(1)} s**`);
  row('**Peak RSS, whole build** (all processes summed)', (f) => `**${med(f.runs, (r) => r.peakMb).toLocaleString('en')} MB**`);
  row('Peak RSS, largest single process', (f) => `${med(f.runs, (r) => r.largestMb).toLocaleString('en')} MB`);
  for (const name of PHASE_ROWS) {
    const of = (run: Run) => run.phases.find((p) => p.name === name);
    if (!figures.some((f) => f.runs.some(of))) continue;
    row(`${name}: wall / CPU / peak RSS`, (f) => (f.runs.some(of) ? `${med(f.runs, (r) => of(r)?.seconds ?? 0).toFixed(1)} s / ${med(f.runs, (r) => of(r)?.cpuSeconds ?? 0).toFixed(1)} s / ${med(f.runs, (r) => of(r)?.peakMb ?? 0).toLocaleString('en')} MB` : '–'));
  }
  row('Peak RSS by process', (f) => Object.entries(f.runs.at(-1)!.processPeaks).map(([name, mb]) => `${name} ${mb.toLocaleString('en')} MB`).join(', '));
  for (const version of new Set(figures.map((f) => f.version.label))) {
    const of = figures.filter((f) => f.version.label === version);
    if (of.length !== 2) continue;
    const [a, b] = of as [Figures, Figures];
    const ratio = med(b.runs, (r) => r.seconds) / med(a.runs, (r) => r.seconds);
    const cpuRatio = med(b.runs, (r) => r.cpuSeconds) / med(a.runs, (r) => r.cpuSeconds);
    const linear = b.corpus.records / a.corpus.records;
    lines.push('', `${args.compare ? `${version}: ` : ''}${b.corpus.name} / ${a.corpus.name}: wall time ×${ratio.toFixed(2)}, CPU time ×${cpuRatio.toFixed(2)} for ×${linear.toFixed(2)} the records (${Math.max(ratio, cpuRatio) <= linear ? 'at most linear' : 'more than linear'}); peak RSS ×${(med(b.runs, (r) => r.peakMb) / med(a.runs, (r) => r.peakMb)).toFixed(2)}.`);
  }
  return lines.join('\n');
}

const corpora: Corpus[] = [];
const deadends = resolve(root, '..', 'shared', 'corpus', 'deadends');
if (args.only !== 'generated') {
  if (existsSync(deadends)) corpora.push({ name: 'deadends', dir: deadends, records: listRecordPaths(deadends).length });
  else console.log(`Skipping the deadends corpus: ${deadends} does not exist.`);
}
if (args.only !== 'deadends') {
  const count = Number(args.count);
  const dir = join(benchOut, `corpus-${count}`);
  if (!existsSync(dir) || listRecordPaths(dir).length !== count) {
    console.log(`Generating ${count} records (seed ${args.seed}) → ${relative(root, dir)}`);
    const generated = spawnSync(process.execPath, [join(root, 'scripts', 'corpus', 'generate.ts'), '--count', String(count), '--out', dir, '--seed', String(args.seed)], { cwd: root, stdio: 'inherit' });
    if (generated.status !== 0) throw new Error('corpus generation failed');
  }
  corpora.push({ name: `generated-${count}`, dir, records: listRecordPaths(dir).length });
}

const versions: Version[] = [...(args.compare ? [{ label: 'before', root: resolve(args.compare) }] : []), ...(args.compare && args['before-only'] ? [] : [{ label: 'after', root }])];
const figures: Figures[] = corpora.flatMap((corpus) => versions.map((version) => ({ corpus, version, runs: [] })));
// Runs alternate between corpora and versions, so a burst of load from other jobs does not fall on one of them only.
for (let i = 0; i < Number(args.runs); i += 1) {
  for (const entry of figures) entry.runs.push(await buildOnce(entry.corpus, i, entry.version));
}
for (const entry of figures) writeFileSync(join(benchOut, `build-${entry.corpus.name}${entry.version.label === 'after' ? '' : `-${entry.version.label}`}.json`), JSON.stringify(entry, null, 2));
const pagefindVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'pagefind', 'package.json'), 'utf8')).version;
const astroVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'astro', 'package.json'), 'utf8')).version;
console.log(`\n## Build\n\nMeasured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}, Astro ${astroVersion}, Pagefind ${pagefindVersion}; ${args.warm ? 'warm' : 'cold'} cache.\n`);
console.log(report(figures));
