/**
 * Loads Pagefind's Component UI on demand (browser only). Record pages ship none of it: the header
 * button calls this when the reader first asks for search; the search page calls it on load.
 */
export const BUNDLE_PATH = '/pagefind/';

interface PagefindInstance {
  searchTerm: string;
  searchFilters: Record<string, string[]>;
  searchSort: Record<string, 'asc' | 'desc'> | undefined;
  on(event: 'search', callback: (term: string, filters: Record<string, unknown>) => void): void;
  on(event: 'error' | 'results' | 'loading' | 'filters', callback: (payload: unknown) => void): void;
  triggerSearch(term: string): void;
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
