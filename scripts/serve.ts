/**
 * A minimal static file server for the built site, as any static host would serve it:
 * `/path/` → `/path/index.html`, `/path` → redirect to `/path/`, anything missing → `404.html` with 404.
 * Used by the end-to-end tests and benchmarks (several can run at once, unlike `astro preview`).
 *
 * Text responses (HTML, CSS, JavaScript, JSON, SVG, XML, plain text, raw wasm) are gzipped when the
 * client accepts it, as static hosts and CDNs do, so the benchmarks measure what a real host sends.
 * Everything else goes as is — in particular Pagefind's `.pf_*` index files and `wasm.*.pagefind`,
 * which are gzipped already. `--no-compress` turns it off.
 *
 *   node scripts/serve.ts [--dir dist] [--port 4399] [--host 127.0.0.1] [--no-compress]
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
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

/** Types worth compressing; the rest (images, Pagefind's pre-gzipped index and wasm) are sent as they are. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.txt', '.xml', '.wasm', '.webmanifest', '.map']);
const MIN_COMPRESS_BYTES = 1024;

/** Does the request's Accept-Encoding allow gzip (and not with q=0)? */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : header ?? '';
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
    return q === undefined || Number(q) > 0;
  });
}

export function startStaticServer(root: string, port: number, host = '127.0.0.1', options: { compress?: boolean } = {}): Promise<Server> {
  const base = resolve(root);
  const compress = options.compress ?? true;
  // Gzipped bodies by path and mtime: a file is compressed once per change, not per request.
  const gzipped = new Map<string, { mtimeMs: number; body: Buffer }>();
  const gzipOf = (file: string, mtimeMs: number): Buffer => {
    const hit = gzipped.get(file);
    if (hit && hit.mtimeMs === mtimeMs) return hit.body;
    const body = gzipSync(readFileSync(file), { level: 6 });
    gzipped.set(file, { mtimeMs, body });
    return body;
  };
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
    const stat = statSync(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const compressible = compress && COMPRESSIBLE.has(extname(file)) && stat.size >= MIN_COMPRESS_BYTES;
    const headers: Record<string, string | number> = { 'Content-Type': type, 'Cache-Control': 'no-cache' };
    if (compressible) headers.Vary = 'Accept-Encoding';
    if (compressible && acceptsGzip(request.headers['accept-encoding'])) {
      const body = gzipOf(file, stat.mtimeMs);
      response.writeHead(status, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    response.writeHead(status, { ...headers, 'Content-Length': stat.size });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise<Server>((done) => server.listen(port, host, () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4399' },
      host: { type: 'string', default: '127.0.0.1' },
      'no-compress': { type: 'boolean', default: false },
    },
  });
  if (!existsSync(values.dir)) {
    console.error(`serve: ${values.dir} does not exist; build the site first (npm run build)`);
    process.exit(2);
  }
  await startStaticServer(values.dir, Number(values.port), values.host, { compress: !values['no-compress'] });
  console.log(`Serving ${resolve(values.dir)} at http://${values.host}:${values.port}/`);
}
