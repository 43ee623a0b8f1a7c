/**
 * The script of a renamed record's old address (components/pages/Redirect.astro): it goes to the new
 * page keeping the `#section` the old link pointed at, which the page's meta refresh would drop. Inline,
 * so it runs before the refresh can; its hash is in the Content-Security-Policy (security/csp.ts).
 */
export const REDIRECT_SCRIPT = `var t=document.querySelector("a[data-redirect-target]");if(t)location.replace(t.pathname+location.hash)`;
