/**
 * `npm run build:subpath`: builds the site as served under a sub-path (`scripts/build/subpath-site.ts`)
 * into its own folder, leaving `dist/` alone. Extra arguments go to `astro build`.
 */
import { spawnSync } from 'node:child_process';
import { SUBPATH_OUT_DIR, SUBPATH_SITE_URL } from './subpath-site.ts';

// As `npm run build` runs it (package.json): with the build's environment (scripts/build/build.env).
const result = spawnSync(process.execPath, ['--env-file=scripts/build/build.env', 'node_modules/astro/bin/astro.mjs', 'build', '--outDir', SUBPATH_OUT_DIR, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ATLAS_SITE_URL: SUBPATH_SITE_URL },
});
process.exitCode = result.status ?? 1;
