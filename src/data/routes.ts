/**
 * The route table of this build (`lib/routing/table.ts`), computed once from the site data, and the
 * `getStaticPaths` list of each page type: page files under `src/pages/[...locale]/` ask for their
 * kind and render the route they are given. The default language has no path prefix (`locale`
 * undefined), the others their code.
 */
import type { GetStaticPathsResult } from 'astro';
import { DEFAULT_LOCALE } from '../lib/site-config.ts';
import { buildRouteTable, type Route, type RouteKind, type RouteOf, type RouteTable } from '../lib/routing/table.ts';
import { getSiteData } from './site.ts';

let cached: Promise<RouteTable> | undefined;

function getRouteTable(): Promise<RouteTable> {
  cached ??= getSiteData().then(buildRouteTable);
  return cached;
}

function paramsOf(route: Route): Record<string, string | undefined> {
  const locale = route.locale === DEFAULT_LOCALE ? undefined : route.locale;
  switch (route.kind) {
    case 'record': {
      const [domain, slug] = route.id.split('/');
      return { locale, domain, slug };
    }
    case 'redirect': {
      const [domain, slug] = route.fromId.split('/');
      return { locale, domain, slug };
    }
    case 'domain':
      return { locale, domain: route.entry.domain };
    case 'guide':
      return { locale, guide: route.guide };
    default:
      return { locale };
  }
}

/** `getStaticPaths` for the page type `kind`: one entry per route, the route as its only prop. */
export async function staticPaths<K extends RouteKind>(kind: K) {
  const routes = (await getRouteTable())[kind] as RouteOf<K>[];
  return routes.map((route) => ({ params: paramsOf(route), props: { route } })) satisfies GetStaticPathsResult;
}

/**
 * The `<domain>/<slug>` pages: records, and the old addresses of renamed records (same URL shape, so
 * one page file serves both; check:content makes sure no old address is a live one).
 */
export async function recordPagePaths() {
  return [...(await staticPaths('record')), ...(await staticPaths('redirect'))];
}
