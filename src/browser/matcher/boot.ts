/**
 * The match page's one matcher client. The page's inline boot script (lib/matcher/boot-script.ts)
 * has already created the worker and started the index's download while the page was parsed; the
 * client takes them over. Without that script (it did not run), the client starts its own. Both read
 * the worker's and the index's URLs from the page's `<meta name="atlas-matcher">`.
 */
import { MATCHER_BOOT_GLOBAL, MATCHER_BOOT_META, type MatcherBoot } from '../../lib/matcher/boot-script.ts';
import { createMatcherClient, type StartedWorker } from './client.ts';

export type MatcherClient = ReturnType<typeof createMatcherClient>;

let client: MatcherClient | null = null;

/** The page's client, created on the first call; null on a page without the matcher's `<meta>`. */
export function matcherClient(): MatcherClient | null {
  if (client) return client;
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${MATCHER_BOOT_META}"]`);
  const workerUrl = meta?.dataset.worker;
  const indexUrl = meta?.dataset.index;
  if (!workerUrl || !indexUrl) return null;
  client = createMatcherClient({
    worker: () => new Worker(workerUrl, { type: 'module' }),
    indexUrl,
    started: takeStarted(),
  });
  return client;
}

/** What the boot script started, handed over once. */
function takeStarted(): StartedWorker | undefined {
  const scope = window as unknown as Record<string, MatcherBoot | undefined>;
  const started = scope[MATCHER_BOOT_GLOBAL];
  delete scope[MATCHER_BOOT_GLOBAL];
  return started;
}
