/**
 * Generate N synthetic records in the project's exact format, for benchmarks at scale
 * (tests/eval/corpus-files.ts; deterministic for a seed; the output directory is emptied first and
 * must be outside content/):
 *
 *   npm run generate:corpus -- [--count 20000] [--out bench-out/corpus-20000] [--seed 1]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from '../../tests/eval/corpus-files.ts';

const USAGE = 'usage: npm run generate:corpus -- [--count N] [--out DIR] [--seed S]';

function fail(message: string): never {
  process.stderr.write(`generate:corpus: ${message}\n${USAGE}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      count: { type: 'string', default: '20000' },
      out: { type: 'string', default: 'bench-out/corpus-20000' },
      seed: { type: 'string', default: '1' },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}
const count = Number(values.count);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1) fail('--count must be a positive whole number');
if (!Number.isInteger(seed)) fail('--seed must be a whole number');
const dir = resolve(values.out);
const t0 = Date.now();
try {
  writeCorpus(count, dir, seed);
} catch (error) {
  fail((error as Error).message);
}
console.log(`generate:corpus: ${count} records in ${dir} (seed ${seed}, ${Date.now() - t0} ms)`);
