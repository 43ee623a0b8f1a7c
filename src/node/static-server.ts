/**
 * Serves a built site the way a static host does, for the end-to-end tests and the benchmarks
 * (several can run at once, unlike `astro preview`): files by sirv, `/path` redirected to `/path/`,
 * anything missing answered with `404.html` and status 404, and text gzipped by `compression` when
 * the client accepts it, as hosts and CDNs do, so that benchmarks measure what a real host sends.
 * Pagefind's index files are gzipped already and go as they are (their types are not compressible).
 */
import compression from 'compression';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import sirv from 'sirv';

export interface StaticServerOptions {
  /** Gzip text responses when the client accepts it (default true). */
  compress?: boolean;
}

/** `.pf_meta`, `.pf_index`, `.pf_fragment`, `.pf_filter` and `wasm.<lang>.pagefind`. */
const PAGEFIND_DATA = /\.(?:pf_[a-z]+|pagefind)$/;

type Handler = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

export function startStaticServer(root: string, port: number, host = '127.0.0.1', options: StaticServerOptions = {}): Promise<Server> {
  const base = resolve(root);
  const notFound = (_request: IncomingMessage, response: ServerResponse) => {
    const page = join(base, '404.html');
    response.statusCode = 404;
    if (!existsSync(page)) return void response.end('Not found');
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.end(readFileSync(page));
  };
  // `dev` re-reads the folder on every request: benchmarks rebuild sites under a running server.
  const files: Handler = sirv(base, {
    dev: true,
    etag: true,
    onNoMatch: notFound,
    // Pagefind's index files have no registered type: they go as bytes, as hosts send them.
    setHeaders: (response, pathname) => {
      if (PAGEFIND_DATA.test(pathname)) response.setHeader('Content-Type', 'application/octet-stream');
    },
  });
  const gzip: Handler = options.compress === false ? (_request, _response, next) => next() : (compression() as unknown as Handler);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const folder = join(base, safeDecode(url.pathname));
    if (!url.pathname.endsWith('/') && folder.startsWith(base) && existsSync(folder) && statSync(folder).isDirectory()) {
      response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    gzip(request, response, () => files(request, response, () => notFound(request, response)));
  });
  return new Promise<Server>((done) => server.listen(port, host, () => done(server)));
}

function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}
