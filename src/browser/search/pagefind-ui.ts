/**
 * Loads Pagefind's Component UI on demand (browser only). Record pages ship none of it: the header
 * button calls this when the reader first asks for search; the search page calls it on load.
 */
import resultsStylesheetUrl from '../../styles/search-results.css?url';
import { DEFAULT_BUNDLE_PATH, needsSortedBundle, type PagefindSortOption } from '../../lib/search/bundles.ts';
import { preloadText, withoutStrayLetter } from '../../lib/search/terms.ts';

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
 * Starts Pagefind's engine for a Component UI instance now, before the first keystroke, keeps the
 * facet data out of the first search, and runs sorted searches against a second bundle.
 *
 * Left alone, an instance loads the engine on the field's first focus or search and then always
 * fetches every facet file (`filters()`; about 180 KB on a 20,000-record site) before its first
 * search can run, even where no filter is shown. Here the engine is created by us and handed to the
 * instance (its `__pagefind__`, which it then uses instead of loading its own), with `filters()`
 * answering "none" until `loadFilters()` is called — when a filter control is used, or the URL holds
 * filters. Pagefind's `search()` fetches only the filter chunks of the filters in use, so filtering
 * still works either way.
 *
 * Sorting: the default bundle (`/pagefind/`) has no sort keys, so that its page list stays small
 * (`lib/search/bundles.ts`). With `sortedBundlePath`, every call whose `sort` names a key (the
 * instance passes its `searchSort` to `search()`; `preload()` and `filters()` read it) goes to a
 * second Pagefind instance on that bundle, created on first use from the same `pagefind.js` (one
 * engine script and worker; the sorted bundle's own wasm and page list). Both bundles hold the same
 * pages, words, filters and fragments, so results differ only in order.
 *
 * Relies on two Component UI internals (`__pagefind__`, `__dispatch__`, Pagefind 1.6); if they ever
 * disappear this returns null and the instance loads itself as before — from its `bundle-path`,
 * which then has to be the sorted bundle if the page sorts. Must be called before the instance's
 * field is focused or a search is triggered, and after its `searchSort` is set.
 */
export function attachEngine(instance: PagefindInstance, sortedBundlePath?: string): Engine | null {
  if (!('__pagefind__' in instance) || instance.__pagefind__ || typeof instance.__dispatch__ !== 'function') return null;
  const options = { ...(instance.pagefindOptions ?? {}) };
  const engineModule = import(/* @vite-ignore */ `${DEFAULT_BUNDLE_PATH}pagefind.js`) as Promise<{ createInstance(options: Record<string, unknown>): EngineLike }>;
  const engines = new Map<string, Promise<EngineLike>>();
  /** The engine on a bundle, created and started on first use; a failed one is dropped, so a later call retries. */
  const engineAt = (bundlePath: string): Promise<EngineLike> => {
    let engine = engines.get(bundlePath);
    if (!engine) {
      engine = engineModule.then(async (module) => {
        const created = module.createInstance(bundlePath === DEFAULT_BUNDLE_PATH ? options : { ...options, basePath: bundlePath });
        await created.init();
        return created;
      });
      engines.set(bundlePath, engine);
      engine.catch(() => engines.delete(bundlePath));
    }
    return engine;
  };
  const bundleFor = (sort: PagefindSortOption) => (sortedBundlePath && needsSortedBundle(sort) ? sortedBundlePath : DEFAULT_BUNDLE_PATH);
  /** The engine for the instance's current order. */
  const current = () => engineAt(bundleFor(instance.searchSort));
  // Only the bundle of the order the page starts in: a `?sort=` link never loads the default one.
  const ready = current().then(() => {});
  ready.catch(() => {});
  let filtersWanted: Promise<void> | null = null;
  // One search at a time, and only the newest of those that queued up meanwhile: Pagefind's worker
  // runs searches one after another, and a short prefix typed on the way (`autoscaler m`) can take
  // hundreds of ms on a large index, so without this the last keystroke waited behind every prefix.
  // A skipped search answers null, which the Component UI ignores.
  let newest = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const search: EngineLike['search'] = (term, searchOptions) => {
    term = withoutStrayLetter(term);
    const id = ++newest;
    const sort = (searchOptions?.sort ?? null) as PagefindSortOption;
    const result = queue.then(async () => (id === newest ? (await engineAt(bundleFor(sort))).search(term, searchOptions) : null)).catch(() => null);
    queue = result;
    return result;
  };
  instance.__pagefind__ = {
    init: async () => {
      await current();
    },
    // A failed load is reported through `ready` (or `prepareSort`); the instance just sees no results.
    search,
    preload: async (term, preloadOptions) => (await current()).preload(term, preloadOptions),
    filters: async () => (filtersWanted ? (await current()).filters().catch(() => ({})) : {}),
  };
  return {
    ready,
    preload(term) {
      const text = preloadText(term);
      if (text) void current().then((e) => e.preload(text)).catch(() => {});
    },
    loadFilters() {
      filtersWanted ??= (async () => {
        const e = await current();
        const total = await e.filters();
        let available: unknown = total;
        if (instance.searchTerm) {
          const found = await e.search(instance.searchTerm, { filters: instance.searchFilters, sort: instance.searchSort ?? {} });
          if (found?.filters) available = found.filters;
        }
        instance.availableFilters = available;
        instance.totalFilters = total;
        instance.__dispatch__!('filters', { available, total });
      })();
      filtersWanted.catch(() => { filtersWanted = null; });
      return filtersWanted;
    },
    async prepareSort(sort) {
      await engineAt(bundleFor(sort));
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
