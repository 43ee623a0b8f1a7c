/**
 * `npm run check:links [-- --dir dist] [--site URL]`: every internal href, src, anchor and hreflang
 * of a built site resolves (src/node/link-check.ts). `--site` is the URL the site was built for
 * (default: ATLAS_SITE_URL, as for the build). Prints each broken link and a count; exit 1 if any.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { siteUrl } from '../../src/lib/site-config.ts';
import { checkLinks } from '../../src/node/link-check.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, site: { type: 'string' } } });
if (!existsSync(values.dir)) {
  console.error(`check:links: ${values.dir} does not exist; build the site first (npm run build)`);
  process.exit(2);
}
const report = checkLinks(values.dir, siteUrl(values.site ? { ATLAS_SITE_URL: values.site } : process.env));
for (const link of report.broken) console.log(`${link.page}: ${link.attribute}="${link.link}": ${link.reason}`);
console.log(`check:links ${report.broken.length ? 'failed' : 'passed'}: ${report.broken.length} broken of ${report.links} internal links on ${report.pages} pages and ${report.documents} JSON files`);
process.exitCode = report.broken.length ? 1 : 0;
