/**
 * `/llms.txt` (llmstxt.org): what the site is and where its machine-readable data is, for language
 * models and other tools. A fixed size: it links the JSON index rather than listing records.
 */
import type { APIRoute } from 'astro';
import { getSiteData } from '../data/site.ts';
import { apiPath, feedPath, pagePath } from '../lib/routing/paths.ts';
import { absoluteUrl } from '../data/site-url.ts';

export const GET: APIRoute = async ({ site }) => {
  const { records, domains } = await getSiteData();
  const url = (path: string) => absoluteUrl(path, site);
  const body = `# Error Atlas

> A bilingual (English and Chinese) knowledge base of software errors: one page per error with the message as tools print it, why it happens, the workarounds that work (with success rates) and the dead ends that do not (and why). ${records.length} records in ${domains.length} domains.

Every record is also published as JSON. The API is versioned (v1 never changes shape) and documented in the record format guide. Chinese pages are under /zh/.

## Data

- [Records index](${url(apiPath('records.json'))}): every record's id, signature (English and Chinese), domain, category, last update, page URLs and JSON URL
- [Domains](${url(apiPath('domains.json'))}): the domains, their record counts and listing pages
- [Record format as JSON Schema](${url(apiPath('record.schema.json'))})
- [Feed of new and updated records](${url(feedPath('en'))})

## Docs

- [Record format and JSON API](${url(pagePath('format'))})
- [About the site](${url(pagePath('about'))})
- [Match a pasted error or log](${url(pagePath('match'))}): runs in the browser; the same matcher is a CLI in the repository
`;
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
