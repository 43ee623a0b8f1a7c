/**
 * Writes the evaluation sets (JSONL, one {"qid","text","expected"} per line) from the hand-written
 * queries in deadends-queries.ts and content-queries.ts, placing each error in the surroundings its
 * entry names (a CI log, a JSON log line, a stack trace, coloured terminal output, ...).
 * Deterministic: `node tests/eval/build-sets.ts` rewrites the same files.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { githubActionsLog, gitlabLog, jsonLog, prefixed, rng, terminalLog, withTrace, type Rand } from './noise.ts';
import { QUERIES as DEADENDS, type Context, type Q } from './deadends-queries.ts';
import { QUERIES as CONTENT } from './content-queries.ts';

const here = dirname(fileURLToPath(import.meta.url));

export function present(rand: Rand, context: Context, text: string): string {
  const lines = text.split('\n');
  const size = 40 + Math.floor(rand() * 160);
  switch (context) {
    case 'bare':
      return text;
    case 'gha':
      return githubActionsLog(rand, lines, size);
    case 'gitlab':
      return gitlabLog(rand, lines, size);
    case 'term':
      return terminalLog(rand, lines, 5 + Math.floor(rand() * 30), 2 + Math.floor(rand() * 6));
    case 'json:pino':
    case 'json:zap':
    case 'json:python':
    case 'json:k8s':
      return jsonLog(rand, lines, 3 + Math.floor(rand() * 12), context.slice(5) as 'pino');
    case 'compose':
      return prefixed(rand, lines, 4 + Math.floor(rand() * 20), 'compose');
    case 'kubectl':
      return prefixed(rand, lines, 4 + Math.floor(rand() * 20), 'kubectl');
    default: {
      const language = context.slice(6) as 'java';
      const [first, ...rest] = lines;
      const trace = withTrace(rand, language, first ?? '', 8 + Math.floor(rand() * 40));
      return rest.length ? `${trace}\n${rest.join('\n')}` : trace;
    }
  }
}

function write(name: string, prefix: string, queries: Q[], seed: number): void {
  const rand = rng(seed);
  const out = queries.map(([expected, context, text, accept], k) =>
    JSON.stringify({ qid: `${prefix}-${String(k + 1).padStart(3, '0')}`, context, text: present(rand, context, text), expected, ...(accept ? { accept } : {}) }),
  );
  writeFileSync(join(here, name), `${out.join('\n')}\n`);
  const uncovered = queries.filter((q) => q[0] === null).length;
  console.log(`${name}: ${queries.length} queries (${queries.length - uncovered} covered, ${uncovered} uncovered)`);
}

write('deadends.jsonl', 'de', DEADENDS, 20250401);
write('content.jsonl', 'ct', CONTENT, 20250402);
