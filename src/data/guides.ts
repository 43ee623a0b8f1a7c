/**
 * The MDX guides (`content/pages/<locale>/<name>.mdx`), compiled by Astro's MDX integration and
 * looked up by language and name for the guide pages of the route table.
 */
import type { MDXInstance } from 'astro';
import type { GuideName } from '../lib/routing/paths.ts';
import type { Locale } from '../lib/site-config.ts';

const modules = import.meta.glob<MDXInstance<Record<string, unknown>>>('../../content/pages/*/*.mdx', { eager: true });

export function getGuide(locale: Locale, guide: GuideName): MDXInstance<Record<string, unknown>> {
  const module = modules[`../../content/pages/${locale}/${guide}.mdx`];
  if (!module) throw new Error(`content/pages/${locale}/${guide}.mdx: the guide is missing in this language`);
  return module;
}
