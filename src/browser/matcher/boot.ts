/**
 * The match page's one matcher client. The page's inline boot script (lib/matcher/boot-script.ts)
 * has already created the worker and started the index's download while the page was parsed; the
 * client takes them over. Without that script (it did not run), the client starts its own, from the
 * index URL in the page's `<meta name="atlas-matcher">`.
 *
 * The worker is also named here, as Vite sees it in the page's bundle: that makes the page's build
 * emit the worker with the chunks it imports on demand (re2js). The page renders the same built file's
 * URL into the `<meta>` (`?worker&url`), but the build that renders pages emits only the worker's
 * entry file; the e2e tests check that every chunk the worker imports is served.
 */
import { MATCHER_BOOT_GLOBAL, MATCHER_BOOT_META, type MatcherBoot } from '../../lib/matcher/boot-script.ts';
import { createMatcherClient, type StartedWorker } from './client.ts';

export type MatcherClient = ReturnType<typeof createMatcherClient>;

let client: MatcherClient | null = null;

/** The page's client, created on the first call; null on a page without the matcher's `<meta>`. */
export function matcherClient(): MatcherClient | null {
  if (client) return client;
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${MATCHER_BOOT_META}"]`);
  const indexUrl = meta?.dataset.index;
  if (!indexUrl) return null;
  client = createMatcherClient({
    worker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
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
