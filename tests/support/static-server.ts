/**
 * A static file server for the built site, under a base path, for the search benchmark and the
 * browser tests. It gzips text the way any static host does, unless told not to, so transfer
 * sizes are those a reader would see.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

/** Content types of the files a built site holds. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** Types worth compressing; Pagefind's index files are compressed already. */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml)|image\/svg)/;

/** Options of `serveStatic`. */
export interface StaticServerOptions {
  /** Folder of the built site. */
  root: string;
  /** URL path the site is served under, with slashes at both ends. Default `/`. */
  base?: string;
  /** Gzip text responses when the client accepts it. Default true. */
  gzip?: boolean;
}

/** A running server: its origin plus base, and how to stop it. */
export interface StaticServer {
  /** `http://127.0.0.1:<port><base>` */
  url: string;
  close(): Promise<void>;
}

/** Maps a request path to a file under `root`, or undefined when it is outside the base. */
function resolveFile(root: string, base: string, pathname: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const relative = normalize(decodeURIComponent(pathname.slice(base.length)));
  if (relative.startsWith('..')) return undefined;
  return join(
    root,
    relative.endsWith('/') || relative === '.' ? join(relative, 'index.html') : relative,
  );
}

/** Starts serving `root` on a free port of 127.0.0.1. */
export async function serveStatic({
  root,
  base = '/',
  gzip = true,
}: StaticServerOptions): Promise<StaticServer> {
  const server: Server = createServer((request, response) => void respond(request, response));
  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    let file = resolveFile(root, base, pathname);
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (info?.isDirectory()) {
      response.writeHead(301, { location: `${pathname}/` }).end();
      return;
    }
    if (!file || !info) {
      file = join(root, '404.html');
      response.statusCode = 404;
      if (!(await stat(file).catch(() => undefined))) return void response.end('Not found');
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    response.setHeader('content-type', type);
    const compress =
      gzip &&
      COMPRESSIBLE.test(type) &&
      /\bgzip\b/.test(String(request.headers['accept-encoding']));
    if (compress) response.setHeader('content-encoding', 'gzip');
    const stream = createReadStream(file);
    (compress ? stream.pipe(createGzip()) : stream).pipe(response);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}
