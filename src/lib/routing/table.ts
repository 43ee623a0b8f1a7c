/**
 * The route table: every page the site builds, computed once per build from the records. Each route
 * carries what its page needs, prepared here (search data, listing rows; the record view model is
 * built when the page reads it), so that page files only hand a route to the component that lays it
 * out. One entry per page and language; no page file is written twice.
 */
import { LOCALES, type Locale } from '../site-config.ts';
import type { RelatedGraph } from '../record/graph.ts';
import type { ErrorRecord } from '../record/schema.ts';
import { buildAtlas, type AtlasView } from '../present/atlas.ts';
import type { DomainEntry, ListingRow } from '../present/listings.ts';
import { buildRecordView, type RecordView } from '../present/record.ts';
import { recordSearchData, type RecordSearchData } from '../search/record-data.ts';
import { domainPath, GUIDES, homePath, pagePath, recordPath, type GuideName } from './paths.ts';


interface RouteBase {
  locale: Locale;
  /** The page's own path, e.g. `/zh/grpc/`: canonical link, alternates and language switch use it. */
  path: string;
}

export interface HomeRoute extends RouteBase {
  kind: 'home';
  domains: readonly DomainEntry[];
  recent: readonly ListingRow[];
  totalRecords: number;
}

export interface DomainRoute extends RouteBase {
  kind: 'domain';
  entry: DomainEntry;
}

export interface RecordRoute extends RouteBase {
  kind: 'record';
  /** The record's id, `<domain>/<slug>`. */
  id: string;
  /**
   * The record's view model in the page's language, built each time it is read (the page reads it
   * once): holding every page's view model for the whole build would keep tens of thousands of them
   * in memory at 20,000 records.
   */
  readonly view: RecordView;
  search: RecordSearchData;
}

export interface SearchRoute extends RouteBase {
  kind: 'search';
}

export interface MatchRoute extends RouteBase {
  kind: 'match';
  totalRecords: number;
}

/** The atlas: every domain on one map. Its layout is computed once for both languages. */
export interface AtlasRoute extends RouteBase {
  kind: 'atlas';
  atlas: AtlasView;
}

export interface GuideRoute extends RouteBase {
  kind: 'guide';
  guide: GuideName;
}

/** An old address of a renamed record (its `previous_ids`): a page that sends the reader on. */
export interface RedirectRoute extends RouteBase {
  kind: 'redirect';
  /** The old id, whose address this is. */
  fromId: string;
  /** Where the record lives now, in the same language. */
  to: string;
}

export type Route = HomeRoute | DomainRoute | RecordRoute | SearchRoute | MatchRoute | AtlasRoute | GuideRoute | RedirectRoute;
export type RouteKind = Route['kind'];
export type RouteOf<K extends RouteKind> = Extract<Route, { kind: K }>;

export interface RouteTableInput {
  records: readonly ErrorRecord[];
  domains: readonly DomainEntry[];
  recent: readonly ListingRow[];
  graph: RelatedGraph;
}

/** Every route, grouped by kind, in a stable order (language, then path). */
export type RouteTable = { [K in RouteKind]: RouteOf<K>[] };

export function buildRouteTable(site: RouteTableInput): RouteTable {
  const table: RouteTable = { home: [], domain: [], record: [], search: [], match: [], atlas: [], guide: [], redirect: [] };
  const totalRecords = site.records.length;
  const atlas = buildAtlas(site.records);
  for (const locale of LOCALES) {
    table.home.push({ kind: 'home', locale, path: homePath(locale), domains: site.domains, recent: site.recent, totalRecords });
    table.search.push({ kind: 'search', locale, path: pagePath('search', locale) });
    table.match.push({ kind: 'match', locale, path: pagePath('match', locale), totalRecords });
    table.atlas.push({ kind: 'atlas', locale, path: pagePath('atlas', locale), atlas: atlas[locale] });
    for (const guide of GUIDES) table.guide.push({ kind: 'guide', locale, path: pagePath(guide, locale), guide });
    for (const entry of site.domains) table.domain.push({ kind: 'domain', locale, path: domainPath(entry.domain, locale), entry });
    for (const record of site.records) {
      table.record.push({
        kind: 'record',
        locale,
        path: recordPath(record.id, locale),
        id: record.id,
        get view() {
          return buildRecordView(record, locale, site.graph);
        },
        search: recordSearchData(record, locale),
      });
      for (const fromId of record.previous_ids ?? []) {
        table.redirect.push({ kind: 'redirect', locale, path: recordPath(fromId, locale), fromId, to: recordPath(record.id, locale) });
      }
    }
  }
  return table;
}
