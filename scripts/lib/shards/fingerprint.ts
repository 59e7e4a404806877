/**
 * What a built site was built from, as one hash: the split manifest (every source's hash and
 * the splitter's), the code that renders pages (src/, public/, the Astro config, the locked
 * dependencies) and the settings that change pages. A rebuild whose fingerprint matches the
 * site's stamp has nothing to render; shards with different fingerprints cannot be joined.
 *
 * A shard's own stamp is narrower: the same code and settings, its own meetings' generated
 * files, and the part of the other meetings its pages show (the cross-meeting index: every
 * meeting's facts and speakers, and the paragraphs quoting its own people). With one meeting
 * changed, the shards that do not hold it and show nothing of what changed render nothing.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  meetingFolders,
  pageInputs,
  writeCrossMeetingIndexes,
  type CrossMeetingIndex,
} from '../../../src/utils/archive-data.ts';
import { meetingKey, ownsMeeting, personKey, type Shard } from '../../../src/utils/shard.ts';

/** The stamp a build leaves in its site folder (a declared build stamp: not a page). */
export const BUILD_STAMP = '.readout-build.json';

/** Settings that change the pages a build writes. */
const SETTINGS = ['SITE_URL', 'BASE_PATH'];

/** Hashes every file under `dir`, named by its path from `base` (so a staging folder's name does not count). */
async function hashTree(
  hash: ReturnType<typeof createHash>,
  dir: string,
  base = '.',
): Promise<void> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of files)
    hash
      .update(relative(base, file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
}

/** The rendering code (src/, public/, config, locked dependencies) and the settings that change pages. */
async function hashCodeAndSettings(
  hash: ReturnType<typeof createHash>,
  env: Record<string, string | undefined>,
  projectRoot: string,
): Promise<void> {
  for (const name of SETTINGS) hash.update(`${name}=${env[name] ?? ''}\0`);
  for (const dir of ['src', 'public']) await hashTree(hash, join(projectRoot, dir), projectRoot);
  for (const file of ['astro.config.mjs', 'package-lock.json'])
    hash.update(await readFile(join(projectRoot, file)).catch(() => Buffer.alloc(0)));
}

/** Hash of the sources (by their split manifest), the rendering code and the settings. */
export async function inputsFingerprint(
  splitManifestText: string,
  env: Record<string, string | undefined>,
  projectRoot = '.',
): Promise<string> {
  const hash = createHash('sha256').update(splitManifestText).update('\0');
  await hashCodeAndSettings(hash, env, projectRoot);
  return hash.digest('hex').slice(0, 32);
}

/** The code and settings, then each shard's own meetings' generated files (`generated` is the split's tree). */
async function ownFilesHashes(
  generated: string,
  shards: readonly Shard[],
  env: Record<string, string | undefined>,
  projectRoot: string,
): Promise<ReturnType<typeof createHash>[]> {
  const code = createHash('sha256');
  await hashCodeAndSettings(code, env, projectRoot);
  const folders = await meetingFolders(generated);
  const hashes: ReturnType<typeof createHash>[] = [];
  for (const shard of shards) {
    const hash = code.copy();
    for (const folder of folders)
      if (ownsMeeting(folder, shard)) await hashTree(hash, join(generated, folder), generated);
    hashes.push(hash.update('\0'));
  }
  return hashes;
}

/**
 * Hash of what shard `shard` renders from: the code and settings, its own meetings' generated
 * files and what it reads of the other meetings, its cross-meeting index, whose JSON text it
 * returns too, for the build to hand to its pages.
 */
export async function shardInputsFingerprint(
  generated: string,
  shard: Shard,
  env: Record<string, string | undefined>,
  projectRoot = '.',
): Promise<{ fingerprint: string; index: string }> {
  const pieces: string[] = [];
  const [fingerprint] = await shardInputsFingerprints(
    generated,
    [shard],
    env,
    projectRoot,
    (_, text) => pieces.push(text),
  );
  return { fingerprint: fingerprint!, index: pieces.join('') };
}

/**
 * `shardInputsFingerprint` of several shards of one tree, reading the code, each file and each
 * model once for all of them: how one command finds which shards of an archive to render again.
 * Each shard's cross-meeting index is handed to `keep` piece by piece, if given.
 */
export async function shardInputsFingerprints(
  generated: string,
  shards: readonly Shard[],
  env: Record<string, string | undefined>,
  projectRoot = '.',
  keep?: (index: number, text: string) => void,
): Promise<string[]> {
  const hashes = await ownFilesHashes(generated, shards, env, projectRoot);
  await writeCrossMeetingIndexes(generated, shards, (i, text) => {
    hashes[i]!.update(text);
    keep?.(i, text);
  });
  return hashes.map((hash) => hash.digest('hex').slice(0, 32));
}

/**
 * What a shard's pages are made of, meeting by meeting and person by person (see pageInputs):
 * `shared` (the code, the settings and what every page reads), and by `meeting:<slug>` or
 * `person:<id>` what that meeting's or person's own pages are made of.
 */
export interface ShardPages {
  shared: string;
  pages: Record<string, string>;
}

/** The `ShardPages` of shard `shard`, whose cross-meeting index is `index`. */
export async function shardPageFingerprints(
  generated: string,
  shard: Shard,
  index: CrossMeetingIndex,
  env: Record<string, string | undefined>,
  projectRoot = '.',
): Promise<ShardPages> {
  const code = createHash('sha256');
  await hashCodeAndSettings(code, env, projectRoot);
  const inputs = pageInputs(index);
  const pages: Record<string, string> = {};
  const whole = { index: shard.index, count: shard.count };
  for (const folder of await meetingFolders(generated)) {
    if (!ownsMeeting(folder, whole)) continue;
    const hash = createHash('sha256');
    await hashTree(hash, join(generated, folder), generated);
    pages[meetingKey(folder)] = hash.digest('hex').slice(0, 32);
  }
  for (const [id, hash] of inputs.people) pages[personKey(id)] = hash;
  return { shared: code.update(inputs.shared).digest('hex').slice(0, 32), pages };
}

/**
 * The environment variable through which `--shards n` hands a shard's process what it planned
 * for it (`{"inputs", "stamp", "index"}`): the shard's stamp and the file holding its
 * cross-meeting index, valid only while the archive's inputs are those.
 */
export const PLANNED_STAMP = 'READOUT_PLANNED_STAMP';

/** What the plan computed for one shard build. */
export interface PlannedShard {
  stamp: string;
  /** The file holding the shard's cross-meeting index (its JSON text, as its stamp covers it). */
  index: string;
}

/** What was planned for this shard build, if it was planned for these very inputs. */
export function plannedShard(
  inputs: string,
  env: Record<string, string | undefined> = process.env,
): PlannedShard | undefined {
  const text = env[PLANNED_STAMP];
  if (!text) return undefined;
  const planned = JSON.parse(text) as { inputs?: unknown; stamp?: unknown; index?: unknown };
  return planned.inputs === inputs &&
    typeof planned.stamp === 'string' &&
    typeof planned.index === 'string'
    ? { stamp: planned.stamp, index: planned.index }
    : undefined;
}

/** The stamp of one build: its inputs and which part of the site it is (a shard, or all). */
export function buildStamp(inputs: string, part: string): string {
  return createHash('sha256').update(inputs).update('\0').update(part).digest('hex').slice(0, 32);
}

/** The stamp a site folder holds, if any. */
export async function readBuildStamp(site: string): Promise<string | undefined> {
  const text = await readFile(join(site, BUILD_STAMP), 'utf8').catch(() => undefined);
  if (!text) return undefined;
  try {
    const stamp = (JSON.parse(text) as { stamp?: unknown }).stamp;
    return typeof stamp === 'string' ? stamp : undefined;
  } catch {
    return undefined;
  }
}

export async function writeBuildStamp(site: string, stamp: string): Promise<void> {
  await writeFileAtomically(join(site, BUILD_STAMP), `${JSON.stringify({ stamp })}\n`);
}

/** Old or new, never half: a stamp or manifest rewritten in a site in place (see build.ts). */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}
