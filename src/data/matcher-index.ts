/**
 * The matcher's index as a build artefact: built once per build from the records, served as its own
 * content-hashed JSON file (`/matcher/index.<hash>.json`), fetched only by the match page's worker.
 * A new build with other records gets a new name, so caches never serve a stale index.
 */
import { createHash } from 'node:crypto';
import { sitePath } from '../lib/routing/paths.ts';
import { matcherIndexOf } from '../node/matcher.ts';
import { getSiteData } from './site.ts';

export interface MatcherIndexFile {
  /** `index.<hash>.json` */
  name: string;
  /** `/matcher/index.<hash>.json`, under the site's base path */
  url: string;
  body: string;
}

let cached: Promise<MatcherIndexFile> | undefined;

export function getMatcherIndexFile(): Promise<MatcherIndexFile> {
  cached ??= (async () => {
    const { records } = await getSiteData();
    const body = JSON.stringify(matcherIndexOf(records));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
    const name = `index.${hash}.json`;
    return { name, url: sitePath(`matcher/${name}`), body };
  })();
  return cached;
}
