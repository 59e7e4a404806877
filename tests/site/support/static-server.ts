/** A tiny static file server for built sites, mounted under a base path like a real host would. */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** A running server: its root URL (with the base path) and how to stop it. */
export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** The file a URL path maps to: `dir/` serves `dir/index.html`; nothing outside `root`. */
async function resolveFile(root: string, path: string): Promise<string | undefined> {
  const candidate = normalize(join(root, decodeURIComponent(path)));
  if (!candidate.startsWith(root)) return undefined;
  const info = await stat(candidate).catch(() => undefined);
  if (info?.isFile()) return candidate;
  if (info?.isDirectory() && path.endsWith('/')) return (await stat(join(candidate, 'index.html')).catch(() => undefined))?.isFile() ? join(candidate, 'index.html') : undefined;
  return undefined;
}

/** Serves `root` under `base` (e.g. `/idm/`) on 127.0.0.1 at a free port; misses get 404.html with status 404. */
export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = path.startsWith(base) ? await resolveFile(root, `/${path.slice(base.length)}`) : undefined;
    const status = file ? 200 : 404;
    const body = await readFile(file ?? join(root, '404.html')).catch(() => Buffer.from('Not found'));
    response.writeHead(status, { 'Content-Type': TYPES[extname(file ?? '.html')] ?? 'application/octet-stream' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
