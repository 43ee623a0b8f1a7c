/**
 * The matcher CLI (exact interface; other tools rely on it):
 *
 *   npm run --silent match -- [--errors DIR] [--top N] [--format text|json|markdown|github] [--json]
 *                             [--site-url URL] [--budget-ms MS]  < paste.txt
 *   npm run --silent match -- [options as above] paste.txt
 *   npm run --silent match -- [--errors DIR] --jsonl FILE [--top N] [--budget-ms MS]
 *
 * Without --jsonl, reads the paste from the file named after the options (`-`: standard input) or
 * else from standard input, and prints the ranked records with their page
 * URLs (lib/present/match-report.ts): as text (default), a JSON array (`--format json`, or `--json`),
 * Markdown for a comment or job summary, or GitHub Actions annotations (`--format github`). Exit
 * status: 0 when a record matched, 1 when none did.
 * With --jsonl, reads one {"qid","text"} object per line of FILE and prints one
 * {"qid","ranked":[ids],"ms":n} line per query (exit 0); loading and compiling happen once, first.
 * The site URL comes from --site-url, else ATLAS_SITE_URL (default: src/lib/site-config.ts).
 * Matching runs with the match page's time budget (2 s, or --budget-ms): a paste on which a record's
 * pattern backtracks stops with a message instead of running on; with --jsonl that query answers
 * `"ranked": [], "timedOut": true` and the others go on.
 * Bad arguments, unreadable files, invalid records or a paste over the budget: a message on stderr
 * and exit code 2.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { recordsDir } from '../../src/node/records.ts';
import { formatReport, linkResults, REPORT_FORMATS, type ReportFormat } from '../../src/lib/present/match-report.ts';
import { siteUrl } from '../../src/lib/site-config.ts';
import { MATCH_BUDGET_MS } from '../../src/lib/matcher/tuning.ts';
import { createTimedMatcher, type TimedMatcher } from '../../src/node/timed-matcher.ts';

const USAGE = 'usage: npm run --silent match -- [--errors DIR] [--top N] [--format text|json|markdown|github] [--site-url URL] [--budget-ms MS] [PASTE_FILE | - | < paste.txt]\n       npm run --silent match -- [--errors DIR] [--top N] [--budget-ms MS] --jsonl FILE\nexit status: 0 a record matched, 1 none did, 2 bad usage, unreadable input or too slow';

function fail(message: string): never {
  process.stderr.write(`match: ${message}\n${USAGE}\n`);
  process.exit(2);
}

interface Args {
  errors: string;
  top: number;
  format: ReportFormat;
  site: string;
  jsonl: string | null;
  /** The file holding the paste; null: standard input. */
  paste: string | null;
  budgetMs: number;
}

function readArgs(argv: string[]): Args {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        errors: { type: 'string' },
        top: { type: 'string' },
        json: { type: 'boolean', default: false },
        format: { type: 'string' },
        'site-url': { type: 'string' },
        jsonl: { type: 'string' },
        'budget-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (positionals.length > 1) fail(`one paste file at most, got ${positionals.length}: ${positionals.join(' ')}`);
  const pasteArg = positionals[0];
  if (pasteArg !== undefined && values.jsonl !== undefined) fail(`--jsonl FILE holds the queries: a paste file (${pasteArg}) cannot go with it`);
  const top = values.top === undefined ? 10 : Number(values.top);
  if (!Number.isInteger(top) || top < 1 || top > 10) fail(`--top must be a whole number from 1 to 10, got "${values.top}"`);
  const budgetMs = values['budget-ms'] === undefined ? MATCH_BUDGET_MS : Number(values['budget-ms']);
  if (!Number.isInteger(budgetMs) || budgetMs < 1) fail(`--budget-ms must be a positive whole number of milliseconds, got "${values['budget-ms']}"`);
  const format = values.format ?? (values.json ? 'json' : 'text');
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) fail(`--format must be one of ${REPORT_FORMATS.join(', ')}, got "${format}"`);
  if (values.json && values.format !== undefined && values.format !== 'json') fail(`--json and --format ${values.format} contradict each other`);
  let site: string;
  try {
    site = siteUrl(values['site-url'] === undefined ? process.env : { ATLAS_SITE_URL: values['site-url'] });
  } catch (error) {
    fail((error as Error).message.replace(/^ATLAS_SITE_URL/, values['site-url'] === undefined ? 'ATLAS_SITE_URL' : '--site-url'));
  }
  const args: Args = {
    errors: values.errors === undefined ? recordsDir() : resolve(values.errors),
    top,
    format: format as ReportFormat,
    site,
    jsonl: values.jsonl === undefined ? null : resolve(values.jsonl),
    paste: pasteArg === undefined || pasteArg === '-' ? null : resolve(pasteArg),
    budgetMs,
  };
  if (!existsSync(args.errors)) fail(`records directory ${args.errors} does not exist`);
  if (!statSync(args.errors).isDirectory()) fail(`records directory ${args.errors} is not a directory`);
  if (args.jsonl !== null && !existsSync(args.jsonl)) fail(`--jsonl file ${args.jsonl} does not exist`);
  if (args.paste !== null && !existsSync(args.paste)) fail(`paste file ${args.paste} does not exist`);
  if (args.paste !== null && statSync(args.paste).isDirectory()) fail(`paste file ${args.paste} is a directory`);
  return args;
}

const args = readArgs(process.argv.slice(2));
let matcher: TimedMatcher;
try {
  matcher = await createTimedMatcher(args.errors, args.budgetMs);
} catch (error) {
  fail((error as Error).message);
}
const tooSlow = `gave up after ${args.budgetMs / 1000} s: a record's pattern is too slow on this paste (the match page stops at the same budget)`;

if (args.jsonl !== null) {
  let text: string;
  try {
    text = readFileSync(args.jsonl, 'utf8');
  } catch (error) {
    fail(`cannot read --jsonl file ${args.jsonl}: ${(error as Error).message}`);
  }
  const queries: { qid: string; text: string }[] = [];
  text.split('\n').forEach((line, k) => {
    if (line.trim() === '') return;
    let q: { qid?: unknown; text?: unknown };
    try {
      q = JSON.parse(line);
    } catch (error) {
      fail(`${args.jsonl} line ${k + 1}: not valid JSON (${(error as Error).message})`);
    }
    if (!q || typeof q !== 'object' || typeof q.text !== 'string' || (typeof q.qid !== 'string' && typeof q.qid !== 'number')) {
      fail(`${args.jsonl} line ${k + 1}: expected an object {"qid": "...", "text": "..."}`);
    }
    queries.push({ qid: String(q.qid), text: q.text });
  });
  const out: string[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    const answer = await matcher.match(q.text, args.top);
    const ms = Math.round((performance.now() - t0) * 1000) / 1000;
    if (answer.timedOut) process.stderr.write(`match: ${q.qid}: ${tooSlow}\n`);
    out.push(JSON.stringify({ qid: q.qid, ranked: answer.results.map((r) => r.id), ms, ...(answer.timedOut ? { timedOut: true } : {}) }));
  }
  await matcher.close();
  process.stdout.write(out.length ? `${out.join('\n')}\n` : '');
} else {
  let paste: string;
  if (args.paste !== null) {
    try {
      paste = readFileSync(args.paste, 'utf8');
    } catch (error) {
      fail(`cannot read paste file ${args.paste}: ${(error as Error).message}`);
    }
  } else {
    if (process.stdin.isTTY) process.stderr.write('match: reading the paste from standard input (end with Ctrl-D)\n');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    paste = Buffer.concat(chunks).toString('utf8');
  }
  const answer = await matcher.match(paste, args.top);
  await matcher.close();
  if (answer.timedOut) fail(tooSlow);
  process.stdout.write(formatReport(linkResults(answer.results, args.site), args.format));
  process.exitCode = answer.results.length > 0 ? 0 : 1;
}
