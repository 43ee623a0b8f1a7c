/**
 * Loads Pagefind's Component UI on demand (browser only). Record pages ship none of it: the header
 * button calls this when the reader first asks for search; the search page calls it on load.
 */
import { preloadText, withoutStrayLetter } from '../../lib/search/terms.ts';

export const BUNDLE_PATH = '/pagefind/';

interface PagefindInstance {
  searchTerm: string;
  /** Component UI internals used by `attachEngine` (Pagefind 1.6); see there. */
  __pagefind__?: EngineLike | null;
  __dispatch__?: (event: 'filters', payload: { available: unknown; total: unknown }) => void;
  pagefindOptions?: Record<string, unknown>;
  availableFilters?: unknown;
  totalFilters?: unknown;
  searchFilters: Record<string, string[]>;
  searchSort: Record<string, 'asc' | 'desc'> | undefined;
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
  /** Resolves once the engine, its wasm and this language's page list are loaded; rejects if they cannot be. */
  ready: Promise<void>;
  /** Starts fetching the index chunks for a term (call on every keystroke; the search itself is debounced). */
  preload(term: string): void;
  /** Fetches the facet data (once) and hands the counts for the current search to the filter dropdowns. */
  loadFilters(): Promise<void>;
}

/**
 * Starts Pagefind's engine for a Component UI instance now, before the first keystroke, and keeps
 * the facet data out of the first search.
 *
 * Left alone, an instance loads the engine on the field's first focus or search and then always
 * fetches every facet file (`filters()`; about 180 KB on a 20,000-record site) before its first
 * search can run, even where no filter is shown. Here the engine is created by us and handed to the
 * instance (its `__pagefind__`, which it then uses instead of loading its own), with `filters()`
 * answering "none" until `loadFilters()` is called — when a filter control is used, or the URL holds
 * filters. Pagefind's `search()` fetches only the filter chunks of the filters in use, so filtering
 * still works either way. Relies on two Component UI internals (`__pagefind__`, `__dispatch__`,
 * Pagefind 1.6); if they ever disappear this returns null and the instance loads itself as before.
 * Must be called before the instance's field is focused or a search is triggered.
 */
export function attachEngine(instance: PagefindInstance): Engine | null {
  if (!('__pagefind__' in instance) || instance.__pagefind__ || typeof instance.__dispatch__ !== 'function') return null;
  const options = { ...(instance.pagefindOptions ?? {}) };
  const engine: Promise<EngineLike> = import(/* @vite-ignore */ `${BUNDLE_PATH}pagefind.js`).then((module: { createInstance(options: Record<string, unknown>): EngineLike }) => module.createInstance(options));
  const ready = engine.then((e) => e.init());
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
    const result = queue.then(async () => (id === newest ? (await engine).search(term, searchOptions) : null)).catch(() => null);
    queue = result;
    return result;
  };
  instance.__pagefind__ = {
    init: async () => (await engine).init(),
    // A failed load is reported through `ready`; the instance just sees no results.
    search,
    preload: async (term, preloadOptions) => (await engine).preload(term, preloadOptions),
    filters: async () => (filtersWanted ? (await engine).filters().catch(() => ({})) : {}),
  };
  return {
    ready,
    preload(term) {
      const text = preloadText(term);
      if (text) void engine.then((e) => e.preload(text)).catch(() => {});
    },
    loadFilters() {
      filtersWanted ??= (async () => {
        const e = await engine;
        const total = await e.filters();
        let available: unknown = total;
        if (instance.searchTerm) {
          const current = await e.search(instance.searchTerm, { filters: instance.searchFilters, sort: instance.searchSort ?? {} });
          if (current?.filters) available = current.filters;
        }
        instance.availableFilters = available;
        instance.totalFilters = total;
        instance.__dispatch__!('filters', { available, total });
      })();
      filtersWanted.catch(() => { filtersWanted = null; });
      return filtersWanted;
    },
  };
}

let loading: Promise<PagefindComponents> | null = null;

/** Resolves once the custom elements are defined; rejects (and can be retried) if the bundle is missing. */
export function loadPagefindUI(): Promise<PagefindComponents> {
  loading ??= (async () => {
    if (!document.querySelector('link[data-pagefind-css]')) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = `${BUNDLE_PATH}pagefind-component-ui.css`;
      link.dataset.pagefindCss = '';
      document.head.append(link);
    }
    const url = `${BUNDLE_PATH}pagefind-component-ui.js`;
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
