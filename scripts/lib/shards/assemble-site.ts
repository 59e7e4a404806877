/**
 * `npm run build -- --assemble <folders…>`: joins the folders of shards 1…n of one build into
 * the site folder and indexes the joined site for search, once. The site is staged and swapped
 * in whole, under the site's lock, like a whole build: a failed assemble leaves the previous site.
 *
 * One index over the joined site, not one per shard merged in the browser (`mergeIndex`): the
 * browser then loads one entry file, one set of chunks and one vocabulary, so the first search
 * costs what it costs on a site built whole (bench/search-index.md). Each shard's pages are
 * indexed by Pagefind's Node API in runs of their own, kept in the build cache, and the runs
 * joined into that one index (pagefind-merge.ts): assembling again after one meeting changed
 * re-indexes only the shards whose stamp changed, not the archive.
 */
import { createHash, randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { rm } from 'node:fs/promises';
import { indexSite } from '../../../src/integrations/pagefind.ts';
import { shardSearchPages } from '../../../src/integrations/search-pages.ts';
import { commitSwaps, recoverCommits } from '../../disk/commit.ts';
import { lockFolders } from '../../disk/lock.ts';
import { assertReplaceableSite, markOwned } from '../../disk/ownership.ts';
import { makeStaging, recoverSwaps, takeSpare } from '../../disk/swap.ts';
import { buildStamp, readBuildStamp, writeBuildStamp } from './fingerprint.ts';
import { checkShardSet, readShardManifest } from './manifest.ts';
import { mergeShardFolders } from './merge-folders.ts';

/** What assembling did, for the build log and the benchmark. */
export interface AssembleSummary {
  /** False when the site in place was assembled from the same inputs: nothing was done. */
  changed: boolean;
  files: number;
  indexedPages: number;
  indexMs: number;
  /** Runs the pages were indexed in, and how many of them were kept from the last assemble. */
  runs: number;
  reusedRuns: number;
}

/**
 * Where the search index's runs are kept between assembles of the site `site` (absolute): one
 * folder per site, under the site's lock while it is assembled, in the build cache.
 */
export function searchCacheDir(site: string): string {
  const base = resolve(process.env['READOUT_CACHE_DIR'] ?? 'node_modules/.astro');
  return join(base, 'readout-search', createHash('sha256').update(site).digest('hex').slice(0, 16));
}

export async function assembleSite(
  folders: readonly string[],
  siteName: string,
): Promise<AssembleSummary> {
  const manifests = await Promise.all(folders.map(readShardManifest));
  checkShardSet(folders, manifests);
  await assertReplaceableSite(siteName);
  const site = resolve(siteName);
  const unlock = await lockFolders([site]);
  let staging: string | undefined;
  try {
    await recoverCommits([site]);
    await recoverSwaps(site);
    const stamp = buildStamp(
      manifests[0]!.fingerprint,
      `assembled from ${manifests.length} shards`,
    );
    if ((await readBuildStamp(site)) === stamp)
      return { changed: false, files: 0, indexedPages: 0, indexMs: 0, runs: 0, reusedRuns: 0 };
    // The site this one replaced last time, brought up to date, or an empty folder.
    staging = (await takeSpare(site)) ?? (await makeStaging(site));
    const files = await mergeShardFolders(
      folders.map((f) => resolve(f)),
      staging,
    );
    const indexStarted = performance.now();
    const shards = await shardSearchPages(folders);
    const index = await indexSite(
      staging,
      await import('pagefind'),
      shards && {
        groups: {
          cacheDir: searchCacheDir(site),
          // A shard folder's pages are what its stamp says it was built from: the same stamp
          // and page list, the same pages.
          groups: await Promise.all(
            shards.map(async ({ folder, list, pages }) => ({
              key: `${(await readBuildStamp(folder)) ?? randomUUID()}\0${list}`,
              pages,
            })),
          ),
        },
      },
    );
    const indexMs = performance.now() - indexStarted;
    await markOwned(staging);
    await writeBuildStamp(staging, stamp);
    const staged = staging;
    staging = undefined;
    await commitSwaps([{ staging: staged, target: site, spare: true }]);
    return {
      changed: true,
      files,
      indexedPages: index.pageCount,
      indexMs,
      runs: index.runs,
      reusedRuns: index.reusedRuns,
    };
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true });
    await unlock();
  }
}
