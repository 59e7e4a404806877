/**
 * `npm run build [-- --source <file-or-dir>] [--frozen]`: split the sources that changed since
 * the last build, then build the site. Both outputs are built beside the folders they replace
 * (the new generated tree, then Astro and Pagefind into a staging copy of dist/) and swapped in
 * together only when everything succeeded: a bad source, an Astro error or a kill leaves the
 * previous pages and site whole. A lock per output folder keeps two builds from writing the same
 * one. Each meeting's links lockfile is then updated, or with --frozen (CI) must already match.
 *
 * An archive too large for one build is built in shards: `--shard k/n` renders shard k's pages
 * into its own folder (`--out`, default `dist-shards/<k>-of-<n>`), and `--assemble <folders…>`
 * joins the n folders into the site and indexes it for search (scripts/lib/shards/). A shard
 * whose own meetings, and what it shows of the others, did not change renders nothing.
 * `--shards n` does all of it on one machine in one command (scripts/lib/shards/local.ts),
 * starting a shard's process only when its stamp changed.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCommandLine, runCommand } from './lib/cli.ts';
import { SourceError } from './lib/errors.ts';
import { commitSwaps, recoverCommits } from './disk/commit.ts';
import { splitIsCurrent, stageSplit } from './disk/incremental-split.ts';
import { lockFolders } from './disk/lock.ts';
import { assertReplaceable, assertReplaceableSite, markOwned } from './disk/ownership.ts';
import { DEFAULT_SOURCES, generatedDir, siteDir, SPLIT_MANIFEST } from './lib/paths.ts';
import { checkSiteSettings } from './lib/site-settings.ts';
import { readTextIfExists, todayUtc, writeLockfiles } from './lib/permalinks/lock-meeting.ts';
import { findSources } from './disk/sources.ts';
import { formatSplitSummary } from './lib/summary.ts';
import { makeStaging, recoverSwaps } from './disk/swap.ts';
import {
  buildStamp,
  inputsFingerprint,
  PLANNED_STAMP,
  plannedShard,
  readBuildStamp,
  shardInputsFingerprint,
  shardPageFingerprints,
  writeBuildStamp,
} from './lib/shards/fingerprint.ts';
import { ARCHIVE_INDEX_FILE, type CrossMeetingIndex } from '../src/utils/archive-data.ts';
import { readShardManifest, writeShardManifest } from './lib/shards/manifest.ts';
import { localShardsSettings, shardSettings, type ShardSettings } from './lib/shards/options.ts';

await runCommand(async () => {
  const started = performance.now();
  const usage =
    'npm run build [-- --source <file-or-folder>] [--frozen] [--shard k/n [--out <folder>] | --shards n [--out <folder>]] | --assemble <folder>…';
  const { options, positional } = parseCommandLine(
    process.argv.slice(2),
    ['source', 'shard', 'shards', 'out'],
    { flags: ['frozen', 'assemble'], positional: Number.MAX_SAFE_INTEGER, usage },
  );
  checkSiteSettings(process.env);
  if (options.has('assemble')) {
    const other = ['source', 'shard', 'shards', 'out', 'frozen'].find((name) => options.has(name));
    if (other)
      throw new SourceError(
        'command line',
        `--assemble joins built shards and takes no --${other}`,
        `write ${usage}`,
      );
    // Loaded only to assemble: a shard build does not pay for the indexer's code.
    const { assembleSite } = await import('./lib/shards/assemble-site.ts');
    const assembled = await assembleSite(positional, siteDir());
    if (!assembled.changed)
      console.log(`Nothing changed since the last assemble: ${siteDir()}/ is up to date`);
    else
      console.log(
        `Assembled ${positional.length} shard(s) into ${siteDir()}/ (${assembled.files} files, ${assembled.indexedPages} pages indexed in ${(assembled.indexMs / 1000).toFixed(1)} s, ${assembled.reusedRuns} of ${assembled.runs} runs kept from the last assemble) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    await writeBuildStats({
      splitMs: 0,
      astroMs: performance.now() - started,
      maxRssKiB: process.resourceUsage().maxRSS,
    });
    return;
  }
  if (options.has('shards')) {
    const settings = localShardsSettings(options, positional, usage);
    const { buildShardsLocally } = await import('./lib/shards/local.ts');
    process.exitCode = await buildShardsLocally(settings);
    return;
  }
  const shard = shardSettings(options, positional, usage);
  const source = options.get('source');
  const sources = await findSources(typeof source === 'string' ? source : DEFAULT_SOURCES);
  await assertReplaceable(generatedDir(), 'READOUT_GENERATED');
  const siteName = shard?.folder ?? siteDir();
  await assertReplaceableSite(siteName);
  const generated = resolve(generatedDir());
  const site = resolve(siteName);
  const unlock = await lockFolders([generated, site]);
  const staged: string[] = [];
  try {
    await recoverInterruptedBuilds([generated, site]);
    const links = {
      mode: options.has('frozen') ? 'frozen' : 'update',
      today: todayUtc(),
      readText: readTextIfExists,
    } as const;
    // Nothing to split: the pages in place are the ones a split would stage, so whether the
    // site is up to date is read from them where they are, with nothing copied or swapped —
    // and if it is not, they are rendered where they are (the lock keeps them as they are).
    // Every shard of a `--shards n` build starts here: staging a copy of the whole split for
    // each cost 7 s a shard at 1,000 meetings, a cost that grew with the archive.
    const planned = shard ? await plannedForSplitInPlace(generated) : undefined;
    if (
      planned !== undefined ||
      (await splitIsCurrent(sources, generated, SPLIT_MANIFEST, links))
    ) {
      const inputs =
        planned ??
        (await inputsFingerprint(
          await readFile(join(generated, SPLIT_MANIFEST), 'utf8'),
          process.env,
        ));
      const check = await siteIsCurrent(site, shard, inputs, generated);
      if (check.current) {
        console.log(
          `Nothing changed since the last build: ${siteName}/ is up to date (nothing split, nothing rendered)`,
        );
        await writeBuildStats({
          splitMs: performance.now() - started,
          astroMs: 0,
          maxRssKiB: process.resourceUsage().maxRSS,
        });
        return;
      }
      const stamp = check.shard?.stamp ?? buildStamp(inputs, 'whole');
      await renderSite({
        generated,
        site,
        siteName,
        shard,
        inputs,
        stamp,
        index: check.shard,
        started,
        staged,
      });
      return;
    }
    const split = await stageSplit(sources, generated, SPLIT_MANIFEST, true, links);
    staged.push(split.staging);
    const reused =
      split.reused.length > 0 ? ` (${split.reused.length} unchanged, not split again)` : '';
    console.log(
      formatSplitSummary(split.parsed, performance.now() - started, `${generatedDir()}${reused}`),
    );
    const inputs = await inputsFingerprint(
      await readFile(resolve(split.staging, SPLIT_MANIFEST), 'utf8'),
      process.env,
    );
    // A shard is stamped with what its own pages are made of, not the whole archive: a change
    // elsewhere that none of its pages show leaves it as it is.
    const index = shard ? await computeShardStamp(split.staging, shard) : undefined;
    const stamp = index?.stamp ?? buildStamp(inputs, 'whole');
    if ((await readBuildStamp(site)) === stamp) {
      // Same inputs as the site in place: nothing to render or index. A shard still records the
      // archive it now belongs to, so that assembling accepts it beside the shards that changed.
      if (shard) await writeShardManifest(site, shard, inputs);
      staged.length = 0;
      await commitSwaps([{ staging: split.staging, target: generated, spare: true }]);
      await writeLockfiles(split.lockfiles);
      console.log(
        `Nothing changed since the last build: ${siteName}/ is up to date (nothing rendered)`,
      );
      await writeBuildStats({
        splitMs: performance.now() - started,
        astroMs: 0,
        maxRssKiB: process.resourceUsage().maxRSS,
      });
      return;
    }
    await renderSite({
      generated: split.staging,
      site,
      siteName,
      shard,
      inputs,
      stamp,
      index,
      started,
      staged,
      split: { target: generated, lockfiles: split.lockfiles },
    });
  } finally {
    await Promise.all(staged.map((dir) => rm(dir, { recursive: true, force: true })));
    await unlock();
  }
});

/**
 * The inputs of the split in place, when this shard's process was planned by `--shards n` for
 * that very split (its manifest names every source's hash): the plan found it current, so
 * reading every source again to check (a cost of every shard that grew with the archive) is
 * skipped. A source edited since the plan is split by the next build; this one builds what was
 * planned. Undefined when the process was not planned for it.
 */
async function plannedForSplitInPlace(generated: string): Promise<string | undefined> {
  if (!process.env[PLANNED_STAMP]) return undefined;
  const manifest = await readFile(join(generated, SPLIT_MANIFEST), 'utf8').catch(() => undefined);
  if (manifest === undefined) return undefined;
  const inputs = await inputsFingerprint(manifest, process.env);
  return plannedShard(inputs) ? inputs : undefined;
}

/**
 * True when the site folder was built from `inputs` (the split in place, code and settings),
 * so that building it again would render nothing. A shard whose folder records the very same
 * archive (its manifest, written with its stamp) is current without reading any meeting; one
 * recorded for another archive is current when its own pages' inputs did not change, and then
 * records the archive it now belongs to, so that assembling accepts it beside the others.
 */
async function siteIsCurrent(
  site: string,
  shard: ShardSettings | undefined,
  inputs: string,
  generated: string,
): Promise<{ current: boolean; shard?: ShardIndex }> {
  const recorded = await readBuildStamp(site);
  if (!shard) return { current: recorded === buildStamp(inputs, 'whole') };
  const manifest = await readShardManifest(site).catch(() => undefined);
  if (
    recorded !== undefined &&
    manifest?.index === shard.index &&
    manifest.count === shard.count &&
    manifest.fingerprint === inputs
  )
    return { current: true };
  const planned = plannedShard(inputs);
  const index = planned
    ? { stamp: planned.stamp, file: planned.index }
    : await computeShardStamp(generated, shard);
  if (index.stamp !== recorded) return { current: false, shard: index };
  await writeShardManifest(site, shard, inputs);
  return { current: true, shard: index };
}

/**
 * A shard's stamp and its cross-meeting index: the file the plan of `--shards n` wrote, or the
 * JSON text computed here, from every meeting's model.
 */
type ShardIndex = { stamp: string } & ({ file: string } | { text: string });

async function computeShardStamp(generated: string, shard: ShardSettings): Promise<ShardIndex> {
  const { fingerprint, index } = await shardInputsFingerprint(generated, shard, process.env);
  return { stamp: buildStamp(fingerprint, `shard ${shard.index}/${shard.count}`), text: index };
}

/**
 * Renders the site from the generated tree `generated` into a staging folder and swaps it in,
 * with the staged split (`split`, when the sources were split again) in the same commit: the
 * pages and the site they make are replaced together or not at all.
 */
async function renderSite(build: {
  generated: string;
  site: string;
  siteName: string;
  shard: ShardSettings | undefined;
  inputs: string;
  stamp: string;
  /** A shard's cross-meeting index. */
  index: ShardIndex | undefined;
  started: number;
  staged: string[];
  split?: { target: string; lockfiles: Parameters<typeof writeLockfiles>[0] };
}): Promise<void> {
  const { generated, site, shard, staged } = build;
  const astroStarted = performance.now();
  const siteStaging = await makeStaging(site);
  staged.push(siteStaging);
  if (shard) await renderShard(generated, site, shard, build.index!, siteStaging, staged);
  else await buildSite(generated, siteStaging);
  if (shard) await writeShardManifest(siteStaging, shard, build.inputs);
  await writeBuildStamp(siteStaging, build.stamp);
  await Promise.all([...(build.split ? [markOwned(generated)] : []), markOwned(siteStaging)]);
  // From here the commit's journal owns the staging folders: if a swap fails, the next build finishes it.
  staged.length = 0;
  await commitSwaps([
    ...(build.split ? [{ staging: generated, target: build.split.target, spare: true }] : []),
    { staging: siteStaging, target: site },
  ]);
  // Published links are recorded once the site that publishes them is in place.
  if (build.split) await writeLockfiles(build.split.lockfiles);
  const astroMs = performance.now() - astroStarted;
  console.log(`Built the site into ${build.siteName}/ in ${(astroMs / 1000).toFixed(1)} s`);
  await writeBuildStats({
    splitMs: astroStarted - build.started,
    astroMs,
    maxRssKiB: process.resourceUsage().maxRSS,
  });
}

/**
 * Renders shard `shard` into `staging`: whole, or when its folder `site` holds an earlier build
 * of it and only some of its meetings and people changed, just those, joined with the rest of
 * its folder (patch.ts).
 */
async function renderShard(
  generated: string,
  site: string,
  shard: ShardSettings,
  index: ShardIndex,
  staging: string,
  staged: string[],
): Promise<void> {
  const { patchShard, pagesToRender, writeShardPages } = await import('./lib/shards/patch.ts');
  const text = 'text' in index ? index.text : await readFile(index.file, 'utf8');
  const pages = await shardPageFingerprints(
    generated,
    shard,
    JSON.parse(text) as CrossMeetingIndex,
    process.env,
  );
  const keys = await pagesToRender(site, shard, pages);
  // The pages read the index from a file (ARCHIVE_INDEX_FILE): the plan's, or one written here.
  let own: string | undefined;
  let file: string;
  if ('file' in index) file = index.file;
  else {
    own = await mkdtemp(join(tmpdir(), 'readout-index-'));
    file = join(own, 'index.json');
    await writeFile(file, text);
  }
  try {
    if (keys === undefined) {
      await buildSite(generated, staging, file);
    } else {
      const rendered = await makeStaging(site);
      staged.push(rendered);
      process.env['READOUT_ONLY'] = JSON.stringify(keys);
      try {
        await buildSite(generated, rendered, file);
      } finally {
        delete process.env['READOUT_ONLY'];
      }
      await patchShard(site, rendered, staging, keys);
      console.log(
        `Shard ${shard.index}/${shard.count}: rendered again ${keys.length} of ${Object.keys(pages.pages).length} meetings and people whose pages changed, kept the others`,
      );
    }
  } finally {
    if (own !== undefined) await rm(own, { recursive: true, force: true });
  }
  await writeShardPages(staging, shard, pages);
}

/** Finishes the swap a killed build had committed to, and removes what killed builds left. */
async function recoverInterruptedBuilds(targets: string[]): Promise<void> {
  await recoverCommits(targets);
  for (const target of targets) await recoverSwaps(target);
}

/**
 * Astro and Pagefind read the staged pages and write the staged site (both read from the
 * environment); a shard's pages read its cross-meeting index from `indexFile`.
 */
async function buildSite(generated: string, outDir: string, indexFile?: string): Promise<void> {
  process.env['READOUT_GENERATED'] = generated;
  process.env['OUT_DIR'] = outDir;
  // A whole build computes its own index (utils/archive.ts): none is inherited from elsewhere.
  process.env[ARCHIVE_INDEX_FILE] = indexFile ?? '';
  await forgetContentFromElsewhere(generated);
  // Loaded only when there is something to render: a rebuild with nothing changed skips it.
  const { build } = await import('astro');
  await build({ root: process.cwd(), logLevel: 'warn' });
}

/**
 * Astro's content cache remembers the files it read by path: a build that reads the generated
 * pages in place after one that read a staged copy (or the other way round) would ask for files
 * of a folder that is gone, and fail. The cache is kept only while the folder is the same one.
 */
async function forgetContentFromElsewhere(generated: string): Promise<void> {
  const cache = resolve(process.env['READOUT_CACHE_DIR'] ?? 'node_modules/.astro');
  const record = join(cache, 'readout-content-from.txt');
  if ((await readFile(record, 'utf8').catch(() => undefined)) === generated) return;
  await rm(join(cache, 'data-store.json'), { force: true });
  await mkdir(cache, { recursive: true });
  await writeFile(record, generated);
}

/** The benchmark asks for phase timings and peak memory in a file (READOUT_STATS_FILE). */
async function writeBuildStats(stats: {
  splitMs: number;
  astroMs: number;
  maxRssKiB: number;
}): Promise<void> {
  const file = process.env['READOUT_STATS_FILE'];
  if (file) await writeFile(file, JSON.stringify(stats));
}
