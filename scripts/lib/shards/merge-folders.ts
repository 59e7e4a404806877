/**
 * Joins shard folders into one site folder. Each page belongs to exactly one shard; the
 * site-level files every shard renders alike (front door, search page, scripts) must be byte
 * for byte the same in every shard, or the shards were not built alike and joining them would
 * publish a site that matches none of them. Sitemaps list each shard's own pages: they are
 * merged, sorted as the sitemap integration sorts them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SEARCH_PAGES_FILE } from '../../../src/constants.ts';
import { SourceError } from '../errors.ts';
import { keepCurrentFiles, listFiles, place } from '../../disk/linked-trees.ts';
import { OWNER_MARKER } from '../../disk/ownership.ts';
import { BUILD_STAMP } from './fingerprint.ts';
import { PAGES_FILE, SHARD_MANIFEST } from './manifest.ts';

/** Files of a shard folder that describe the shard, not the site. */
const NOT_SITE = new Set([
  SHARD_MANIFEST,
  OWNER_MARKER,
  BUILD_STAMP,
  SEARCH_PAGES_FILE,
  PAGES_FILE,
]);
/** What a build killed while rewriting a shard's stamp or manifest in place left (see writeFileAtomically). */
const INTERRUPTED_WRITE = /^\.readout-[a-z]+\.json\.\d+\.tmp$/;
export const SITEMAP_CHUNK = /^sitemap-\d+\.xml$/;
export const SITEMAP_INDEX = 'sitemap-index.xml';

/** True for a file of a shard folder that describes the shard and is no part of the site. */
export function isShardFile(file: string): boolean {
  return NOT_SITE.has(file) || INTERRUPTED_WRITE.test(file);
}

/** A sitemap chunk's entries by their URL, and the text around them. */
export function sitemapEntries(xml: string): {
  shell: { head: string; tail: string };
  entries: Map<string, string>;
} {
  const entries = new Map<string, string>();
  for (const entry of xml.match(/<url>[\s\S]*?<\/url>/g) ?? [])
    entries.set(/<loc>([^<]*)<\/loc>/.exec(entry)?.[1] ?? entry, entry);
  return { shell: sitemapParts(xml), entries };
}

/**
 * Makes `target` hold the union of `folders`: every file hard-linked from the shard folder that
 * owns it, and the merged sitemaps. `target` may be empty, or hold an earlier union (the site's
 * spare, see assemble-site.ts): then only what differs is touched. A file already linked to the
 * very file it must be is kept, every other file is removed (never written through: its inode
 * is a shard folder's), and only the missing files are placed. Creating a site's tens of
 * thousands of folders anew was most of an assemble with one meeting changed. Returns how many
 * files the site holds.
 */
export async function mergeShardFolders(
  folders: readonly string[],
  target: string,
): Promise<number> {
  const owner = new Map<string, string>();
  const sitemapUrls = new Map<string, string>();
  let sitemapShell: { head: string; tail: string } | undefined;
  let sitemapIndex: string | undefined;
  for (const folder of folders) {
    for (const file of await listFiles(folder)) {
      if (isShardFile(file)) continue;
      const from = join(folder, file);
      if (SITEMAP_CHUNK.test(file)) {
        const { shell, entries } = sitemapEntries(await readFile(from, 'utf8'));
        sitemapShell ??= shell;
        for (const [loc, entry] of entries) sitemapUrls.set(loc, entry);
        continue;
      }
      if (file === SITEMAP_INDEX) {
        sitemapIndex ??= await readFile(from, 'utf8');
        continue;
      }
      const earlier = owner.get(file);
      if (earlier) {
        const [a, b] = await Promise.all([readFile(join(earlier, file)), readFile(from)]);
        if (!a.equals(b))
          throw new SourceError(
            join(folder, file),
            `differs from the same file in ${earlier}`,
            'build every shard from the same commit, sources and settings, then assemble again',
          );
        continue;
      }
      owner.set(file, folder);
    }
  }
  const present = await keepCurrentFiles(target, owner);
  for (const [file, folder] of owner)
    if (!present.has(file)) await place(join(folder, file), join(target, file));
  if (sitemapShell && sitemapIndex)
    await writeSitemap(target, sitemapShell, sitemapUrls, sitemapIndex);
  return owner.size;
}

function sitemapParts(xml: string): { head: string; tail: string } {
  const start = xml.indexOf('<url>');
  const end = xml.lastIndexOf('</url>');
  if (start < 0) return { head: xml.replace(/<\/urlset>\s*$/, ''), tail: '</urlset>' };
  return { head: xml.slice(0, start), tail: xml.slice(end + '</url>'.length) };
}

/** The sitemap integration's chunk size: its default, which Readout does not change. */
const URLS_PER_CHUNK = 45000;

export async function writeSitemap(
  target: string,
  shell: { head: string; tail: string },
  urls: Map<string, string>,
  index: string,
): Promise<void> {
  const sorted = [...urls.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const chunks = Math.max(1, Math.ceil(sorted.length / URLS_PER_CHUNK));
  for (let i = 0; i < chunks; i++) {
    const entries = sorted
      .slice(i * URLS_PER_CHUNK, (i + 1) * URLS_PER_CHUNK)
      .map((loc) => urls.get(loc)!);
    await writeFile(
      join(target, `sitemap-${i}.xml`),
      `${shell.head}${entries.join('')}${shell.tail}`,
    );
  }
  // The index names sitemap-0.xml (one chunk per shard is the same single chunk): list every chunk.
  const entry = /<sitemap>[\s\S]*?<\/sitemap>/.exec(index)?.[0];
  if (!entry) {
    await writeFile(join(target, SITEMAP_INDEX), index);
    return;
  }
  const entries = Array.from({ length: chunks }, (_, i) =>
    entry.replace(/sitemap-\d+\.xml/, `sitemap-${i}.xml`),
  );
  await writeFile(
    join(target, SITEMAP_INDEX),
    index.replace(/(?:<sitemap>[\s\S]*?<\/sitemap>)+/, entries.join('')),
  );
}
