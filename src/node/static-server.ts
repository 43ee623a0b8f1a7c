/**
 * Serves a built site the way a static host does, for the end-to-end tests and the benchmarks
 * (several can run at once, unlike `astro preview`): files by sirv, `/path` redirected to `/path/`,
 * anything missing answered with `404.html` and status 404, and text gzipped by `compression` when
 * the client accepts it, as hosts and CDNs do, so that benchmarks measure what a real host sends.
 * Pagefind's index files are gzipped already and go as they are (their types are not compressible).
 * With a `base` (`/errors/`) the site is served under that path, as a host serving it from a
 * sub-folder does; everything outside it is a 404. The site's `_headers` file (written by the build:
 * its Content-Security-Policy and other headers) is applied to every response and, as hosts that
 * read it do, never served itself; nor is `_redirects`.
 */
import compression from 'compression';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import sirv from 'sirv';
import { normalizeBase } from '../lib/routing/base.ts';
import { headersFor, parseHeadersFile, type HeaderRule } from '../lib/security/headers.ts';
import { HEADERS_FILE } from './security/site-headers.ts';

export interface StaticServerOptions {
  /** Gzip text responses when the client accepts it (default true). */
  compress?: boolean;
  /** The path the site is served under (default `/`). */
  base?: string;
}

/** `.pf_meta`, `.pf_index`, `.pf_fragment`, `.pf_filter` and `wasm.<lang>.pagefind`. */
const PAGEFIND_DATA = /\.(?:pf_[a-z]+|pagefind)$/;

/** Files hosts read as configuration and never serve: the headers, the redirects. */
const HOST_FILES = new Set([`/${HEADERS_FILE}`, '/_redirects']);

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
  const prefix = normalizeBase(options.base ?? '/');
  // Read on each request, like the files: benchmarks rebuild sites under a running server.
  const headerRules = (): HeaderRule[] => {
    const file = join(base, HEADERS_FILE);
    return existsSync(file) ? parseHeadersFile(readFileSync(file, 'utf8')) : [];
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const inside = url.pathname.startsWith(prefix);
    // The path below the base (`/errors/grpc/x/` → `/grpc/x/`), which `_headers` rules and files use.
    const sitePath = inside ? url.pathname.slice(prefix.length - 1) : url.pathname;
    for (const [name, value] of headersFor(sitePath, headerRules())) response.setHeader(name, value);
    if (`${url.pathname}/` === prefix) {
      response.writeHead(301, { Location: `${prefix}${url.search}` }).end();
      return;
    }
    if (!inside || HOST_FILES.has(sitePath)) return void notFound(request, response);
    const folder = join(base, safeDecode(sitePath));
    if (!sitePath.endsWith('/') && folder.startsWith(base) && existsSync(folder) && statSync(folder).isDirectory()) {
      response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    // sirv resolves paths from the site folder: it is given the path below the base.
    request.url = `${sitePath}${url.search}`;
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
