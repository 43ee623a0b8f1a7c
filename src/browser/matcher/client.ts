/**
 * Page side of the matcher worker: fetches the index (on the page, so the download overlaps the
 * worker's start-up and survives worker restarts), then one promise per match request, with a time budget. If the worker
 * does not answer in time (a pathological paste), it is terminated and restarted, and the request
 * resolves as `{ results: [], timedOut: true }`, so the page never freezes. No DOM access here.
 *
 * The first worker may have been started before this module loaded (the page's inline boot script,
 * lib/matcher/boot-script.ts): the client then takes it over as it is, with its download and the
 * messages it has already sent, and creates workers itself only to restart one.
 */
import type { MatcherIndex } from '../../lib/matcher/build.ts';
import { MATCH_BUDGET_MS } from '../../lib/matcher/tuning.ts';
import type { MatchResult } from '../../lib/matcher/types.ts';
import type { WorkerRequest, WorkerResponse } from './worker.ts';

/**
 * What the client needs of a worker: a DOM `Worker` fits (its `onmessage` receives a `MessageEvent`,
 * whose `data` is the worker's `WorkerResponse`), and so does a test double.
 */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
}

export interface MatcherClientOptions {
  /** Creates the worker, e.g. `() => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`. */
  worker: () => WorkerLike;
  /** Where the index JSON is (or pass `index`). Fetched once, when the client is created. */
  indexUrl?: string;
  index?: MatcherIndex;
  /** Budget for one match request, in ms (default MATCH_BUDGET_MS). Loading the index is not counted. */
  timeoutMs?: number;
  /** A worker started already, to take over instead of creating the first one (see StartedWorker). */
  started?: StartedWorker;
}

/**
 * A worker started before the client existed, by a starter that downloads the index itself and posts
 * the worker its `init` once the index is there.
 */
export interface StartedWorker {
  worker: WorkerLike;
  /** Messages the worker sent before the client took it over, in the order they came. */
  early: readonly { data: WorkerResponse }[];
  /** The index as text and the time its download took (kept for restarts). */
  index: Promise<{ text: string; ms: number }>;
}

export interface ClientMatch {
  results: MatchResult[];
  ms: number;
  timedOut?: boolean;
}

export function createMatcherClient(options: MatcherClientOptions) {
  const timeoutMs = options.timeoutMs ?? MATCH_BUDGET_MS;
  let worker: WorkerLike;
  let ready: Promise<void>;
  let nextId = 1;
  const pending = new Map<number, { resolve: (m: ClientMatch) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> | null }>();
  const fetchStarted = performance.now();
  const indexText = options.started
    ? options.started.index
    : options.indexUrl
    ? fetch(options.indexUrl).then(async (response) => {
        if (!response.ok) throw new Error(`could not load the matcher index ${options.indexUrl}: HTTP ${response.status}`);
        return { text: await response.text(), ms: performance.now() - fetchStarted };
      })
    : null;

  /** Starts a worker, or takes over `started` (whose starter posts the `init` itself). */
  function start(started?: StartedWorker): void {
    worker = started ? started.worker : options.worker();
    const current = worker;
    ready = new Promise<void>((resolve, reject) => {
      if (started) indexText?.catch((error: Error) => reject(error));
      else {
        indexText?.then(
          ({ text, ms }) => current.postMessage({ type: 'init', indexText: text, fetchMs: ms }),
          (error: Error) => reject(error),
        );
      }
      const receive = (message: WorkerResponse) => {
        if (message.type === 'ready') resolve();
        else if (message.type === 'result') {
          const p = pending.get(message.id);
          if (!p) return;
          if (p.timer) clearTimeout(p.timer);
          pending.delete(message.id);
          p.resolve({ results: message.results, ms: message.ms });
        } else if (message.type === 'error') {
          if (message.id === undefined) reject(new Error(message.message));
          const p = message.id !== undefined ? pending.get(message.id) : undefined;
          if (p) {
            if (p.timer) clearTimeout(p.timer);
            pending.delete(message.id as number);
            p.reject(new Error(message.message));
          }
        }
      };
      worker.onmessage = (event) => receive(event.data);
      // Within this task, so that none of the worker's later messages can come before these.
      for (const event of started?.early ?? []) receive(event.data);
    });
    if (started) return;
    if (options.index) worker.postMessage({ type: 'init', index: options.index });
    else if (!indexText) throw new Error('createMatcherClient needs indexUrl or index');
  }
  start(options.started);

  return {
    /** Resolves once the index is loaded. */
    ready: () => ready,
    match(text: string, opts: { top?: number } = {}): Promise<ClientMatch> {
      const id = nextId++;
      return new Promise<ClientMatch>((resolve, reject) => {
        const entry = { resolve, reject, timer: null as ReturnType<typeof setTimeout> | null };
        pending.set(id, entry);
        // Posted at once: a worker still loading its index keeps requests and answers them as soon
        // as it is ready, without a round trip through this page's busy first moments. The budget
        // starts once the index is loaded.
        worker.postMessage({ type: 'match', id, text, top: opts.top });
        ready.then(
          () => {
            if (pending.get(id) !== entry) return;
            entry.timer = setTimeout(() => {
              pending.delete(id);
              worker.terminate();
              for (const [, other] of pending) other.resolve({ results: [], ms: timeoutMs, timedOut: true });
              pending.clear();
              start();
              resolve({ results: [], ms: timeoutMs, timedOut: true });
            }, timeoutMs);
          },
          (error: Error) => {
            pending.delete(id);
            reject(error);
          },
        );
      });
    },
    terminate(): void {
      worker.terminate();
    },
  };
}
