/**
 * The match page's one matcher client, started as early as the page allows. The page's main script
 * waits for its rendering modules to download before it runs; this module has no such imports, so
 * its own small script (MatchPage.astro) creates the worker and hands it the preloaded index while
 * the rest of the page is still loading: the index is prepared by the time a reader pastes. The
 * main script takes the same client from here.
 */
import { createMatcherClient } from './client.ts';

export type MatcherClient = ReturnType<typeof createMatcherClient>;

let client: MatcherClient | null = null;

/** The client for the index at `indexUrl`, created on the first call. */
export function matcherClient(indexUrl: string): MatcherClient {
  client ??= createMatcherClient({
    worker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
    indexUrl,
  });
  return client;
}

/** Start the client for the page's matcher element, if the page has one. */
export function startMatcher(): void {
  const indexUrl = document.querySelector<HTMLElement>('error-matcher')?.dataset.indexUrl;
  if (indexUrl) matcherClient(indexUrl);
}
