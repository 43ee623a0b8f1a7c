/**
 * Worker thread of the Node matcher (`timed-matcher.ts`): loads the records of one directory as the
 * site does, then answers `{ id, text, top }` with `{ id, results }`. Runs apart from the caller so
 * that a paste on which some pattern backtracks can be stopped by ending the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadMatcherFromDir } from './matcher.ts';

const port = parentPort;
if (!port) throw new Error('match-worker.ts runs as a worker thread');
try {
  const matcher = await loadMatcherFromDir((workerData as { dir: string }).dir);
  port.on('message', ({ id, text, top }: { id: number; text: string; top: number }) => {
    port.postMessage({ id, results: matcher.match(text, { top }) });
  });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ error: (error as Error).message });
}
