/**
 * Writes a generated corpus (corpus-gen.ts) as a records directory: `<out>/<domain>/<slug>.json` (the
 * layout of content/errors), `<out>/samples.jsonl` (one {"id","text"} per record: a concrete message
 * the record explains) and `<out>/GENERATOR` (what it was generated with). Used by
 * `npm run generate:corpus` and the benchmarks.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { GENERATOR_VERSION, generateCorpus } from './corpus-gen.ts';

/** What a corpus directory was generated with: benchmarks regenerate it when this differs. */
export function corpusStamp(count: number, seed: number): string {
  return `generator ${GENERATOR_VERSION} count ${count} seed ${seed}`;
}

/** Empties `out` and writes the corpus there; refuses a directory inside content/. */
export function writeCorpus(count: number, out: string, seed: number): void {
  const rel = relative(resolve('content'), out);
  if (!rel.startsWith('..') && !rel.startsWith('/')) throw new Error(`refusing to write into content/ (${out})`);
  rmSync(out, { recursive: true, force: true });
  const dirs = new Set<string>();
  const samples: string[] = [];
  for (const { record, sample } of generateCorpus(count, seed)) {
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
