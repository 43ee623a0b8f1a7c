/**
 * `npm test`: every suite, in the order a failure is cheapest to find, and one closing line that
 * counts them all: `N passed, N failed`. Each suite also has its own npm script.
 *
 *   1. content       the shipped records: format and editorial rules (test:content; each rule counts)
 *   2. types         `astro check` (check:types; one check)
 *   3. unit          pure modules, no processes (test:unit; each test counts)
 *   4. integration   the CLI, the content check, Pagefind and `astro build` refusing bad records (test:integration)
 *   5. build         `npm run build`: the site and its search index (one check)
 *   6. links         every internal link, anchor and hreflang of the built site resolves (check:links; one check)
 *   7. sub-path      the site built for `/errors/` (build:subpath) and its link check (one check each)
 *   8. end-to-end    Playwright against both builds (test:e2e; each test counts)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { SUBPATH_OUT_DIR, SUBPATH_SITE_URL } from '../build/subpath-site.ts';

interface Tally {
  passed: number;
  failed: number;
}

const tally: Tally = { passed: 0, failed: 0 };
const results: string[] = [];

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function record(name: string, counts: Tally): void {
  tally.passed += counts.passed;
  tally.failed += counts.failed;
  results.push(`${name}: ${counts.passed} passed, ${counts.failed} failed`);
}

function single(name: string, ok: boolean): boolean {
  record(name, ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
  return ok;
}

mkdirSync('test-results', { recursive: true });
const node = process.execPath;

/** Runs one `node --test` suite and counts its tests from the TAP report. */
function nodeSuite(name: string, pattern: string): void {
  const tapFile = `test-results/${name}.tap`;
  rmSync(tapFile, { force: true });
  const status = run(node, ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`, pattern]);
  let tap = '';
  try {
    tap = readFileSync(tapFile, 'utf8');
  } catch {
    // No report means the runner itself failed to start.
  }
  const count = (label: string) => Number(new RegExp(`^# ${label} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  const counts = { passed: count('pass'), failed: count('fail') + count('cancelled') + count('skipped') + count('todo') };
  // A runner that failed without reporting a failing test still fails the suite; so does one that ran nothing.
  if ((status !== 0 || counts.passed === 0) && counts.failed === 0) counts.failed = 1;
  record(`${name} tests`, counts);
}

nodeSuite('content', 'tests/content/**/*.test.ts');
single('type check', run(node, ['node_modules/astro/bin/astro.mjs', 'check']) === 0);
nodeSuite('unit', 'tests/unit/**/*.test.ts');
nodeSuite('integration', 'tests/integration/**/*.test.ts');

const built = single('build', run('npm', ['run', '--silent', 'build']) === 0);
if (built) single('link check', run(node, ['scripts/check/links.ts']) === 0);
const builtSubpath = single('sub-path build', run(node, ['scripts/build/subpath.ts']) === 0);
if (builtSubpath) single('sub-path link check', run(node, ['scripts/check/links.ts', '--dir', SUBPATH_OUT_DIR, '--site', SUBPATH_SITE_URL]) === 0);

if (built && builtSubpath) {
  const e2eFile = 'test-results/e2e.json';
  rmSync(e2eFile, { force: true });
  const e2eStatus = run(node, ['node_modules/@playwright/test/cli.js', 'test'], { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
  let counts: Tally = { passed: 0, failed: 0 };
  try {
    const stats = JSON.parse(readFileSync(e2eFile, 'utf8')).stats as { expected: number; unexpected: number; flaky: number; skipped: number };
    // Skipped tests count as failures: none is allowed to be skipped silently.
    counts = { passed: stats.expected, failed: stats.unexpected + stats.flaky + stats.skipped };
  } catch {
    counts.failed = 1;
  }
  if (e2eStatus !== 0 && counts.failed === 0) counts.failed = 1;
  record('end-to-end tests', counts);
} else {
  results.push('end-to-end tests: not run, a build failed');
}

console.log('\nSummary');
for (const line of results) console.log(`  ${line}`);
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exitCode = tally.failed > 0 ? 1 : 0;
