/**
 * The route table: `getStaticPaths` of every record and domain page returns one of these lists,
 * built from the memoized site data.
 */
import { getSiteData } from './site.ts';

export async function recordStaticPaths() {
  const { records } = await getSiteData();
  return records.map((record) => {
    const [domain, slug] = record.id.split('/') as [string, string];
    return { params: { domain, slug }, props: { record } };
  });
}

export async function domainStaticPaths() {
  const { domains } = await getSiteData();
  return domains.map((entry) => ({ params: { domain: entry.domain }, props: { entry } }));
}
