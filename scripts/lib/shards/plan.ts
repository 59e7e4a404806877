/**
 * The first step of `npm run build -- --shards n` (local.ts): split what changed and find which
 * shards have something new to render. It runs in a process of its own (plan-process.ts), so
 * that what splitting and reading the archive leave in memory is not held while shards render.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { commitSwaps, recoverCommits } from '../../disk/commit.ts';
import { splitIsCurrent, stageSplit } from '../../disk/incremental-split.ts';
import { lockFolders } from '../../disk/lock.ts';
import { assertReplaceable, markOwned } from '../../disk/ownership.ts';
import { findSources } from '../../disk/sources.ts';
import { recoverSwaps } from '../../disk/swap.ts';
import { generatedDir, SPLIT_MANIFEST } from '../paths.ts';
import { readTextIfExists, todayUtc, writeLockfiles } from '../permalinks/lock-meeting.ts';
import { formatSplitSummary } from '../summary.ts';
import {
  buildStamp,
  inputsFingerprint,
  readBuildStamp,
  shardInputsFingerprints,
  type PlannedShard,
} from './fingerprint.ts';
import { readShardManifest } from './manifest.ts';

/** What `--shards n` was given. */
export interface LocalShardsOptions {
  count: number;
  /** The folder the shard folders go in (`<parent>/k-of-n`). */
  parent: string;
  /** `--source`, passed on to every shard. */
  source: string;
  frozen: boolean;
}

/** The folders of shards 1…n. */
export function localShardFolders(options: LocalShardsOptions): string[] {
  return Array.from({ length: options.count }, (_, i) =>
    join(options.parent, `${i + 1}-of-${options.count}`),
  );
}

/**
 * What the plan found: the archive's inputs, and per shard the stamp it must hold and the file
 * holding its cross-meeting index (if computed).
 */
export interface ShardsPlan {
  inputs: string;
  /** Null for a shard whose folder was built from these very inputs. */
  shards: (PlannedShard | null)[];
}

/**
 * Splits what changed (in place, old or new, as a shard build would) and, holding the generated
 * folder's lock, computes the archive's inputs and, for each shard whose folder was not built
 * from these very inputs, its stamp and its cross-meeting index, written into `indexDir` (null
 * for the others, which are current as they are). The archive is read once for all the shards:
 * a shard handed its index reads no other meeting.
 */
export async function planShards(
  options: LocalShardsOptions,
  indexDir: string,
): Promise<ShardsPlan>;
/**
 * With `onlyIfCurrent`, the plan of an archive with nothing to split or render, found without
 * reading any meeting; undefined when there is more to do.
 */
export async function planShards(
  options: LocalShardsOptions,
  indexDir: undefined,
  onlyIfCurrent: true,
): Promise<ShardsPlan | undefined>;
export async function planShards(
  options: LocalShardsOptions,
  indexDir: string | undefined,
  onlyIfCurrent = false,
): Promise<ShardsPlan | undefined> {
  const started = performance.now();
  const folders = localShardFolders(options);
  const sources = await findSources(options.source);
  await assertReplaceable(generatedDir(), 'READOUT_GENERATED');
  const generated = resolve(generatedDir());
  const unlock = await lockFolders([generated]);
  try {
    await recoverCommits([generated]);
    await recoverSwaps(generated);
    const links = {
      mode: options.frozen ? 'frozen' : 'update',
      today: todayUtc(),
      readText: readTextIfExists,
    } as const;
    if (!(await splitIsCurrent(sources, generated, SPLIT_MANIFEST, links))) {
      if (onlyIfCurrent) return undefined;
      const split = await stageSplit(sources, generated, SPLIT_MANIFEST, true, links);
      await markOwned(split.staging);
      await commitSwaps([{ staging: split.staging, target: generated, spare: true }]);
      await writeLockfiles(split.lockfiles);
      const reused =
        split.reused.length > 0 ? ` (${split.reused.length} unchanged, not split again)` : '';
      console.log(
        formatSplitSummary(split.parsed, performance.now() - started, `${generatedDir()}${reused}`),
      );
    }
    const inputs = await inputsFingerprint(
      await readFile(join(generated, SPLIT_MANIFEST), 'utf8'),
      process.env,
    );
    const shards = folders.map((_, i) => ({ index: i + 1, count: options.count }));
    const stale: typeof shards = [];
    for (const [i, shard] of shards.entries())
      if (!(await builtFrom(folders[i]!, shard, inputs))) stale.push(shard);
    if (stale.length === 0) return { inputs, shards: shards.map(() => null) };
    if (onlyIfCurrent || indexDir === undefined) return undefined;
    const files = stale.map((shard) =>
      join(indexDir, `index-${shard.index}-of-${shard.count}.json`),
    );
    const fds = files.map((file) => openSync(file, 'w'));
    let fingerprints: string[];
    try {
      fingerprints = await shardInputsFingerprints(generated, stale, process.env, '.', (i, text) =>
        writeSync(fds[i]!, text),
      );
    } finally {
      for (const fd of fds) closeSync(fd);
    }
    const planned = new Map(
      stale.map((shard, i) => [
        shard.index,
        {
          stamp: buildStamp(fingerprints[i]!, `shard ${shard.index}/${shard.count}`),
          index: files[i]!,
        },
      ]),
    );
    return { inputs, shards: shards.map((shard) => planned.get(shard.index) ?? null) };
  } finally {
    await unlock();
  }
}

/**
 * True when the shard folder records that it was built (or found current) for these very
 * inputs: its manifest and its stamp are written together, so its stamp is current too.
 */
export async function builtFrom(
  folder: string,
  shard: { index: number; count: number },
  inputs: string,
): Promise<boolean> {
  const manifest = await readShardManifest(folder).catch(() => undefined);
  return (
    manifest?.index === shard.index &&
    manifest.count === shard.count &&
    manifest.fingerprint === inputs &&
    (await readBuildStamp(folder)) !== undefined
  );
}
