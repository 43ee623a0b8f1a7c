/**
 * The matcher for Node tools (the CLI) with the browser's time budget: matching runs in a worker
 * thread, and a paste that takes longer than the budget ends the thread and answers `timedOut`
 * instead of running on for minutes. The next paste starts a fresh thread.
 */
import { Worker } from 'node:worker_threads';
import { MATCH_BUDGET_MS } from '../lib/matcher/tuning.ts';
import type { MatchResult } from '../lib/matcher/types.ts';

export type TimedAnswer = { results: MatchResult[]; timedOut: false } | { results: []; timedOut: true };

export interface TimedMatcher {
  /** One paste at a time: the answer, or `timedOut` when the budget ran out. */
  match(text: string, top: number): Promise<TimedAnswer>;
  close(): Promise<void>;
}

type Reply = { ready: true } | { error: string } | { id: number; results: MatchResult[] };

/** Starts a worker over a records directory; rejects with the loading error (e.g. an invalid record). */
export async function createTimedMatcher(dir: string, budgetMs: number = MATCH_BUDGET_MS): Promise<TimedMatcher> {
  let worker: Worker | null = null;
  let next = 0;
  /** The request under way: answered by the worker, its timer or the worker's failure. */
  let pending: { id: number; settle: (answer: TimedAnswer | Error) => void } | null = null;

  const start = () =>
    new Promise<Worker>((resolve, reject) => {
      const thread = new Worker(new URL('./match-worker.ts', import.meta.url), { workerData: { dir } });
      let ready = false;
      thread.on('message', (reply: Reply) => {
        if ('ready' in reply) {
          ready = true;
          resolve(thread);
        } else if ('error' in reply) {
          void thread.terminate();
          reject(new Error(reply.error));
        } else if (pending && reply.id === pending.id) pending.settle({ results: reply.results, timedOut: false });
      });
      thread.on('error', (error) => {
        if (!ready) reject(error);
        else pending?.settle(error);
      });
    });

  worker = await start();

  return {
    async match(text, top) {
      worker ??= await start();
      const thread = worker;
      const id = ++next;
      return new Promise<TimedAnswer>((resolve, reject) => {
        const timer = setTimeout(() => {
          worker = null;
          void thread.terminate();
          settle({ results: [], timedOut: true });
        }, budgetMs);
        const settle = (answer: TimedAnswer | Error) => {
          clearTimeout(timer);
          pending = null;
          if (answer instanceof Error) {
            worker = null;
            reject(answer);
          } else resolve(answer);
        };
        pending = { id, settle };
        thread.postMessage({ id, text, top });
      });
    },
    async close() {
      await worker?.terminate();
      worker = null;
    },
  };
}
