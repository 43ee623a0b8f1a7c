/**
 * Web Worker that runs Pagefind's engine for the search UIs (`pagefind-ui.ts`, `attachEngine()`),
 * and hands the page only what it shows. Protocol, all messages plain objects:
 *
 * page -> worker
 *   { id, method: 'start', bundle }                          load that bundle's engine (wasm, page list)
 *   { id, method: 'search', bundle, term, options, head, prefetch, search }  search number `search`;
 *                                                            reply with the count and the first `head`
 *                                                            results, the first `prefetch` with their fragment
 *   { id, method: 'supersede', search }                      search number `search` is stale: the
 *                                                            reader typed on (answer it `stale`)
 *   { id, method: 'preload', bundle, term }                  fetch the index chunks for a term
 *   { id, method: 'data', search, index }                    the fragment (title, excerpt, sections)
 *                                                            of result `index` of search `search`
 *   { id, method: 'filters', bundle }                        facet counts (fetches the facet files)
 * worker -> page
 *   { id, result } or { id, error }
 *
 * Why a worker of our own, when Pagefind has one: Pagefind's `search()` sends the page every result,
 * each with its word positions. A prefix such as `rest` matches all 20,000 pages of a large site, and
 * copying that answer to the page and wrapping it there took longer than the search itself (330 ms of
 * 460 ms, on the main thread). Here Pagefind runs in this worker in its own in-thread mode, the full
 * result list stays here, and the page gets the count and the few results it renders; the fragment
 * of any other result is fetched on request (`data`). A search answered after a newer one arrived is
 * not sent at all (`stale`).
 *
 * Sorting: the sorted bundle (`/pagefind-sorted/`) differs from the default one only in its page
 * lists. Its engine here fetches `pagefind-entry.json` and the page list from it and everything else
 * (wasm, index chunks, facet files, fragments) under the default bundle's URLs, sharing one copy
 * (`sharedBundleUrl()`): a sort change fetches only the sorted page list.
 */
import { sharedBundleUrl } from '../../lib/search/bundles.ts';

export interface EngineRequest {
  id: number;
  method: 'start' | 'search' | 'supersede' | 'preload' | 'data' | 'filters';
  bundle?: string;
  term?: string | null;
  options?: Record<string, unknown>;
  head?: number;
  /** How many of the first results to send with their fragment (`data()`), for a search. */
  prefetch?: number;
  search?: number;
  /** A search asked for its facet counts only: it neither supersedes the reader's searches nor is superseded. */
  aside?: boolean;
  index?: number;
}

export interface EngineResponse {
  id: number;
  result?: unknown;
  error?: string;
}

/** One search as the page receives it: counts and facets as Pagefind gives them, the first results only. */
export interface SearchHead {
  stale?: boolean;
  total: number;
  unfilteredResultCount: number;
  filters: unknown;
  totalFilters: unknown;
  head: { id: string; score: number; words: number[]; fragment?: unknown }[];
}

/** Sent once, before any request: where the bundles are and the page's language and options. */
export interface EngineSetup {
  setup: true;
  defaultBundle: string;
  sortedBundle: string | null;
  language: string;
  options: Record<string, unknown>;
}

interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<unknown>;
}
interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: unknown;
  totalFilters: unknown;
}
interface PagefindEngine {
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<PagefindSearch | null>;
  preload(term: string, options?: Record<string, unknown>): Promise<void>;
  filters(): Promise<unknown>;
}

const scope = self as unknown as {
  postMessage(message: EngineResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<EngineRequest | EngineSetup>) => void): void;
  fetch: typeof fetch;
  document?: unknown;
};

let setup: EngineSetup | null = null;
const waiting: EngineRequest[] = [];
const engines = new Map<string, Promise<PagefindEngine>>();
let engineModule: Promise<{ createInstance(options: Record<string, unknown>): PagefindEngine }> | null = null;
/** The newest search number received: an older search still running is answered `stale`. */
let newest = 0;
/** Result lists of the last searches, for `data` requests (the page may still show an older one). */
const kept = new Map<number, PagefindResult[]>();
const KEEP = 8;
/** One download per file for both engines (`sharedBundleUrl()`); the engines load the bytes themselves. */
const downloads = new Map<string, Promise<ArrayBuffer>>();

function installFetch(s: EngineSetup): void {
  if (!s.sortedBundle) return;
  const sorted = s.sortedBundle;
  const plain = scope.fetch.bind(self);
  scope.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, location.href);
    const key = url.origin === location.origin ? sharedBundleUrl(url.pathname, sorted, s.defaultBundle) : null;
    if (!key) return plain(input, init);
    let bytes = downloads.get(key);
    if (!bytes) {
      bytes = plain(key, init).then((response) => {
        if (!response.ok) throw new Error(`${response.status} ${key}`);
        return response.arrayBuffer();
      });
      downloads.set(key, bytes);
      bytes.catch(() => downloads.delete(key));
    }
    return new Response((await bytes).slice(0));
  };
}

function engineAt(bundle: string): Promise<PagefindEngine> {
  let engine = engines.get(bundle);
  if (!engine) {
    const s = setup!;
    // Pagefind picks its language from the page's <html lang>, which a worker has not: answer its
    // one question. With no `window`, Pagefind runs in this thread instead of starting a worker.
    scope.document ??= { currentScript: null, querySelector: () => ({ getAttribute: () => s.language }) };
    engineModule ??= import(/* @vite-ignore */ `${s.defaultBundle}pagefind.js`);
    engine = engineModule.then(async (module) => {
      const created = module.createInstance({ ...s.options, basePath: bundle });
      await created.init();
      return created;
    });
    engines.set(bundle, engine);
    engine.catch(() => engines.delete(bundle));
  }
  return engine;
}

async function answer(request: EngineRequest): Promise<unknown> {
  switch (request.method) {
    case 'start':
      await engineAt(request.bundle!);
      return true;
    case 'supersede':
      return true;
    case 'preload':
      await (await engineAt(request.bundle!)).preload(request.term ?? '', request.options ?? {});
      return true;
    case 'filters':
      return (await engineAt(request.bundle!)).filters();
    case 'data': {
      const result = kept.get(request.search!)?.[request.index!];
      return result ? result.data() : null;
    }
    case 'search': {
      const number = request.search!;
      const stale = (): SearchHead => ({ stale: true, total: 0, unfilteredResultCount: 0, filters: {}, totalFilters: {}, head: [] });
      const outdated = () => !request.aside && number < newest;
      const engine = await engineAt(request.bundle!);
      if (outdated()) return stale();
      const found = await engine.search(request.term ?? null, request.options ?? {});
      if (outdated() || !found) return stale();
      kept.set(number, found.results);
      for (const old of kept.keys()) if (kept.size > KEEP) kept.delete(old);
      // The fragments of the first results go with the answer: asked for one by one after it, they
      // waited behind the next keystroke's search here, and a reader typing on saw no results at all.
      const fragments = await Promise.all(found.results.slice(0, request.prefetch ?? 0).map((result) => result.data().catch(() => null)));
      if (outdated()) return stale();
      const head: SearchHead = {
        total: found.results.length,
        unfilteredResultCount: found.unfilteredResultCount,
        filters: found.filters,
        totalFilters: found.totalFilters,
        head: found.results.slice(0, request.head ?? 0).map(({ id, score, words }, index) => ({ id, score, words, fragment: fragments[index] ?? undefined })),
      };
      return head;
    }
  }
}

async function handle(request: EngineRequest): Promise<void> {
  try {
    scope.postMessage({ id: request.id, result: await answer(request) });
  } catch (error) {
    scope.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  if ('setup' in message) {
    setup = message;
    installFetch(message);
    for (const request of waiting.splice(0)) void handle(request);
    return;
  }
  if (message.method === 'search' && !message.aside) newest = Math.max(newest, message.search!);
  // Said while that search runs (the page holds the next one back until it is answered), so that
  // it is answered `stale` as soon as the engine returns, without fetching its first fragments.
  if (message.method === 'supersede') newest = Math.max(newest, message.search! + 1);
  if (!setup) waiting.push(message);
  else void handle(message);
});
