/**
 * Runs Pagefind over a built site directory and writes the bundle to `<dir>/pagefind/`.
 * Shared by the Astro integration and the search benchmark, so both index the same way.
 */
import { createIndex, close } from 'pagefind';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Parts of a record page that are labels or chrome rather than content: field labels (`dt`: "Why it
 * fails", "Domain"), muted notes ("No dead end is recorded yet."), rate badges, breadcrumbs, the
 * matcher link and the "not yet translated" note. Record pages mark their content with
 * `data-pagefind-body`, so the header, footer and language switch are never indexed at all.
 */
export const EXCLUDE_SELECTORS = ['.untranslated-note', '.record dt', '.record .muted', '.record .badge', '.record .breadcrumbs', '.record .no-print'];

/** Options for `pagefind.createIndex`: the build and the tokenizer test share them. */
export const INDEX_OPTIONS = { excludeSelectors: EXCLUDE_SELECTORS };

export interface IndexStats {
  pages: number;
  languages: string[];
  seconds: number;
  outputPath: string;
}

export async function indexSite(siteDir: string): Promise<IndexStats> {
  const started = performance.now();
  const outputPath = join(siteDir, 'pagefind');
  try {
    const { index, errors: createErrors } = await createIndex(INDEX_OPTIONS);
    if (!index) throw new Error(`Pagefind could not start: ${createErrors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
    const languages = readdirSync(outputPath).map((name) => /^pagefind\.([^.]+)_[0-9a-f]+\.pf_meta$/.exec(name)?.[1]).filter((lang): lang is string => Boolean(lang));
    return { pages: added.page_count, languages, seconds: (performance.now() - started) / 1000, outputPath };
  } finally {
    await close();
  }
}
