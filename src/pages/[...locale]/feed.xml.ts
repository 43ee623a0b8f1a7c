/** `/feed.xml` and `/zh/feed.xml`: the newest and latest updated records (lib/feeds/atom.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../../data/site.ts';
import { atomFeed, newestFirst } from '../../lib/feeds/atom.ts';
import { translate } from '../../lib/i18n/index.ts';
import { buildRecordView } from '../../lib/present/record.ts';
import { feedPath, homePath, recordPath } from '../../lib/routing/paths.ts';
import { DEFAULT_LOCALE, LANG_TAG, LOCALES, type Locale } from '../../lib/site-config.ts';
import { absoluteUrl } from '../../data/site-url.ts';

export const getStaticPaths = (() => LOCALES.map((locale) => ({ params: { locale: locale === DEFAULT_LOCALE ? undefined : locale }, props: { locale } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const locale = (props as { locale: Locale }).locale;
  const { records, graph } = await getSiteData();
  const url = (path: string) => absoluteUrl(path, site);
  const entries = newestFirst(records).map((record) => {
    const view = buildRecordView(record, locale, graph);
    return { id: record.id, title: view.signature.text, url: url(recordPath(record.id, locale)), updated: record.last_updated!, summary: view.description };
  });
  const body = atomFeed({
    title: translate(locale, 'feed.title'),
    subtitle: translate(locale, 'site.description'),
    selfUrl: url(feedPath(locale)),
    homeUrl: url(homePath(locale)),
    lang: LANG_TAG[locale],
    entries,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
