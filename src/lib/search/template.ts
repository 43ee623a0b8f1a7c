/**
 * The result template both search UIs (header dialog, search page) hand to Pagefind's
 * `<pagefind-results>`: signature as the title, the domain, the highlighted excerpt, and links to
 * the matching sections (`#workarounds`, `#dead-end-2`, …) as sub-results.
 * Syntax: Pagefind's template language; `{{+ … +}}` keeps the `<mark>` highlighting.
 */
/**
 * How long the field waits after a keystroke before searching (Pagefind's default is 300 ms for
 * `<pagefind-input>`, 150 ms for its modal field). Kept short: the index chunks for the words typed
 * are already being fetched from the keystroke on (`preload`), so the wait only holds back the
 * search itself, and typing faster than this still skips the intermediate searches.
 */
export const SEARCH_DEBOUNCE_MS = 30;

/** Results rendered at once on the search page ("Load more results" adds as many again); the header dialog shows fewer. */
export const RESULTS_PAGE = 20;
export const DIALOG_RESULTS = 10;

export function resultTemplate(sectionsLabel: string): string {
  return `<li class="sr-result">
  <p class="sr-result__title"><a class="sr-result__link" href="{{ meta.url | default(url) | safeUrl }}">{{ meta.title | default(url) }}</a></p>
  {{#if meta.domain}}<p class="sr-result__domain">{{ meta.domain }}</p>{{/if}}
  {{#if excerpt}}<p class="sr-result__excerpt">{{+ excerpt +}}</p>{{/if}}
  {{#if sub_results}}
  <ul class="sr-result__sections" aria-label="${sectionsLabel.replace(/[<>&"]/g, '')}">
    {{#each sub_results as sub}}
    <li><a class="sr-result__section" href="{{ sub.url | safeUrl }}">{{ sub.title }}</a>{{#if sub.excerpt}} <span class="sr-result__section-excerpt">{{+ sub.excerpt +}}</span>{{/if}}</li>
    {{/each}}
  </ul>
  {{/if}}
</li>`;
}
