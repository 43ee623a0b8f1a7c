/**
 * Serve a built site as a static host would (src/node/static-server.ts):
 *
 *   node scripts/serve.ts [--dir dist] [--port 4399] [--host 127.0.0.1] [--base /errors/] [--no-compress]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeBase } from '../src/lib/routing/base.ts';
import { startStaticServer } from '../src/node/static-server.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: '4399' },
    host: { type: 'string', default: '127.0.0.1' },
    base: { type: 'string', default: '/' },
    'no-compress': { type: 'boolean', default: false },
  },
});
if (!existsSync(values.dir)) {
  console.error(`serve: ${values.dir} does not exist; build the site first (npm run build, or npm run build:subpath for dist-subpath)`);
  process.exit(2);
}
const base = normalizeBase(values.base);
await startStaticServer(values.dir, Number(values.port), values.host, { compress: !values['no-compress'], base });
console.log(`Serving ${resolve(values.dir)} at http://${values.host}:${values.port}${base}`);
