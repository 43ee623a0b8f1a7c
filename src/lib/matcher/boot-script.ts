/**
 * The match page's first script, inline in its `<head>`: it creates the matcher's worker and starts
 * the index's download while the page is still being parsed, before any of the page's files has
 * arrived, and hands the index to the worker as soon as it is there. Its worker and download wait in
 * `window[MATCHER_BOOT_GLOBAL]` for the page's own script (src/browser/matcher/boot.ts), which takes
 * them over with the messages the worker sent meanwhile. Run as a module instead, it started only once
 * its own file and then the client's had downloaded, after the page was parsed: hundreds of
 * milliseconds on a busy machine (docs/benchmarks.md, "Time to first result").
 *
 * Plain ES5-style text, inline: its hash goes into the Content-Security-Policy (security/csp.ts), so it
 * is the same on every page and reads the URLs from the `<meta>` the page renders before it.
 */

/** `<meta name=…>` carrying the worker's and the index's URLs (`data-worker`, `data-index`). */
export const MATCHER_BOOT_META = 'atlas-matcher';
/** Where the script leaves what it started (a `MatcherBoot`). */
export const MATCHER_BOOT_GLOBAL = '__atlasMatcher';

/** What the boot script leaves on `window`. */
export interface MatcherBoot {
  worker: Worker;
  /** Messages the worker sent before the page's script took it over, in order. */
  early: MessageEvent[];
  /** The index as text with the time its download took; rejects when it could not be fetched. */
  index: Promise<{ text: string; ms: number }>;
}

export const MATCHER_BOOT_SCRIPT = `(function(){var m=document.querySelector('meta[name="${MATCHER_BOOT_META}"]');if(!m||typeof Worker!=="function"||!window.fetch)return;var s=performance.now(),q=[],w;try{w=new Worker(m.dataset.worker,{type:"module"})}catch(e){return}w.onmessage=function(e){q.push(e)};var x=fetch(m.dataset.index).then(function(r){if(!r.ok)throw new Error("could not load the matcher index "+m.dataset.index+": HTTP "+r.status);return r.text()}).then(function(t){var d={text:t,ms:performance.now()-s};w.postMessage({type:"init",indexText:t,fetchMs:d.ms});return d});x.catch(function(){});window.${MATCHER_BOOT_GLOBAL}={worker:w,early:q,index:x}})()`;
