/**
 * Scores a matcher on an evaluation set: Precision@1 and MRR over the pastes a record explains,
 * abstention over those none does (`expected: null`). A top result listed in a query's `accept`
 * (a record with the same signature in the corpus) counts as right.
 */
import { readFileSync } from 'node:fs';

export interface EvalQuery {
  qid: string;
  text: string;
  expected: string | null;
  /** Other records that explain the same error equally (corpus near-duplicates). */
  accept?: string[];
  shape?: string;
}

export interface EvalScore {
  covered: number;
  uncovered: number;
  /** Queries whose expected record is not in the corpus (skipped). */
  skipped: number;
  precisionAt1: number;
  mrr: number;
  abstention: number;
  /** Covered queries the matcher answered with nothing. */
  wronglyAbstained: number;
  /** One line per query answered wrongly. */
  misses: string[];
}

export function readEvalSet(file: string): EvalQuery[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EvalQuery);
}

export function scoreSet(match: (text: string) => { id: string; score: number }[], queries: readonly EvalQuery[], known: ReadonlySet<string>): EvalScore {
  let covered = 0;
  let uncovered = 0;
  let skipped = 0;
  let p1 = 0;
  let rr = 0;
  let abstained = 0;
  let wronglyAbstained = 0;
  const misses: string[] = [];
  for (const q of queries) {
    if (q.expected !== null && !known.has(q.expected)) {
      skipped++;
      continue;
    }
    const results = match(q.text);
    if (q.expected === null) {
      uncovered++;
      if (results.length === 0) abstained++;
      else misses.push(`${q.qid} uncovered, got ${results[0]!.id} (score ${results[0]!.score})`);
      continue;
    }
    covered++;
    const ok = new Set([q.expected, ...(q.accept ?? [])]);
    const rank = results.findIndex((r) => ok.has(r.id));
    if (rank === 0) p1++;
    if (rank >= 0) rr += 1 / (rank + 1);
    if (results.length === 0) wronglyAbstained++;
    if (rank !== 0) misses.push(`${q.qid} expected ${q.expected} got ${results.slice(0, 3).map((r) => r.id).join(', ') || '(abstained)'}`);
  }
  return {
    covered,
    uncovered,
    skipped,
    precisionAt1: covered ? p1 / covered : NaN,
    mrr: covered ? rr / covered : NaN,
    abstention: uncovered ? abstained / uncovered : NaN,
    wronglyAbstained,
    misses,
  };
}
