/**
 * Splits only what changed since the last build. Each source's bytes are hashed together with
 * the splitter's own code; a meeting whose hash is unchanged and whose pages are still on disk
 * is not split again. Changed meetings are all parsed before any is written, so a bad source
 * stops the build with the earlier pages untouched.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceError } from './errors.ts';
import { lockfilePath } from './permalinks/lockfile.ts';
import { readTextIfExists, writeLockfiles, type LinkOptions } from './permalinks/lock-meeting.ts';
import type { ParsedMeeting } from './parse.ts';
import { splitSources } from './split-sources.ts';
import { writeTreeAtomically } from './write-tree.ts';

/** What the last build split: source path → content hash and meeting slug. */
interface SplitManifest {
  splitter: string;
  sources: Record<string, { hash: string; slug: string }>;
}

/** What an incremental split did, for the build's summary line. */
export interface IncrementalSplitResult {
  parsed: ParsedMeeting[];
  reused: string[];
  removed: string[];
}

const HERE = dirname(fileURLToPath(import.meta.url));

/** A hash of the code that turns sources into pages: a change to it invalidates every meeting. */
async function splitterVersion(): Promise<string> {
  const roots = [HERE, join(HERE, '../../src/schemas')];
  const hash = createHash('sha256');
  for (const root of roots) {
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts')).sort();
    for (const file of files) hash.update(file).update(await readFile(join(root, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Splits `sources` into `outDir`, re-splitting only changed meetings; `manifestPath` remembers hashes. */
export async function splitIncrementally(sources: string[], outDir: string, manifestPath: string, links?: LinkOptions): Promise<IncrementalSplitResult> {
  const splitter = await splitterVersion();
  const previous = await readManifest(manifestPath, splitter);
  const bytes = new Map(await Promise.all(sources.map(async (s) => [s, await readFile(s)] as const)));
  // A meeting's links lockfile shapes its pages too: an edited or deleted one means a new split.
  const locks = new Map(await Promise.all(sources.map(async (s) => [s, (await readTextIfExists(lockfilePath(s))) ?? ''] as const)));
  const hashOf = (source: string, lock: string) => createHash('sha256').update(bytes.get(source)!).update(links ? lock : '').digest('hex');
  const hashes = new Map(sources.map((s) => [s, hashOf(s, locks.get(s)!)]));
  const unchanged: string[] = [];
  for (const source of sources) {
    const before = previous.sources[source];
    if (before && before.hash === hashes.get(source) && (await exists(join(outDir, before.slug, 'meeting.json')))) unchanged.push(source);
  }
  const changed = sources.filter((s) => !unchanged.includes(s));
  const result = await splitSources(changed, async (s) => bytes.get(s)!, links);
  const slugs = new Map<string, string>([
    ...unchanged.map((s) => [s, previous.sources[s]!.slug] as const),
    ...result.parsed.map((p) => [p.meeting.source, p.meeting.slug] as const),
  ]);
  assertUniqueSlugs(slugs);
  for (const parsed of result.parsed) {
    const slug = parsed.meeting.slug;
    const files = new Map([...result.files].filter(([path]) => path.startsWith(`${slug}/`)).map(([path, text]) => [relative(slug, path), text]));
    await writeTreeAtomically(join(outDir, slug), files);
  }
  await writeLockfiles(result.lockfiles);
  for (const { path, text } of result.lockfiles) {
    const source = sources.find((s) => lockfilePath(s) === path)!;
    hashes.set(source, hashOf(source, text));
  }
  const removed = await removeStaleMeetings(outDir, new Set(slugs.values()));
  await writeManifest(manifestPath, {
    splitter,
    sources: Object.fromEntries(sources.map((s) => [s, { hash: hashes.get(s)!, slug: slugs.get(s)! }])),
  });
  return { parsed: result.parsed, reused: unchanged.map((s) => slugs.get(s)!), removed };
}

function assertUniqueSlugs(slugs: Map<string, string>): void {
  const seen = new Map<string, string>();
  for (const [source, slug] of slugs) {
    if (seen.has(slug)) {
      throw new SourceError(source, `meeting slug "${slug}" is already used by ${seen.get(slug)}`, 'rename the file or set another slug in its frontmatter', 1);
    }
    seen.set(slug, source);
  }
}

async function removeStaleMeetings(outDir: string, keep: Set<string>): Promise<string[]> {
  const entries = await readdir(outDir, { withFileTypes: true }).catch(() => []);
  const stale = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.') && !keep.has(e.name)).map((e) => e.name);
  await Promise.all(stale.map((name) => rm(join(outDir, name), { recursive: true, force: true })));
  return stale;
}

async function readManifest(path: string, splitter: string): Promise<SplitManifest> {
  try {
    const manifest = JSON.parse(await readFile(path, 'utf8')) as SplitManifest;
    if (manifest.splitter === splitter) return manifest;
  } catch {
    // No manifest yet, or an unreadable one: split everything.
  }
  return { splitter, sources: {} };
}

async function writeManifest(path: string, manifest: SplitManifest): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
