/**
 * `npm run build:subpath`: builds the site as served under a sub-path (`scripts/build/subpath-site.ts`)
 * into its own folder, leaving `dist/` alone. Extra arguments go to `astro build`.
 */
import { spawnSync } from 'node:child_process';
import { SUBPATH_OUT_DIR, SUBPATH_SITE_URL } from './subpath-site.ts';

// Through `npm run build`'s entry point (scripts/build/site.mjs): Astro, then the search index.
const result = spawnSync(process.execPath, ['scripts/build/site.mjs', '--outDir', SUBPATH_OUT_DIR, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ATLAS_SITE_URL: SUBPATH_SITE_URL },
});
process.exitCode = result.status ?? 1;
