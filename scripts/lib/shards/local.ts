/**
 * `npm run build -- --shards n [--out <folder>]`: the sharded build of an archive on one machine,
 * in one command. A first process splits the sources once and computes every shard's stamp in one
 * pass over the archive (plan.ts), so a shard with nothing new to show costs no process at all;
 * each shard that changed is built by the very command a CI matrix job runs
 * (`--shard k/n --out <folder>/k-of-n`, its own process, so its memory is its own), one after
 * another (Astro keeps state in the project folder that two builds at once would share), and
 * `--assemble` then joins the n folders into the site, in its own process too.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recoverCommits } from '../../disk/commit.ts';
import { lockFolders } from '../../disk/lock.ts';
import { assertReplaceableSite } from '../../disk/ownership.ts';
import { recoverSwaps } from '../../disk/swap.ts';
import { siteDir } from '../paths.ts';
import { buildStamp, PLANNED_STAMP, readBuildStamp } from './fingerprint.ts';
import { writeShardManifest } from './manifest.ts';
import {
  builtFrom,
  localShardFolders,
  planShards,
  type LocalShardsOptions,
  type ShardsPlan,
} from './plan.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const BUILD_SCRIPT = join(HERE, '../../build.ts');
const PLAN_SCRIPT = join(HERE, 'plan-process.ts');

/**
 * Builds shards 1…n that changed, then assembles. Resolves with the exit code: a shard or the
 * assemble that fails has printed its own one-line error, and nothing after it runs.
 */
export async function buildShardsLocally(options: LocalShardsOptions): Promise<number> {
  const folders = localShardFolders(options);
  for (const folder of folders) await assertReplaceableSite(folder);
  // The plan leaves each shard's cross-meeting index here, for the shard's process to read.
  const planDir = await mkdtemp(join(tmpdir(), 'readout-shards-plan-'));
  try {
    return await buildShards(options, folders, planDir);
  } finally {
    await rm(planDir, { recursive: true, force: true });
  }
}

/** Plans, then builds the shards that changed one after another, then assembles. */
async function buildShards(
  options: LocalShardsOptions,
  folders: string[],
  planDir: string,
): Promise<number> {
  const { count } = options;
  // Nothing to split or render is found cheaply here; anything more is planned in a process
  // of its own.
  const stamps = (await planShards(options, undefined, true)) ?? (await runPlan(options, planDir));
  if (typeof stamps === 'number') return stamps;
  const forward = [...(options.frozen ? ['--frozen'] : []), '--source', options.source];
  let rendered = 0;
  for (const [i, folder] of folders.entries()) {
    const shard = { index: i + 1, count };
    const planned = stamps.shards[i];
    if (await recordIfCurrent(folder, shard, planned?.stamp, stamps.inputs)) {
      console.log(
        `Shard ${shard.index}/${count}: nothing changed since the last build: ${folder}/ is up to date (nothing rendered)`,
      );
      continue;
    }
    const code = await runBuild(
      ['--shard', `${shard.index}/${count}`, '--out', folder, ...forward],
      shardCacheDir(shard.index, count),
      // What the plan computed, for these inputs: the shard need not read the archive again.
      planned ? { [PLANNED_STAMP]: JSON.stringify({ inputs: stamps.inputs, ...planned }) } : {},
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
  // The assemble keeps the search index's runs in the same cache (searchCacheDir).
  return runBuild(['--assemble', ...folders], process.env['READOUT_CACHE_DIR']);
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

/**
 * Runs the plan in a process of its own, which writes into `dir`; resolves with what it found,
 * or its failing exit code.
 */
async function runPlan(options: LocalShardsOptions, dir: string): Promise<ShardsPlan | number> {
  const file = join(dir, 'plan.json');
  const code = await run(PLAN_SCRIPT, [JSON.stringify(options), file, dir]);
  return code === 0 ? (JSON.parse(await readFile(file, 'utf8')) as ShardsPlan) : code;
}

/** Runs the build command with `args` in a process of its own; resolves with its exit code. */
function runBuild(
  args: string[],
  cacheDir?: string,
  extra: Record<string, string> = {},
): Promise<number> {
  const env = { ...process.env, ...extra };
  if (cacheDir === undefined) delete env['READOUT_CACHE_DIR'];
  else env['READOUT_CACHE_DIR'] = cacheDir;
  return run(BUILD_SCRIPT, args, env);
}

/** Runs a script of this project with Node, sharing this terminal; resolves with its exit code. */
function run(script: string, args: string[], env = process.env): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, ...args], { env, stdio: 'inherit' });
    child.on('error', fail);
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}
