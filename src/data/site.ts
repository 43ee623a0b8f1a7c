/**
 * Everything pages need about the whole site, computed once per build: the records, the route table,
 * the domain index and the related-error graph. `getCollection` is called exactly once.
 */
import { getCollection } from 'astro:content';
import { buildRelatedGraph, type RelatedGraph } from '../lib/record/graph.ts';
import type { ErrorRecord } from '../lib/record/schema.ts';
import { buildSiteIndex, type SiteIndex } from '../lib/present/listings.ts';

export interface SiteData extends SiteIndex {
  records: readonly ErrorRecord[];
  graph: RelatedGraph;
}

let cached: Promise<SiteData> | undefined;

export function getSiteData(): Promise<SiteData> {
  cached ??= (async () => {
    const entries = await getCollection('errors');
    const records = entries.map((entry) => entry.data).sort((a, b) => a.id.localeCompare(b.id));
    return { records, graph: buildRelatedGraph(records), ...buildSiteIndex(records) };
  })();
  return cached;
}
