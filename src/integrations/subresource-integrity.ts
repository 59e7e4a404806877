/**
 * Adds Subresource Integrity hashes to the built pages' own scripts and stylesheets, so a copy
 * served from a CDN or mirror cannot run altered code. Runs after Astro has written the pages.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** `<script src>` and `<link href>` of stylesheets and module preloads, without an integrity yet. */
const SUBRESOURCE = /<(script|link)\b([^>]*?)\s(src|href)="([^"]+)"([^>]*)>/g;

/** The sha384 integrity value of a file's bytes. */
export function integrityOf(bytes: Uint8Array): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/**
 * Returns the page with an `integrity` on every same-site script and stylesheet; `readAsset`
 * gets the site-relative path (base path included) and returns the file or undefined.
 */
export async function addIntegrity(
  html: string,
  readAsset: (path: string) => Promise<Uint8Array | undefined>,
): Promise<string> {
  const hashes = new Map<string, string | undefined>();
  for (const [tag, , , , url = ''] of html.matchAll(SUBRESOURCE)) {
    if (!tag.includes('integrity=') && url.startsWith('/') && !url.startsWith('//'))
      hashes.set(url, undefined);
  }
  for (const url of hashes.keys()) {
    const bytes = await readAsset(url);
    hashes.set(url, bytes && integrityOf(bytes));
  }
  return html.replace(
    SUBRESOURCE,
    (tag, name: string, before: string, attr: string, url: string, after: string) => {
      const hash = hashes.get(url);
      const isSubresource = name === 'script' || /rel="(?:stylesheet|modulepreload)"/.test(tag);
      return hash && isSubresource && !tag.includes('integrity=')
        ? `<${name}${before} ${attr}="${url}" integrity="${hash}"${after}>`
        : tag;
    },
  );
}

/** Every `.html` file under a folder. */
async function findHtmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The Astro integration: hashes subresources of every built page. */
export default function subresourceIntegrity(): AstroIntegration {
  let base = '/';
  return {
    name: 'readout:subresource-integrity',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:build:done': async ({ dir }) => {
        const outDir = fileURLToPath(dir);
        const readAsset = (url: string) =>
          url.startsWith(base)
            ? readFile(join(outDir, url.slice(base.length))).catch(() => undefined)
            : Promise.resolve(undefined);
        for (const file of await findHtmlFiles(outDir)) {
          const html = await readFile(file, 'utf8');
          const hashed = await addIntegrity(html, readAsset);
          if (hashed !== html) await writeFile(file, hashed);
        }
      },
    },
  };
}
