/**
 * Web Worker entry for the matcher (no DOM, no framework). Protocol, all messages plain objects:
 *
 * page -> worker
 *   { type: 'init', indexText: string, fetchMs }  the index JSON as fetched by the page: prepare the matcher
 *   { type: 'init', index: MatcherIndex }         or hand the index over directly
 *   { type: 'match', id: number, text: string, top?: number }
 *
 * worker -> page
 *   { type: 'ready', records: number, ms: number, phases }         after init; phases: ms spent
 *                                                                   fetching (by the page), parsing the
 *                                                                   JSON and preparing the matcher
 *   { type: 'result', id: number, results: MatchResult[], ms: number }
 *   { type: 'error', id?: number, message: string }                 init or match failed
 *
 * The page fetches the index itself (client.ts), so the download runs while this worker's code loads.
 * Match requests sent before 'ready' are queued and answered once the index is loaded. The worker is
 * ready as soon as the matcher is prepared; re2js (needed only for patterns that could backtrack
 * catastrophically) loads afterwards, and until then those patterns count by their literal fragments.
 * Time budget: the page (see client.ts) terminates the worker if an answer takes too long.
 */
import { isMatcherIndex, type MatcherIndex } from '../../lib/matcher/build.ts';
import { importLinearEngine } from '../../lib/matcher/engines.ts';
import { createMatcher } from '../../lib/matcher/match.ts';
import type { Matcher, MatchResult } from '../../lib/matcher/types.ts';
import { warmUpSteps } from '../../lib/matcher/warm-up.ts';

export type WorkerRequest =
  | { type: 'init'; indexText: string; fetchMs?: number }
  | { type: 'init'; index: MatcherIndex }
  | { type: 'match'; id: number; text: string; top?: number };

export type WorkerResponse =
  | { type: 'ready'; records: number; ms: number; phases?: { fetch: number; parse: number; prepare: number; detail: Record<string, number> } }
  | { type: 'result'; id: number; results: MatchResult[]; ms: number }
  | { type: 'error'; id?: number; message: string };

interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: { data: WorkerRequest }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
let matcher: Matcher | null = null;
let initStarted = false;
const queue: Extract<WorkerRequest, { type: 'match' }>[] = [];

function answer(request: Extract<WorkerRequest, { type: 'match' }>): void {
  if (!matcher) return;
  const t0 = performance.now();
  try {
    const results = matcher.match(String(request.text ?? ''), { top: request.top });
    scope.postMessage({ type: 'result', id: request.id, results, ms: performance.now() - t0 });
  } catch (error) {
    scope.postMessage({ type: 'error', id: request.id, message: (error as Error).message });
  }
}

async function init(request: Extract<WorkerRequest, { type: 'init' }>): Promise<void> {
  initStarted = true;
  const t0 = performance.now();
  try {
    const data: unknown = 'index' in request ? request.index : JSON.parse(request.indexText);
    const parsed = performance.now();
    if (!isMatcherIndex(data)) throw new Error('the matcher index has an unknown format');
    // Ready as soon as the matcher is prepared: patterns that need the linear-time engine are matched
    // by their literal fragments until re2js has loaded, then upgraded (see record-patterns.ts, useLinearEngine).
    const prepared = createMatcher(data);
    const t2 = performance.now();
    matcher = prepared;
    scope.postMessage({ type: 'ready', records: prepared.size, ms: t2 - t0, phases: { fetch: 'fetchMs' in request ? (request.fetchMs ?? 0) : 0, parse: parsed - t0, prepare: t2 - parsed, detail: prepared.stats.prepareMs } });
    while (queue.length) answer(queue.shift() as Extract<WorkerRequest, { type: 'match' }>);
    if (prepared.stats.linearEngine > 0) prepared.useLinearEngine(await importLinearEngine());
  } catch (error) {
    scope.postMessage({ type: 'error', message: (error as Error).message });
  }
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (!request || typeof request !== 'object') return;
  if (request.type === 'init') void init(request);
  else if (request.type === 'match') {
    if (matcher) answer(request);
    else queue.push(request);
  }
});

// Until the index arrives, run the first-paste code paths once on a tiny sample (warm-up.ts), one
// step per task so that an arriving index is never kept waiting for more than one step.
const steps = warmUpSteps();
const next = () => {
  const step = steps.shift();
  if (!step || initStarted) return;
  try {
    step();
  } catch {
    return; // a warm-up failure changes nothing: the real index is prepared on its own
  }
  setTimeout(next, 0);
};
setTimeout(next, 0);
