/**
 * Work a fresh matcher worker does while the page is still downloading the index: the same code
 * paths a first paste takes (normalisation, tokenising, pattern analysis, ranking) on a tiny built-in
 * index, so that their regular expressions are compiled and their functions have run once before
 * the real index and the first paste arrive. In a cold worker that first run is several times slower
 * than the next. Split into steps so that the worker can stop as soon as the index is there.
 */
import { buildMatcherIndex } from './build.ts';
import { createMatcher } from './match.ts';
import { normalizePaste } from './normalize.ts';

const SAMPLE_LOG = [
  '2025-01-02T03:04:05.678Z ##[group]Run npm ci',
  '\u001b[31mnpm ERR!\u001b[0m code ERESOLVE',
  '{"level":"error","ts":1700000000.1,"msg":"request failed","error":"rpc error: code = Unavailable desc = connection reset by peer"}',
  'Traceback (most recent call last):',
  '  File "/app/main.py", line 12, in <module>',
  "ModuleNotFoundError: No module named 'requests'",
  'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space',
  '\tat com.example.App.main(App.java:42)',
  "error[E0502]: cannot borrow `v` as mutable because it is also borrowed as immutable",
  'cc1plus: fatal error: error writing to /tmp/ccK3b9Xq.s: No space left on device',
  "  code: 'ERR_DLOPEN_FAILED'",
  'Error: Process completed with exit code 137.',
].join('\n');

const SAMPLE_RECORDS = [
  { id: 'sample/connection-reset', signature: 'rpc error: code = Unavailable desc = connection reset by peer', regex: '(?i)code = Unavailable desc = connection (reset|refused)', aliases: ['ECONNRESET'] },
  { id: 'sample/module-not-found', signature: "ModuleNotFoundError: No module named 'x'", regex: "ModuleNotFoundError: No module named '(?P<mod>[\\w.]+)'" },
  { id: 'sample/heap', signature: 'java.lang.OutOfMemoryError: Java heap space', regex: 'OutOfMemoryError: (Java heap space|GC overhead.*exceeded)' },
  // Without a pattern: found by its whole wording (and snake_case parts and stems on the way).
  { id: 'sample/no-space', signature: 'No space left on device', regex: null },
];

export function warmUpSteps(): (() => void)[] {
  let matcher: ReturnType<typeof createMatcher> | null = null;
  return [
    () => void normalizePaste(SAMPLE_LOG),
    () => {
      matcher = createMatcher(buildMatcherIndex(SAMPLE_RECORDS));
    },
    () => void matcher?.match(SAMPLE_LOG),
  ];
}
