/**
 * `npm run build -- --assemble <folders…>`: joins the folders of shards 1…n of one build into
 * the site folder and indexes the joined site for search, once. The site is staged and swapped
 * in whole, under the site's lock, like a whole build: a failed assemble leaves the previous site.
 *
 * One index over the joined site (Pagefind's Node API), not one per shard merged in the browser
 * (`mergeIndex`): the browser then loads one entry file, one set of chunks and one vocabulary,
 * so the first search costs what it costs on a site built whole, and the indexer's memory is
 * the one figure that grows with the archive (measured in bench/RESULTS.md).
 */
import { resolve } from 'node:path';
import { rm } from 'node:fs/promises';
import { indexSite } from '../../../src/integrations/pagefind.ts';
import { shardSearchPages } from '../../../src/integrations/search-pages.ts';
import { commitSwaps, recoverCommits } from '../../disk/commit.ts';
import { lockFolders } from '../../disk/lock.ts';
import { assertReplaceableSite, markOwned } from '../../disk/ownership.ts';
import { makeStaging, recoverSwaps } from '../../disk/swap.ts';
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
      return { changed: false, files: 0, indexedPages: 0, indexMs: 0 };
    staging = await makeStaging(site);
    const files = await mergeShardFolders(
      folders.map((f) => resolve(f)),
      staging,
    );
    const indexStarted = performance.now();
    const pages = await shardSearchPages(folders);
    const index = await indexSite(staging, await import('pagefind'), pages);
    const indexMs = performance.now() - indexStarted;
    await markOwned(staging);
    await writeBuildStamp(staging, stamp);
    const staged = staging;
    staging = undefined;
    await commitSwaps([{ staging: staged, target: site }]);
    return { changed: true, files, indexedPages: index.pageCount, indexMs };
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true });
    await unlock();
  }
}
