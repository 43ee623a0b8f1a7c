/**
 * What the atlas draws (see ../atlas.ts): every record as a cell up to a budget; past it each domain's
 * most connected records, the smallest domains in full, at most REGION_CAP regions and the EDGE_CAP
 * strongest relations between domains. Deterministic: the same records give the same plan.
 */
import { edgeTarget, RELATION_KINDS, type ErrorRecord } from '../../record/schema.ts';
import { clipAtWord } from '../titles.ts';

/** At most this many records are drawn as cells on the page, whatever the size of the site. */
export const CELL_BUDGET = 500;
/** A summarised domain shows this many of its records (fewer when there are many regions). */
export const TOP_SHOWN = 8;
/** At most this many regions; past it the smallest domains are grouped into one. */
export const REGION_CAP = 60;
/** The strongest relations between domains drawn as lines (and listed). */
export const EDGE_CAP = 12;
/**
 * Signatures are cut to this many characters on the atlas (the record page has them whole), so that
 * a few very long ones cannot make the page heavy: most are under 150.
 */
export const TITLE_MAX = 160;

/** A signature as the atlas shows it: at most `TITLE_MAX` characters. */
export function clip(text: string, max = TITLE_MAX): string {
  return clipAtWord(text, max);
}

/** What the atlas needs of a record. */
export interface AtlasRecordInput {
  id: string;
  domain: string;
  signature: string;
  signature_zh: string | null;
  resolvable: ErrorRecord['resolvable'];
  /** Ids this record's `transition_graph` points at, any kind, each once. */
  links: readonly string[];
}

export function atlasInput(records: readonly ErrorRecord[]): AtlasRecordInput[] {
  return records.map((record) => {
    const links = new Set<string>();
    for (const kind of RELATION_KINDS) {
      for (const edge of record.transition_graph?.[kind] ?? []) links.add(edgeTarget(edge));
    }
    links.delete(record.id);
    return { id: record.id, domain: record.domain, signature: record.signature, signature_zh: record.signature_zh ?? null, resolvable: record.resolvable ?? null, links: [...links] };
  });
}

/** A record drawn as a cell. */
export interface AtlasEntry {
  id: string;
  /** Cut to TITLE_MAX characters. */
  signature: string;
  signature_zh: string | null;
  resolvable: 'true' | 'partial' | 'false' | null;
  /** How many other records it is related to, either way: the most connected are shown first. */
  degree: number;
}

export interface AtlasRegionPlan {
  /** The domain, or null for the region grouping the smallest domains past REGION_CAP. */
  domain: string | null;
  /** The domains in the region: one, or those of the group. */
  domains: readonly string[];
  count: number;
  /** The records drawn as cells, most connected first. */
  shown: readonly AtlasEntry[];
  /** Every record of the region is drawn. */
  full: boolean;
}

/** Records of two domains related to each other. `a` sorts before `b`. */
export interface AtlasRelation {
  a: string;
  b: string;
  /** Distinct pairs of records, one in each domain, that one of them relates to the other. */
  weight: number;
}

export interface AtlasPlan {
  total: number;
  /** Domains in the site (regions may group some). */
  domainCount: number;
  /** Largest first (then by name); the grouped region, if any, last. */
  regions: readonly AtlasRegionPlan[];
  /** The strongest relations between two domains drawn as regions, strongest first, at most EDGE_CAP. */
  relations: readonly AtlasRelation[];
  /** Pairs of domains related at all (the drawn relations are the strongest of these). */
  relatedPairs: number;
  /**
   * Null when every record is drawn. Else the size of the largest domain drawn in full (0: none is):
   * every domain up to that size is drawn in full, every larger one shows its top `perRegion`.
   */
  fullUpTo: number | null;
  /** How many records a summarised region shows. */
  perRegion: number;
  cells: number;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function planAtlas(records: readonly AtlasRecordInput[], limits = { cells: CELL_BUDGET, top: TOP_SHOWN, regions: REGION_CAP, edges: EDGE_CAP }): AtlasPlan {
  const known = new Map(records.map((record) => [record.id, record]));
  // Each related pair of records once, whichever of the two names the other.
  const neighbours = new Map<string, Set<string>>(records.map((record) => [record.id, new Set()]));
  for (const record of records) {
    for (const target of record.links) {
      if (!known.has(target) || target === record.id) continue;
      neighbours.get(record.id)!.add(target);
      neighbours.get(target)!.add(record.id);
    }
  }

  const byDomain = new Map<string, AtlasEntry[]>();
  for (const record of records) {
    const entry: AtlasEntry = {
      id: record.id,
      signature: clip(record.signature),
      signature_zh: record.signature_zh === null ? null : clip(record.signature_zh),
      resolvable: record.resolvable ?? null,
      degree: neighbours.get(record.id)!.size,
    };
    byDomain.set(record.domain, [...(byDomain.get(record.domain) ?? []), entry]);
  }
  const rank = (a: AtlasEntry, b: AtlasEntry) => b.degree - a.degree || byText(a.id, b.id);
  const domains = [...byDomain.entries()]
    .map(([domain, entries]) => ({ domain, entries: entries.sort(rank) }))
    .sort((a, b) => b.entries.length - a.entries.length || byText(a.domain, b.domain));

  const own = domains.length > limits.regions ? domains.slice(0, limits.regions - 1) : domains;
  const grouped = domains.slice(own.length);
  const groups = [
    ...own.map(({ domain, entries }) => ({ domain: domain as string | null, domains: [domain], entries })),
    ...(grouped.length > 0 ? [{ domain: null, domains: grouped.map((group) => group.domain).sort(byText), entries: grouped.flatMap((group) => group.entries).sort(rank) }] : []),
  ];

  // Everything fits: draw it all. Otherwise each region shows its top few, and the smallest domains
  // are drawn in full for as long as the budget lasts (a threshold, so the rule can be said in a sentence).
  const everything = records.length <= limits.cells;
  const perRegion = everything ? Infinity : Math.max(1, Math.min(limits.top, Math.floor(limits.cells / Math.max(1, groups.length))));
  let fullUpTo: number | null = null;
  if (!everything) {
    fullUpTo = Math.max(0, ...groups.filter((group) => group.domain !== null && group.entries.length <= perRegion).map((group) => group.entries.length));
    let used = groups.reduce((sum, group) => sum + Math.min(group.entries.length, perRegion), 0);
    const sizes = [...new Set(groups.filter((group) => group.domain !== null && group.entries.length > perRegion).map((group) => group.entries.length))].sort((a, b) => a - b);
    for (const size of sizes) {
      const extra = groups.filter((group) => group.domain !== null && group.entries.length === size).length * (size - perRegion);
      if (used + extra > limits.cells) break;
      used += extra;
      fullUpTo = size;
    }
  }
  const regions: AtlasRegionPlan[] = groups.map((group) => {
    const drawAll = fullUpTo === null || (group.domain !== null && group.entries.length <= Math.max(fullUpTo, perRegion));
    const shown = drawAll ? group.entries : group.entries.slice(0, perRegion);
    return { domain: group.domain, domains: group.domains, count: group.entries.length, shown, full: shown.length === group.entries.length };
  });

  const domainOf = new Map(records.map((record) => [record.id, record.domain]));
  const pairs = new Map<string, AtlasRelation>();
  for (const [id, others] of neighbours) {
    for (const other of others) {
      const [a, b] = [domainOf.get(id)!, domainOf.get(other)!];
      if (a === b || id > other) continue; // each record pair once
      const [first, second] = byText(a, b) < 0 ? [a, b] : [b, a];
      const key = `${first}\u0000${second}`;
      const relation = pairs.get(key) ?? { a: first, b: second, weight: 0 };
      relation.weight += 1;
      pairs.set(key, relation);
    }
  }
  const drawn = new Set(own.map((group) => group.domain));
  const relations = [...pairs.values()]
    .filter((relation) => drawn.has(relation.a) && drawn.has(relation.b))
    .sort((x, y) => y.weight - x.weight || byText(x.a, y.a) || byText(x.b, y.b))
    .slice(0, limits.edges);

  return {
    total: records.length,
    domainCount: domains.length,
    regions,
    relations,
    relatedPairs: pairs.size,
    fullUpTo,
    perRegion: Number.isFinite(perRegion) ? perRegion : 0,
    cells: regions.reduce((sum, region) => sum + region.shown.length, 0),
  };
}
