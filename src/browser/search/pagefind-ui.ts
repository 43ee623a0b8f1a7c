/**
 * Loads Pagefind's Component UI on demand (browser only). Record pages ship none of it: the header
 * button calls this when the reader first asks for search; the search page calls it on load.
 */
import resultsStylesheetUrl from '../../styles/search-results.css?url';
import { DEFAULT_BUNDLE_PATH, needsSortedBundle, type PagefindSortOption } from '../../lib/search/bundles.ts';
import { engineTerm, preloadText } from '../../lib/search/terms.ts';
import type { EngineRequest, EngineResponse, EngineSetup, SearchHead } from './engine-worker.ts';

interface PagefindInstance {
  searchTerm: string;
  /** Component UI internals used by `attachEngine` (Pagefind 1.6); see there. */
  __pagefind__?: EngineLike | null;
  __dispatch__?: (event: 'filters', payload: { available: unknown; total: unknown }) => void;
  pagefindOptions?: Record<string, unknown>;
  availableFilters?: unknown;
  totalFilters?: unknown;
  searchFilters: Record<string, string[]>;
  searchSort: PagefindSortOption;
  /** Sets options (such as `bundlePath`) before the instance loads its engine. */
  applyOptions?(options: Record<string, unknown>): void;
  on(event: 'search', callback: (term: string, filters: Record<string, unknown>) => void): void;
  on(event: 'error' | 'results' | 'loading' | 'filters', callback: (payload: unknown) => void): void;
  triggerSearch(term: string): void;
  translate?(key: string): string;
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
  triggerLoad(): Promise<void>;
}

export interface PagefindComponents {
  getInstanceManager(): { getInstance(name: string): PagefindInstance };
}

declare global {
  interface Window {
    PagefindComponents?: PagefindComponents;
  }
}

/** What the Component UI calls on the engine (`pagefind.js`'s `createInstance()`). */
interface EngineLike {
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<{ filters?: unknown; totalFilters?: unknown } | null>;
  preload(term: string, options?: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

export interface Engine {
  /**
   * Resolves once the engine for the instance's order when attached (its `searchSort`), with its
   * wasm and this language's page list, is loaded; rejects if it cannot be.
   */
  ready: Promise<void>;
  /** Starts fetching the index chunks for a term (call on every keystroke; the search itself is debounced). */
  preload(term: string): void;
  /** Fetches the facet data (once) and hands the counts for the current search to the filter dropdowns. */
  loadFilters(): Promise<void>;
  /**
   * Starts loading the bundle a search with this sort runs against (the sorted bundle for a sort by
   * key; nothing new for relevance); resolves once it is ready, rejects if it cannot be loaded.
   */
  prepareSort(sort: PagefindSortOption): Promise<void>;
}

/**
 * Results whose fragment (title, excerpt, sections) comes with the search's answer: about as many as
 * a wide screen shows before scrolling. The others are fetched when scrolled into view.
 */
const PREFETCHED = 5;

/** What the page asks of the engine worker (`engine-worker.ts`): one promise per request. */
function engineWorker(sortedBundlePath: string | undefined, options: Record<string, unknown>) {
  const worker = new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module' });
  let nextId = 1;
  let broken: Error | null = null;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const fail = (error: Error) => {
    broken = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.addEventListener('message', (event: MessageEvent<EngineResponse>) => {
    const p = pending.get(event.data.id);
    if (!p) return;
    pending.delete(event.data.id);
    if (event.data.error !== undefined) p.reject(new Error(event.data.error));
    else p.resolve(event.data.result);
  });
  worker.addEventListener('error', () => fail(new Error('the search engine worker failed')));
  const setup: EngineSetup = {
    setup: true,
    defaultBundle: DEFAULT_BUNDLE_PATH,
    sortedBundle: sortedBundlePath ?? null,
    language: (document.documentElement.getAttribute('lang') || 'unknown').toLowerCase(),
    options,
  };
  worker.postMessage(setup);
  return <T>(request: Omit<EngineRequest, 'id'>): Promise<T> => {
    if (broken) return Promise.reject(broken);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  };
}

/**
 * Starts Pagefind's engine for a Component UI instance now, before the first keystroke, runs it in
 * a worker of ours that hands the page only the results it shows, keeps the facet data out of the
 * first search, and runs sorted searches against the sorted bundle's page list.
 *
 * Left alone, an instance loads the engine on the field's first focus or search, then always
 * fetches every facet file (`filters()`; about 180 KB on a 20,000-record site) before its first
 * search can run, even where no filter is shown, and receives every result of every search from
 * Pagefind's worker (thousands for a common prefix: more time than the search). Here the engine is
 * created by us and handed to the instance (its `__pagefind__`, which it then uses instead of
 * loading its own): Pagefind runs in `engine-worker.ts`, which answers a search with the number of
 * results and the first `resultsShown()` of them (each other result's `data()` still works: it asks
 * the worker); `filters()` answers "none" until `loadFilters()` is called — when a filter control is
 * used, or the URL holds filters. Pagefind's `search()` fetches only the filter chunks of the
 * filters in use, so filtering still works either way.
 *
 * Sorting: the default bundle (`/pagefind/`) has no sort keys, so that its page list stays small
 * (`lib/search/bundles.ts`). With `sortedBundlePath`, every call whose `sort` names a key (the
 * instance passes its `searchSort` to `search()`; `preload()` and `filters()` read it) goes to a
 * second Pagefind instance in the worker, on that bundle, created on first use; it fetches only that
 * bundle's page list, and shares every other file with the first (`sharedBundleUrl()`). Both
 * bundles hold the same pages, words, filters and fragments, so results differ only in order.
 *
 * Relies on two Component UI internals (`__pagefind__`, `__dispatch__`, Pagefind 1.6); if they ever
 * disappear this returns null and the instance loads itself as before — from its `bundle-path`,
 * which then has to be the sorted bundle if the page sorts. Must be called before the instance's
 * field is focused or a search is triggered, and after its `searchSort` is set.
 */
export function attachEngine(instance: PagefindInstance, options: { sortedBundlePath?: string; resultsShown: () => number }): Engine | null {
  if (!('__pagefind__' in instance) || instance.__pagefind__ || typeof instance.__dispatch__ !== 'function') return null;
  const { sortedBundlePath } = options;
  const ask = engineWorker(sortedBundlePath, { ...(instance.pagefindOptions ?? {}) });
  const started = new Map<string, Promise<void>>();
  /** The engine on a bundle, started on first use; a failed start is dropped, so a later call retries. */
  const start = (bundle: string): Promise<void> => {
    let engine = started.get(bundle);
    if (!engine) {
      engine = ask<unknown>({ method: 'start', bundle }).then(() => {});
      started.set(bundle, engine);
      engine.catch(() => started.delete(bundle));
    }
    return engine;
  };
  const bundleFor = (sort: PagefindSortOption) => (sortedBundlePath && needsSortedBundle(sort) ? sortedBundlePath : DEFAULT_BUNDLE_PATH);
  /** The bundle of the instance's current order. */
  const current = () => bundleFor(instance.searchSort);
  // Only the bundle of the order the page starts in: a `?sort=` link never loads the default one.
  const ready = start(current());
  ready.catch(() => {});
  let filtersWanted: Promise<void> | null = null;
  let searches = 0;
  /** The number of the reader's search the worker is running, if any. */
  let running: number | null = null;
  /** One search in the worker; null when a newer one made it stale. */
  const searchNow = async (term: string | null, searchOptions: Record<string, unknown> = {}, aside = false) => {
    const number = ++searches;
    if (!aside) running = number;
    const sort = (searchOptions.sort ?? null) as PagefindSortOption;
    let found: SearchHead;
    try {
      found = await ask<SearchHead>({ method: 'search', bundle: bundleFor(sort), term: engineTerm(term), options: searchOptions, head: aside ? 0 : options.resultsShown(), prefetch: aside ? 0 : PREFETCHED, search: number, aside });
    } finally {
      if (running === number) running = null;
    }
    if (found.stale) return null;
    const data = (index: number) => () => ask<unknown>({ method: 'data', search: number, index });
    // As long as every result, but only the ones shown are filled in: the Component UI reads the
    // length (the count it announces) and renders `slice(0, max-results)`. Filling in 20,000
    // entries took 30-40 ms of the main thread per keystroke.
    const results = new Array<unknown>(found.total);
    found.head.forEach(({ fragment, ...head }, index) => { results[index] = { ...head, data: fragment ? () => Promise.resolve(fragment) : data(index) }; });
    return { results, unfilteredResultCount: found.unfilteredResultCount, filters: found.filters, totalFilters: found.totalFilters };
  };
  // One search at a time, and only the newest of those that queued up meanwhile: the engine runs
  // searches one after another, and a short prefix typed on the way (`autoscaler m`) can take
  // hundreds of ms on a large index, so without this the last keystroke waited behind every prefix.
  // A skipped search answers null, which the Component UI ignores.
  let newest = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const search: EngineLike['search'] = (term, searchOptions) => {
    const id = ++newest;
    // The Component UI will drop the running search's results: the worker need not finish them.
    if (running !== null) void ask({ method: 'supersede', search: running }).catch(() => {});
    const result = queue.then(() => (id === newest ? searchNow(term, searchOptions) : null)).catch(() => null);
    queue = result;
    return result;
  };
  instance.__pagefind__ = {
    init: () => start(current()),
    // A failed load is reported through `ready` (or `prepareSort`); the instance just sees no results.
    search,
    preload: async (term) => {
      await ask({ method: 'preload', bundle: current(), term });
    },
    filters: async () => (filtersWanted ? ask<Record<string, Record<string, number>>>({ method: 'filters', bundle: current() }).catch(() => ({})) : {}),
  };
  return {
    ready,
    preload(term) {
      const text = preloadText(term);
      if (text) void ask({ method: 'preload', bundle: current(), term: text }).catch(() => {});
    },
    loadFilters() {
      filtersWanted ??= (async () => {
        const total = await ask<unknown>({ method: 'filters', bundle: current() });
        let available: unknown = total;
        if (instance.searchTerm) {
          const found = await searchNow(instance.searchTerm, { filters: instance.searchFilters, sort: instance.searchSort ?? {} }, true);
          if (found?.filters) available = found.filters;
        }
        instance.availableFilters = available;
        instance.totalFilters = total;
        instance.__dispatch__!('filters', { available, total });
      })();
      filtersWanted.catch(() => { filtersWanted = null; });
      return filtersWanted;
    },
    prepareSort(sort) {
      return start(bundleFor(sort));
    },
  };
}

let loading: Promise<PagefindComponents> | null = null;

/** The built URL of search-results.css (an asset, not a style of every page that has the header search). */
const resultsStylesheet: string = resultsStylesheetUrl;

/** Resolves once the custom elements are defined; rejects (and can be retried) if the bundle is missing. */
export function loadPagefindUI(): Promise<PagefindComponents> {
  loading ??= (async () => {
    if (!document.querySelector('link[data-pagefind-css]')) {
      // Pagefind's own styles, then ours over them (on the search page ours are there already: no harm).
      for (const href of [`${DEFAULT_BUNDLE_PATH}pagefind-component-ui.css`, resultsStylesheet]) {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        link.dataset.pagefindCss = '';
        document.head.append(link);
      }
    }
    const url = `${DEFAULT_BUNDLE_PATH}pagefind-component-ui.js`;
    await import(/* @vite-ignore */ url);
    if (!window.PagefindComponents) throw new Error('Pagefind Component UI did not register');
    return window.PagefindComponents;
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** A `<script type="text/pagefind-template">` holding a Pagefind result template. */
export function templateScript(source: string): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'text/pagefind-template';
  script.textContent = source;
  return script;
}

/** True when a key press belongs to a text field, so `/` must type a slash rather than open search. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Pagefind 1.6's filter dropdown trigger is a `role="combobox"` button whose visible label is its
 * content, which a combobox does not take its name from (axe: button-name). Name it explicitly.
 */
export function nameFilterTriggers(root: ParentNode): void {
  for (const dropdown of root.querySelectorAll('pagefind-filter-dropdown[label]')) {
    const trigger = dropdown.querySelector('.pf-dropdown-trigger');
    if (trigger && !trigger.hasAttribute('aria-label')) trigger.setAttribute('aria-label', dropdown.getAttribute('label')!);
  }
}
