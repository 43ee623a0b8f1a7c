/**
 * Web Worker entry for the matcher (no DOM, no framework). Protocol, all messages plain objects:
 *
 * page -> worker
 *   { type: 'init', indexUrl: string }            fetch the index JSON and prepare the matcher
 *   { type: 'init', index: MatcherIndex }         or hand the index over directly
 *   { type: 'match', id: number, text: string, top?: number }
 *
 * worker -> page
 *   { type: 'ready', records: number, ms: number }                 after init
 *   { type: 'result', id: number, results: MatchResult[], ms: number }
 *   { type: 'error', id?: number, message: string }                 init or match failed
 *
 * Match requests sent before 'ready' are queued and answered once the index is loaded.
 * Time budget: the page (see client.ts) terminates the worker if an answer takes too long.
 */
import { isMatcherIndex, type MatcherIndex } from './build.ts';
import { loadMatcher, type Matcher } from './match.ts';

export type WorkerRequest =
  | { type: 'init'; indexUrl: string }
  | { type: 'init'; index: MatcherIndex }
  | { type: 'match'; id: number; text: string; top?: number };

export type WorkerResponse =
  | { type: 'ready'; records: number; ms: number }
  | { type: 'result'; id: number; results: import('./match.ts').MatchResult[]; ms: number }
  | { type: 'error'; id?: number; message: string };

interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: { data: WorkerRequest }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
let matcher: Matcher | null = null;
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
  const t0 = performance.now();
  try {
    let data: unknown;
    if ('index' in request) data = request.index;
    else {
      const response = await fetch(request.indexUrl);
      if (!response.ok) throw new Error(`could not load the matcher index ${request.indexUrl}: HTTP ${response.status}`);
      data = await response.json();
    }
    if (!isMatcherIndex(data)) throw new Error('the matcher index has an unknown format');
    matcher = await loadMatcher(data);
    scope.postMessage({ type: 'ready', records: matcher.size, ms: performance.now() - t0 });
    while (queue.length) answer(queue.shift() as Extract<WorkerRequest, { type: 'match' }>);
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
