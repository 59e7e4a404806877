/**
 * Splits only what changed since the last build. Each source's bytes are hashed together with
 * the splitter's own code; a meeting whose hash is unchanged and whose pages are still on disk
 * is not split again. The new tree and its manifest are written beside the current one and
 * swapped in whole, so a bad source or a kill leaves the earlier pages and manifest together.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { slugSchema } from '../../src/schemas/meeting.ts';
import { duplicateMeetingSlugError } from '../lib/errors.ts';
import { lockfilePath } from '../lib/permalinks/lockfile.ts';
import {
  readTextIfExists,
  writeLockfiles,
  type LinkOptions,
} from '../lib/permalinks/lock-meeting.ts';
import type { ParsedMeeting } from '../lib/parse.ts';
import { SPLIT_MANIFEST } from '../lib/paths.ts';
import { keepCurrentFiles, listFiles, place } from './linked-trees.ts';
import { makeStaging, recoverSwaps, swapIn, takeSpare } from './swap.ts';

/** What the last build split: source path → content hash and meeting slug. */
const splitManifestSchema = z.object({
  /** Hash of the splitter's code that wrote the pages; another splitter's pages are split again. */
  splitter: z.string(),
  /** Per source path: the hash of its bytes and the meeting slug its pages have. */
  sources: z.record(z.string(), z.object({ hash: z.string(), slug: slugSchema })),
});
type SplitManifest = z.infer<typeof splitManifestSchema>;

/** What an incremental split did, for the build's summary line. */
export interface IncrementalSplitResult {
  parsed: ParsedMeeting[];
  reused: string[];
  removed: string[];
}

const HERE = dirname(fileURLToPath(import.meta.url));

/** A hash of the code that turns sources into pages: a change to it invalidates every meeting. */
async function splitterVersion(): Promise<string> {
  // The pipeline steps and the schema; this folder's disk code writes pages but does not shape them.
  const roots = [join(HERE, '../lib'), join(HERE, '../../src/schemas')];
  const hash = createHash('sha256');
  for (const root of roots) {
    const files = (await readdir(root, { recursive: true }))
      .filter((f) => f.endsWith('.ts'))
      .sort();
    for (const file of files) hash.update(file).update(await readFile(join(root, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** What a split of `sources` into `outDir` would reuse, before anything is written. */
async function planSplit(
  sources: string[],
  outDir: string,
  manifestName: string,
  links: LinkOptions | undefined,
) {
  const splitter = await splitterVersion();
  const previous = await readManifest(join(outDir, manifestName), splitter);
  const bytes = new Map(
    await Promise.all(sources.map(async (s) => [s, await readFile(s)] as const)),
  );
  // A meeting's links lockfile shapes its pages too: an edited or deleted one means a new split.
  const locks = new Map(
    await Promise.all(
      sources.map(async (s) => [s, (await readTextIfExists(lockfilePath(s))) ?? ''] as const),
    ),
  );
  const hashOf = (source: string, lock: string) =>
    createHash('sha256')
      .update(bytes.get(source)!)
      .update(links ? lock : '')
      .digest('hex');
  const hashes = new Map(sources.map((s) => [s, hashOf(s, locks.get(s)!)]));
  const unchanged: string[] = [];
  for (const source of sources) {
    const before = previous.sources[source];
    if (
      before &&
      before.hash === hashes.get(source) &&
      (await exists(join(outDir, before.slug, 'meeting.json')))
    )
      unchanged.push(source);
  }
  return { splitter, previous, bytes, hashes, hashOf, unchanged };
}

/**
 * True when `outDir` already is the tree `stageSplit` would stage from `sources`: every source
 * unchanged, no meeting to remove, and the manifest on disk the very text it would write. A
 * rebuild can then read the tree in place, without staging a copy and swapping it in.
 */
export async function splitIsCurrent(
  sources: string[],
  outDir: string,
  manifestName = SPLIT_MANIFEST,
  links?: LinkOptions,
): Promise<boolean> {
  const { splitter, previous, hashes, unchanged } = await planSplit(
    sources,
    outDir,
    manifestName,
    links,
  );
  if (unchanged.length !== sources.length) return false;
  const slugs = new Set(sources.map((s) => previous.sources[s]!.slug));
  if (slugs.size !== sources.length || (await staleMeetings(outDir, slugs)).length > 0)
    return false;
  const onDisk = await readFile(join(outDir, manifestName), 'utf8').catch(() => undefined);
  return (
    onDisk ===
    manifestText(splitter, sources, (s) => ({
      hash: hashes.get(s)!,
      slug: previous.sources[s]!.slug,
    }))
  );
}

/** A split written into a staging folder, not yet in place. */
export interface StagedSplit extends IncrementalSplitResult {
  /** The complete new tree: every meeting and the manifest. */
  staging: string;
  /** Links lockfiles to write once the staged tree is in place. */
  lockfiles: { path: string; text: string }[];
}

/**
 * Writes the new generated tree into a staging folder beside `outDir`: unchanged meetings are
 * hard-linked from the current tree (files are never changed in place, so both trees stay
 * whole), changed ones are written, and the manifest goes in last. The staging folder is the
 * tree the last split replaced, when it was kept (swap.ts, `spareOf`): only what differs from
 * it is removed and placed again. Nothing in `outDir` changes:
 * the caller swaps the staging folder in (`swapIn`, `commitSwaps`), so pages and manifest move
 * together, old or new, whenever the process is killed. `locked`: the caller holds the lock of
 * `outDir`, and the staging folder has a fixed name (see `makeStaging`).
 */
export async function stageSplit(
  sources: string[],
  outDir: string,
  manifestName = SPLIT_MANIFEST,
  locked = false,
  links?: LinkOptions,
): Promise<StagedSplit> {
  const { splitter, previous, bytes, hashes, hashOf, unchanged } = await planSplit(
    sources,
    outDir,
    manifestName,
    links,
  );
  const changed = sources.filter((s) => !unchanged.includes(s));
  // The splitter itself is loaded only when a source changed: a rebuild that reuses every
  // meeting does not pay for compiling the parsing pipeline.
  const { splitSources } = await import('../lib/split-sources.ts');
  const result = await splitSources(changed, (s) => Promise.resolve(bytes.get(s)!), links);
  const slugs = new Map<string, string>([
    ...unchanged.map((s) => [s, previous.sources[s]!.slug] as const),
    ...result.parsed.map((p) => [p.meeting.source, p.meeting.slug] as const),
  ]);
  assertUniqueSlugs(slugs);
  // The tree the last split replaced, brought up to date, or an empty folder.
  const staging = (await takeSpare(outDir, locked)) ?? (await makeStaging(outDir, locked));
  try {
    const reused = new Map<string, string>();
    for (const source of unchanged) {
      const slug = slugs.get(source)!;
      for (const file of await listFiles(join(outDir, slug))) reused.set(join(slug, file), outDir);
    }
    const kept = await keepCurrentFiles(staging, reused);
    for (const [file, from] of reused)
      if (!kept.has(file)) await place(join(from, file), join(staging, file));
    for (const [path, contents] of result.files) {
      await mkdir(dirname(join(staging, path)), { recursive: true });
      await writeFile(join(staging, path), contents);
    }
    // The lockfiles this split writes are part of the next build's hashes.
    for (const { path, text } of result.lockfiles) {
      const source = sources.find((s) => lockfilePath(s) === path)!;
      hashes.set(source, hashOf(source, text));
    }
    await writeFile(
      join(staging, manifestName),
      manifestText(splitter, sources, (s) => ({ hash: hashes.get(s)!, slug: slugs.get(s)! })),
    );
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const removed = await staleMeetings(outDir, new Set(slugs.values()));
  return {
    parsed: result.parsed,
    reused: unchanged.map((s) => slugs.get(s)!),
    removed,
    staging,
    lockfiles: result.lockfiles,
  };
}

/** Splits `sources` into `outDir`, re-splitting only changed meetings, and swaps the new tree in. */
export async function splitIncrementally(
  sources: string[],
  outDir: string,
  manifestName = SPLIT_MANIFEST,
  links?: LinkOptions,
): Promise<IncrementalSplitResult> {
  await recoverSwaps(outDir);
  const { staging, lockfiles, ...result } = await stageSplit(
    sources,
    outDir,
    manifestName,
    false,
    links,
  );
  await swapIn(staging, outDir, true);
  // Published links are recorded once the pages that publish them are in place.
  await writeLockfiles(lockfiles);
  return result;
}

function assertUniqueSlugs(slugs: Map<string, string>): void {
  const seen = new Map<string, string>();
  for (const [source, slug] of slugs) {
    if (seen.has(slug)) {
      throw duplicateMeetingSlugError(source, slug, seen.get(slug)!);
    }
    seen.set(slug, source);
  }
}

/** Meetings of the current tree that the new one no longer has. */
async function staleMeetings(outDir: string, keep: Set<string>): Promise<string[]> {
  const entries = await readdir(outDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !keep.has(e.name))
    .map((e) => e.name);
}

async function readManifest(path: string, splitter: string): Promise<SplitManifest> {
  // No manifest yet, an unreadable or a damaged one: split everything (it is a cache, not a source).
  const text = await readFile(path, 'utf8').catch(() => undefined);
  const manifest =
    text === undefined ? undefined : splitManifestSchema.safeParse(parseJson(text)).data;
  return manifest?.splitter === splitter ? manifest : { splitter, sources: {} };
}

/** The JSON value of `text`, or undefined when it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The manifest's text, sources in the order given (a fingerprint of the build hashes it). */
function manifestText(
  splitter: string,
  sources: readonly string[],
  entry: (source: string) => SplitManifest['sources'][string],
): string {
  const manifest: SplitManifest = {
    splitter,
    sources: Object.fromEntries(sources.map((s) => [s, entry(s)])),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
