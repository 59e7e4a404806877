/**
 * `npm run build -- --shards n [--out <folder>]`: the sharded build of an archive on one machine,
 * in one command. The sources are split once, and every shard's stamp is computed in one pass
 * over the archive (fingerprint.ts), so a shard with nothing new to show costs no process at
 * all; each shard that changed is built by the very command a CI matrix job runs
 * (`--shard k/n --out <folder>/k-of-n`, its own process, so its memory is its own), one after
 * another (Astro keeps state in the project folder that two builds at once would share), and
 * `--assemble` then joins the n folders into the site, in its own process too.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commitSwaps, recoverCommits } from '../../disk/commit.ts';
import { splitIsCurrent, stageSplit } from '../../disk/incremental-split.ts';
import { lockFolders } from '../../disk/lock.ts';
import { assertReplaceable, assertReplaceableSite, markOwned } from '../../disk/ownership.ts';
import { findSources } from '../../disk/sources.ts';
import { recoverSwaps } from '../../disk/swap.ts';
import { generatedDir, siteDir, SPLIT_MANIFEST } from '../paths.ts';
import { readTextIfExists, todayUtc, writeLockfiles } from '../permalinks/lock-meeting.ts';
import { formatSplitSummary } from '../summary.ts';
import {
  buildStamp,
  inputsFingerprint,
  readBuildStamp,
  shardInputsFingerprints,
} from './fingerprint.ts';
import { readShardManifest, writeShardManifest } from './manifest.ts';

const BUILD_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '../../build.ts');

/** What `--shards n` was given. */
export interface LocalShardsOptions {
  count: number;
  /** The folder the shard folders go in (`<parent>/k-of-n`). */
  parent: string;
  /** `--source`, passed on to every shard. */
  source: string;
  frozen: boolean;
}

/** The folder of shard k of n. */
export function localShardFolder(parent: string, index: number, count: number): string {
  return join(parent, `${index}-of-${count}`);
}

/**
 * Builds shards 1…n that changed, then assembles. Resolves with the exit code: a shard or the
 * assemble that fails has printed its own one-line error, and nothing after it runs.
 */
export async function buildShardsLocally(options: LocalShardsOptions): Promise<number> {
  const started = performance.now();
  const { count, parent } = options;
  const folders = Array.from({ length: count }, (_, i) => localShardFolder(parent, i + 1, count));
  for (const folder of folders) await assertReplaceableSite(folder);
  const stamps = await splitAndStamp(options, folders, started);
  const forward = [...(options.frozen ? ['--frozen'] : []), '--source', options.source];
  let rendered = 0;
  for (const [i, folder] of folders.entries()) {
    const shard = { index: i + 1, count };
    if (await recordIfCurrent(folder, shard, stamps.shards[i], stamps.inputs)) {
      console.log(
        `Shard ${shard.index}/${count}: nothing changed since the last build: ${folder}/ is up to date (nothing rendered)`,
      );
      continue;
    }
    const code = await runBuild(
      ['--shard', `${shard.index}/${count}`, '--out', folder, ...forward],
      shardCacheDir(shard.index, count),
    );
    if (code !== 0) return code;
    rendered++;
  }
  const site = siteDir();
  // What `--assemble` would find (assemble-site.ts): the site in place joined these very shards.
  if (
    rendered === 0 &&
    (await readBuildStamp(resolve(site))) ===
      buildStamp(stamps.inputs, `assembled from ${count} shards`)
  ) {
    console.log(`Nothing changed since the last assemble: ${site}/ is up to date`);
    return 0;
  }
  return runBuild(['--assemble', ...folders]);
}

/**
 * Splits what changed (in place, old or new, as a shard build would) and, holding the generated
 * folder's lock, computes the archive's inputs and the stamps of the shards whose folder was not
 * built from these very inputs (undefined for the others, which are current as they are).
 */
async function splitAndStamp(
  options: LocalShardsOptions,
  folders: readonly string[],
  started: number,
): Promise<{ inputs: string; shards: (string | undefined)[] }> {
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
      const split = await stageSplit(sources, generated, SPLIT_MANIFEST, true, links);
      await markOwned(split.staging);
      await commitSwaps([{ staging: split.staging, target: generated }]);
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
    const fingerprints = await shardInputsFingerprints(generated, stale, process.env);
    const stamps = new Map(
      stale.map((shard, i) => [
        shard.index,
        buildStamp(fingerprints[i]!, `shard ${shard.index}/${shard.count}`),
      ]),
    );
    return { inputs, shards: shards.map((shard) => stamps.get(shard.index)) };
  } finally {
    await unlock();
  }
}

/**
 * True when the shard folder records that it was built (or found current) for these very
 * inputs: its manifest and its stamp are written together, so its stamp is current too.
 */
async function builtFrom(
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

/**
 * True when shard `shard`'s folder is current: built from `inputs`, or holding the build
 * `stamp` names (it then records the archive it now belongs to, as a shard build with nothing
 * to render does). Checked again under the folder's lock.
 */
async function recordIfCurrent(
  folder: string,
  shard: { index: number; count: number },
  stamp: string | undefined,
  inputs: string,
): Promise<boolean> {
  const site = resolve(folder);
  const unlock = await lockFolders([site]);
  try {
    await recoverCommits([site]);
    await recoverSwaps(site);
    if (await builtFrom(site, shard, inputs)) return true;
    if (stamp === undefined || (await readBuildStamp(site)) !== stamp) return false;
    await writeShardManifest(site, shard, inputs);
    return true;
  } finally {
    await unlock();
  }
}

/** Each shard keeps its own Astro data store (as `--shard` does), under READOUT_CACHE_DIR if set. */
function shardCacheDir(index: number, count: number): string | undefined {
  const base = process.env['READOUT_CACHE_DIR'];
  return base === undefined ? undefined : join(base, `shard-${index}-of-${count}`);
}

/** Runs the build command with `args` in a process of its own; resolves with its exit code. */
function runBuild(args: string[], cacheDir?: string): Promise<number> {
  const env = { ...process.env };
  if (cacheDir === undefined) delete env['READOUT_CACHE_DIR'];
  else env['READOUT_CACHE_DIR'] = cacheDir;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BUILD_SCRIPT, ...args], { env, stdio: 'inherit' });
    child.on('error', fail);
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}
