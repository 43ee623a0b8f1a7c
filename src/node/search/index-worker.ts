/**
 * Worker thread for `indexer.ts`: indexes one directory into one bundle with a Pagefind service of
 * its own (a worker has its own copy of the `pagefind` module, so its own service process), letting
 * the two bundles be indexed at the same time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { indexDirectory } from './indexer.ts';

const { dir, outputPath, rootSelector } = workerData as { dir: string; outputPath: string; rootSelector: string };
parentPort!.postMessage(await indexDirectory(dir, outputPath, rootSelector));
