/**
 * Adds newly written blind pastes to a blind set, each to the split its qid hashes to
 * (`sha256("error-atlas blind split " + qid)`, first byte odd → test; tests/eval/blind/README.md):
 * the same rule that split the set once, so no paste can be placed by looking at it.
 *
 *   node scripts/eval/add-blind.ts --set shipped new-pastes.jsonl [more.jsonl …]
 *   node scripts/eval/add-blind.ts --set deadends new-pastes.jsonl   (records: ../shared/corpus/deadends)
 *
 * Refuses a qid already in the set, a line that is not `{qid, shape, expected, text}`, and an
 * `expected` id that is not a record of the set's corpus (`content/errors`, or the deadends corpus
 * for `--set deadends`; null is an uncovered near-miss). A paste without `accept` gets the records
 * whose signature is the expected one's (case, quotes and a closing full stop aside): a corpus's
 * twins (one record per OS or version with one message), any of which answers it rightly.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadRecords } from '../../src/node/records.ts';

export function splitOf(qid: string): 'dev' | 'test' {
  const first = createHash('sha256').update(`error-atlas blind split ${qid}`).digest()[0]!;
  return first % 2 === 1 ? 'test' : 'dev';
}

/** A signature as a key: case, quotes, runs of spaces and a closing full stop do not tell messages apart. */
export function signatureKey(signature: string): string {
  return signature.toLowerCase().replace(/['"`]/g, '').replace(/[.\s]+$/, '').replace(/\s+/g, ' ').trim();
}

/** For a record id, the other records with the same signature key, in id order. */
export function twinsOf(records: readonly { id: string; signature: string }[]): (id: string) => string[] {
  const byKey = new Map<string, string[]>();
  const keyOf = new Map<string, string>();
  for (const record of records) {
    const key = signatureKey(record.signature);
    keyOf.set(record.id, key);
    byKey.set(key, [...(byKey.get(key) ?? []), record.id]);
  }
  return (id) => (byKey.get(keyOf.get(id) ?? '') ?? []).filter((other) => other !== id).sort();
}

interface Paste {
  qid: string;
  shape: string;
  expected: string | null;
  accept?: string[];
  text: string;
}

function readPastes(file: string): Paste[] {
  return readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line, index) => {
    const paste = JSON.parse(line) as Paste;
    const where = `${file}:${index + 1}`;
    if (typeof paste.qid !== 'string' || !paste.qid) throw new Error(`${where}: qid: must be a non-empty string`);
    if (typeof paste.shape !== 'string' || !paste.shape) throw new Error(`${where}: shape: must be a non-empty string`);
    if (paste.expected !== null && typeof paste.expected !== 'string') throw new Error(`${where}: expected: must be a record id or null`);
    if (typeof paste.text !== 'string' || !paste.text.trim()) throw new Error(`${where}: text: must not be empty`);
    return paste;
  });
}

const { values, positionals } = parseArgs({ options: { set: { type: 'string' } }, allowPositionals: true });
if (import.meta.main) {
  const set = values.set;
  if (!set || positionals.length === 0) {
    console.error('usage: node scripts/eval/add-blind.ts --set <name> new.jsonl [more.jsonl …]');
    process.exit(2);
  }
  const root = join(import.meta.dirname, '../..');
  const dir = join(root, 'tests/eval/blind');
  const file = (split: string) => join(dir, `${set}.${split}.jsonl`);
  const known = new Set<string>();
  for (const split of ['dev', 'test']) {
    if (!existsSync(file(split))) continue;
    for (const paste of readPastes(file(split))) known.add(paste.qid);
  }
  const corpus = set === 'deadends' ? join(root, '../shared/corpus/deadends') : join(root, 'content/errors');
  const records = loadRecords(corpus);
  const ids = new Set(records.map((record) => record.id));
  const twins = twinsOf(records);
  const pastes = positionals.flatMap(readPastes);
  for (const paste of pastes) {
    if (known.has(paste.qid)) throw new Error(`${paste.qid}: already in the ${set} set`);
    if (paste.expected !== null && !ids.has(paste.expected)) throw new Error(`${paste.qid}: expected: ${paste.expected} is not a record of ${corpus}`);
    if (paste.expected !== null && !paste.accept) {
      const accept = twins(paste.expected);
      if (accept.length > 0) paste.accept = accept;
    }
    known.add(paste.qid);
  }
  const counts = { dev: 0, test: 0 };
  for (const paste of pastes) {
    const split = splitOf(paste.qid);
    const line = JSON.stringify({ qid: paste.qid, shape: paste.shape, expected: paste.expected, ...(paste.accept ? { accept: paste.accept } : {}), text: paste.text });
    appendFileSync(file(split), `${line}\n`);
    counts[split] += 1;
  }
  console.log(`added ${pastes.length} pastes to ${set}: ${counts.dev} dev, ${counts.test} test`);
}
