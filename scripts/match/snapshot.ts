/**
 * A snapshot of everything the matcher answers, for changes that must not change any answer (speed
 * work, refactoring): `npm run --silent match:snapshot > before.jsonl`, change the code, run it again
 * into after.jsonl and compare the two files (`cmp before.jsonl after.jsonl`).
 *
 * One JSON line per paste: its ranked results and, with `explain`, up to 30 candidates with the
 * features behind their scores. Pastes: every query of the first two evaluation sets (tests/eval/), an
 * 80-line log around the first line of each (the benchmark's logs, with their own seed), and, when
 * bench-out/corpus-20000 exists, every 67th sample of the generated corpus against it; then every
 * paste of the blind sets (tests/eval/blind/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordsDir } from '../../src/node/records.ts';
import type { Matcher } from '../../src/lib/matcher/types.ts';
import { loadMatcherFromDir } from '../../src/node/matcher.ts';
import { logOfLines, rng } from '../../tests/eval/noise.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEADENDS_DIR = resolve(root, '../shared/corpus/deadends');
const CORPUS_DIR = join(root, 'bench-out/corpus-20000');

function readJsonl(file: string): { qid?: string; id?: string; text: string }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));
}

function dump(set: string, matcher: Matcher, key: string, text: string): void {
  const out = { set, key, ranked: matcher.match(text), explained: matcher.match(text, { explain: true }) };
  process.stdout.write(JSON.stringify(out) + '\n');
}

async function evalSet(set: string, dir: string, file: string): Promise<void> {
  if (!existsSync(dir)) {
    console.error(`match-snapshot: ${set} skipped, ${dir} is missing`);
    return;
  }
  const matcher = await loadMatcherFromDir(dir);
  const queries = readJsonl(file);
  const rand = rng(3);
  for (const q of queries) dump(set, matcher, q.qid ?? '', q.text);
  for (const q of queries) dump(`${set}:log80`, matcher, q.qid ?? '', logOfLines(rand, q.text.split('\n')[0] ?? '', 80));
}

async function blindSet(set: string, dir: string, file: string): Promise<void> {
  if (!existsSync(dir)) {
    console.error(`match-snapshot: ${set} skipped, ${dir} is missing`);
    return;
  }
  const matcher = await loadMatcherFromDir(dir);
  for (const q of readJsonl(file)) dump(set, matcher, q.qid ?? '', q.text);
}

await evalSet('content', recordsDir(root), join(root, 'tests/eval/content.jsonl'));
await evalSet('deadends', DEADENDS_DIR, join(root, 'tests/eval/deadends.jsonl'));
// The blind sets, as pastes only (identity, not quality: nothing here is scored).
for (const [set, dir] of [['shipped', recordsDir(root)], ['zh-locale', recordsDir(root)], ['deadends', DEADENDS_DIR]] as const) {
  for (const split of ['dev', 'test']) await blindSet(`blind:${set}.${split}`, dir, join(root, `tests/eval/blind/${set}.${split}.jsonl`));
}
const samplesFile = join(CORPUS_DIR, 'samples.jsonl');
if (existsSync(samplesFile)) {
  const matcher = await loadMatcherFromDir(CORPUS_DIR);
  const samples = readJsonl(samplesFile);
  for (let i = 0; i < samples.length; i += 67) dump('corpus-20000', matcher, samples[i]!.id ?? String(i), samples[i]!.text);
} else console.error(`match-snapshot: generated corpus skipped, ${samplesFile} is missing (npm run generate:corpus -- --count 20000 --seed 1 --out bench-out/corpus-20000)`);
