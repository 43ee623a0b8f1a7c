/**
 * `npm run --silent nginx-headers [-- --dir dist] > error-atlas-headers.conf`: the built site's
 * `_headers` (its Content-Security-Policy and other headers) as nginx `add_header` lines, to
 * `include` in the `location` that serves the site, with nested locations for content-hashed folders
 * under the site's base path (from `ATLAS_SITE_URL`, as for the build). The policy holds the hashes of
 * the build's inline scripts: write the file again after every build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SITE_BASE } from '../../src/lib/routing/base.ts';
import { parseHeadersFile, toNginx } from '../../src/lib/security/headers.ts';
import { HEADERS_FILE } from '../../src/node/security/site-headers.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' } } });
const file = join(values.dir, HEADERS_FILE);
if (!existsSync(file)) {
  console.error(`nginx-headers: ${file} does not exist; build the site first (npm run build)`);
  process.exit(2);
}
process.stdout.write(toNginx(parseHeadersFile(readFileSync(file, 'utf8')), SITE_BASE));
