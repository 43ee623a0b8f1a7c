/**
 * How the build splits Pagefind's work: one pass per language, one after the other, each with only
 * that language's pages, instead of one pass over the whole site. Pagefind keeps every page it has
 * read in memory until it writes the bundle, and each language's index is written on its own
 * (its page list, index chunks, filters; fragments are named by their content), so two passes
 * write the same files as one while holding half the pages each (docs/benchmarks.md, "Build").
 *
 * A language's pages are found by folder: the default language's at the top of the site, every
 * other under its prefix (`zh/`). The globs below say so to Pagefind's `addDirectory`.
 */

export interface SiteEntry {
  name: string;
  isDirectory: boolean;
}

export interface IndexPass {
  /** The path prefix of the pass's language, or '' for the default language. */
  prefix: string;
  /** A glob, relative to the site folder, matching the HTML files of this language only. */
  glob: string;
}

/** Names that need no quoting in a glob. Anything else and the site is indexed in one pass. */
const PLAIN_NAME = /^[A-Za-z0-9._-]+$/;

/**
 * The passes for a site whose top folder holds `entries`: one per language prefix present (in the
 * order given), then the default language's, made of every other top-level folder and HTML file,
 * minus `skip` (the search bundles). Null when a name cannot be written plainly in a glob: the
 * caller then indexes in one pass.
 */
export function languagePasses(entries: readonly SiteEntry[], prefixes: readonly string[], skip: readonly string[] = []): IndexPass[] | null {
  const kept = entries.filter((entry) => !skip.includes(entry.name));
  if (kept.some((entry) => !PLAIN_NAME.test(entry.name))) return null;
  const passes: IndexPass[] = [];
  for (const prefix of prefixes) {
    if (kept.some((entry) => entry.isDirectory && entry.name === prefix)) passes.push({ prefix, glob: `${prefix}/**/*.html` });
  }
  const rest = kept
    .filter((entry) => !prefixes.includes(entry.name))
    .flatMap((entry) => (entry.isDirectory ? [`${entry.name}/**/*.html`] : entry.name.endsWith('.html') ? [entry.name] : []))
    .sort();
  if (rest.length === 1) passes.push({ prefix: '', glob: rest[0]! });
  if (rest.length > 1) passes.push({ prefix: '', glob: `{${rest.join(',')}}` });
  return passes;
}
