/**
 * A shard rebuilt in part. A shard of 50 meetings takes about 35 s to render; when one meeting
 * is corrected, only that meeting's pages and the pages of the people it quotes show the change.
 * Each shard build records what each of its meetings' and people's pages are made of
 * (`ShardPages`, see shardPageFingerprints); the next build of the shard, when what every page
 * reads is the same, renders only the meetings and people whose inputs changed (READOUT_ONLY,
 * see src/utils/shard.ts) and takes every other file from the shard's previous folder. The
 * result is the folder a whole shard build writes (tests/site/sharded-build.test.ts compares
 * the assembled site with a whole build).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SEARCH_PAGES_FILE } from '../../../src/constants.ts';
import { siteOrigin } from '../../../src/integrations/site-origin.ts';
import { inIndexOrder, type SearchPage } from '../../../src/integrations/search-pages.ts';
import type { Shard } from '../../../src/utils/shard.ts';
import { writeFileAtomically, type ShardPages } from './fingerprint.ts';
import { PAGES_FILE } from './manifest.ts';
import { listFiles, place } from '../../disk/linked-trees.ts';
import {
  isShardFile,
  SITEMAP_CHUNK,
  SITEMAP_INDEX,
  sitemapEntries,
  writeSitemap,
} from './merge-folders.ts';

/** Past this share of a shard's meetings and people changed, the whole shard is rendered. */
const MOST = 0.5;

interface PagesRecord extends ShardPages {
  index: number;
  count: number;
}

export async function writeShardPages(
  site: string,
  shard: Shard,
  pages: ShardPages,
): Promise<void> {
  const record: PagesRecord = { index: shard.index, count: shard.count, ...pages };
  await writeFileAtomically(join(site, PAGES_FILE), JSON.stringify(record));
}

async function readShardPages(site: string, shard: Shard): Promise<ShardPages | undefined> {
  const text = await readFile(join(site, PAGES_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const record = JSON.parse(text) as Partial<PagesRecord>;
  return record.index === shard.index &&
    record.count === shard.count &&
    typeof record.shared === 'string' &&
    typeof record.pages === 'object'
    ? { shared: record.shared, pages: record.pages }
    : undefined;
}

/**
 * The meetings and people (`meeting:<slug>`, `person:<id>`) of shard `shard` to render again,
 * its folder `site` keeping the rest; undefined when the whole shard must be rendered: the
 * folder records no earlier build of this shard, what every page reads changed, or most did.
 */
export async function pagesToRender(
  site: string,
  shard: Shard,
  now: ShardPages,
): Promise<string[] | undefined> {
  const before = await readShardPages(site, shard);
  if (!before || before.shared !== now.shared) return undefined;
  const keys = new Set([...Object.keys(before.pages), ...Object.keys(now.pages)]);
  const changed = [...keys].filter((key) => before.pages[key] !== now.pages[key]).sort();
  return changed.length > MOST * Object.keys(now.pages).length ? undefined : changed;
}

/** The folder of the site (with a trailing `/`) that holds the pages of `key`, and only them. */
export function pagesFolder(key: string): string {
  const [kind, name] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  // A meeting's URL space is its slug (reserved-slugs.ts keeps site-level folders out of it);
  // a person's pages are speakers/<id>/ and speakers/<id>/<n>/ (personUrl).
  if (kind === 'meeting') return `${name}/`;
  if (kind === 'person') return `speakers/${name}/`;
  throw new Error(`not a meeting or person key: ${key}`);
}

/**
 * Writes into the empty folder `target` the shard folder `old` with the pages of `keys`
 * rendered again in `rendered` (a build of the shard that rendered only them, and the
 * site-level pages every shard renders): `rendered`'s files, and of `old` every file outside
 * the folders of `keys` that `rendered` does not have; the sitemap and the list of search pages
 * joined the same way.
 */
export async function patchShard(
  old: string,
  rendered: string,
  target: string,
  keys: readonly string[],
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  const folders = keys.map(pagesFolder);
  const inChanged = (path: string) => folders.some((folder) => path.startsWith(folder));
  const fresh = new Set(await listFiles(rendered));
  for (const file of fresh)
    if (!isShardFile(file) && !SITEMAP_CHUNK.test(file))
      await place(join(rendered, file), join(target, file));
  const oldFiles = await listFiles(old);
  for (const file of oldFiles)
    if (!isShardFile(file) && !SITEMAP_CHUNK.test(file) && file !== SITEMAP_INDEX)
      if (!fresh.has(file) && !inChanged(file)) await place(join(old, file), join(target, file));

  // Search pages: the old list but for the pages rendered again, and the new ones.
  const listed = async (dir: string) =>
    JSON.parse(
      (await readFile(join(dir, SEARCH_PAGES_FILE), 'utf8').catch(() => undefined)) ?? '[]',
    ) as SearchPage[];
  const renderedPages = await listed(rendered);
  const again = new Set(renderedPages.map((page) => page.path));
  const kept = (await listed(old)).filter((page) => !again.has(page.path) && !inChanged(page.path));
  await writeFile(
    join(target, SEARCH_PAGES_FILE),
    JSON.stringify(inIndexOrder([...kept, ...renderedPages])),
  );

  // The sitemap (written when the site has an origin): the same join, by each entry's path.
  if (!fresh.has(SITEMAP_INDEX)) return;
  const root = new URL((env['BASE_PATH'] || '/').replace(/\/?$/, '/'), siteOrigin(env)).href;
  const pathOf = (loc: string) => (loc.startsWith(root) ? loc.slice(root.length) : loc);
  const entries = new Map<string, string>();
  let shell: { head: string; tail: string } | undefined;
  for (const file of oldFiles.filter((f) => SITEMAP_CHUNK.test(f))) {
    const chunk = sitemapEntries(await readFile(join(old, file), 'utf8'));
    for (const [loc, entry] of chunk.entries) if (!inChanged(pathOf(loc))) entries.set(loc, entry);
  }
  for (const file of [...fresh].filter((f) => SITEMAP_CHUNK.test(f))) {
    const chunk = sitemapEntries(await readFile(join(rendered, file), 'utf8'));
    shell = chunk.shell;
    for (const [loc, entry] of chunk.entries) entries.set(loc, entry);
  }
  if (shell)
    await writeSitemap(
      target,
      shell,
      entries,
      await readFile(join(rendered, SITEMAP_INDEX), 'utf8'),
    );
}
