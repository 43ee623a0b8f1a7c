/**
 * An Atom feed per language of the newest and most recently updated records (by `last_updated`),
 * for people and tools that follow changes. Only the newest FEED_ENTRIES: the feed does not grow
 * with the knowledge base.
 */
export const FEED_ENTRIES = 50;

export interface FeedEntry {
  id: string;
  title: string;
  url: string;
  /** YYYY-MM-DD */
  updated: string;
  summary: string;
}

export interface Feed {
  title: string;
  subtitle: string;
  /** The feed's own URL, and the site's home page in its language. */
  selfUrl: string;
  homeUrl: string;
  lang: string;
  entries: FeedEntry[];
}

/** Records with a `last_updated`, newest first (ties by id), at most FEED_ENTRIES. */
export function newestFirst<T extends { id: string; last_updated?: string | null }>(records: readonly T[]): T[] {
  return records
    .filter((record) => !!record.last_updated)
    .sort((a, b) => b.last_updated!.localeCompare(a.last_updated!) || a.id.localeCompare(b.id))
    .slice(0, FEED_ENTRIES);
}

function escapeXml(value: string): string {
  // Characters XML 1.0 cannot hold at all are dropped; the five markup characters are escaped.
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const stamp = (date: string) => `${date}T00:00:00Z`;

export function atomFeed(feed: Feed): string {
  const updated = feed.entries[0]?.updated ?? '1970-01-01';
  const entries = feed.entries.map(
    (entry) => `  <entry>
    <id>${escapeXml(entry.url)}</id>
    <title>${escapeXml(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>
    <updated>${stamp(entry.updated)}</updated>
    <summary>${escapeXml(entry.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">
  <id>${escapeXml(feed.selfUrl)}</id>
  <title>${escapeXml(feed.title)}</title>
  <subtitle>${escapeXml(feed.subtitle)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(feed.homeUrl)}"/>
  <updated>${stamp(updated)}</updated>
${entries.join('\n')}
</feed>
`;
}
