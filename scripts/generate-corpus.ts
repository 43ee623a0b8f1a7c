/**
 * Generate N synthetic records in the project's exact format, for benchmarks at scale:
 *
 *   npm run generate:corpus -- [--count 20000] [--out bench-out/corpus-20000] [--seed 1]
 *
 * Writes <out>/<domain>/<slug>.json (the layout of content/errors) and <out>/samples.jsonl: one
 * {"id","text"} per record, a concrete message the record explains. Deterministic for a seed.
 * The output directory must be outside content/ (it is emptied first).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { GENERATOR_VERSION, generateCorpus } from './lib/corpus-gen.ts';

function fail(message: string): never {
  process.stderr.write(`generate:corpus: ${message}\nusage: npm run generate:corpus -- [--count N] [--out DIR] [--seed S]\n`);
  process.exit(2);
}

export function writeCorpus(count: number, out: string, seed: number): void {
  const rel = relative(resolve('content'), out);
  if (!rel.startsWith('..') && !rel.startsWith('/')) fail(`refusing to write into content/ (${out})`);
  rmSync(out, { recursive: true, force: true });
  const generated = generateCorpus(count, seed);
  const dirs = new Set<string>();
  const samples: string[] = [];
  for (const { record, sample } of generated) {
    const id = record.id as string;
    const domain = id.slice(0, id.indexOf('/'));
    if (!dirs.has(domain)) {
      mkdirSync(join(out, domain), { recursive: true });
      dirs.add(domain);
    }
    writeFileSync(join(out, `${id}.json`), `${JSON.stringify(record, null, 2)}\n`);
    samples.push(JSON.stringify({ id, text: sample }));
  }
  writeFileSync(join(out, 'samples.jsonl'), `${samples.join('\n')}\n`);
  writeFileSync(join(out, 'GENERATOR'), `${corpusStamp(count, seed)}\n`);
}

/** What a corpus directory was generated with: benchmarks regenerate it when this differs. */
export function corpusStamp(count: number, seed: number): string {
  return `generator ${GENERATOR_VERSION} count ${count} seed ${seed}`;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('generate-corpus.ts')) {
  let count = 20000;
  let out = 'bench-out/corpus-20000';
  let seed = 1;
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const value = () => argv[++i] ?? fail(`${argv[i - 1]} needs a value`);
    switch (argv[i]) {
      case '--count':
        count = Number(value());
        if (!Number.isInteger(count) || count < 1) fail('--count must be a positive whole number');
        break;
      case '--out':
        out = value();
        break;
      case '--seed':
        seed = Number(value());
        if (!Number.isInteger(seed)) fail('--seed must be a whole number');
        break;
      default:
        fail(`unknown argument "${argv[i]}"`);
    }
  }
  const dir = resolve(out);
  const t0 = Date.now();
  writeCorpus(count, dir, seed);
  console.log(`generate:corpus: ${count} records in ${dir} (seed ${seed}, ${Date.now() - t0} ms)`);
}
