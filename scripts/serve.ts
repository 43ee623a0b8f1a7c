/**
 * A minimal static file server for the built site, as any static host would serve it:
 * `/path/` → `/path/index.html`, `/path` → redirect to `/path/`, anything missing → `404.html` with 404.
 * Used by the end-to-end tests and benchmarks (several can run at once, unlike `astro preview`).
 *
 *   node scripts/serve.ts [--dir dist] [--port 4399] [--host 127.0.0.1]
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export function startStaticServer(root: string, port: number, host = '127.0.0.1') {
  const base = resolve(root);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end('Bad request');
      return;
    }
    const target = normalize(join(base, pathname));
    if (target !== base && !target.startsWith(base + sep)) {
      response.writeHead(403).end('Forbidden');
      return;
    }
    let file = target;
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { Location: `${pathname}/${url.search}` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    let status = 200;
    if (!existsSync(file) || !statSync(file).isFile()) {
      status = 404;
      file = join(base, '404.html');
      if (!existsSync(file)) {
        response.writeHead(404).end('Not found');
        return;
      }
    }
    response.writeHead(status, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cache-Control': 'no-cache',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise<typeof server>((done) => server.listen(port, host, () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { dir: { type: 'string', default: 'dist' }, port: { type: 'string', default: '4399' }, host: { type: 'string', default: '127.0.0.1' } },
  });
  if (!existsSync(values.dir)) {
    console.error(`serve: ${values.dir} does not exist; build the site first (npm run build)`);
    process.exit(2);
  }
  await startStaticServer(values.dir, Number(values.port), values.host);
  console.log(`Serving ${resolve(values.dir)} at http://${values.host}:${values.port}/`);
}
