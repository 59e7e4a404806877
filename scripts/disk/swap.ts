/**
 * Replacing a whole output folder so that a kill at any moment loses nothing. The new content
 * is written into a staging folder beside the target, `.<name>-new-<pid>-<id>`; the swap renames
 * the target to `.<name>-old-<pid>-<id>` and the staging folder to the target. The names are the
 * journal: when the process that owns them is gone, `recoverSwaps` finishes a swap the retired
 * folder shows was under way (its staging folder was complete), and removes everything else.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OWNER_MARKER } from './ownership.ts';

/**
 * A staging or retired folder's name: `.<target>-<new|old>-<pid>-<id>`, or `…-locked-…` for
 * the one staging folder of a process that holds the target's lock (`lock.ts`): whoever holds
 * the lock next knows its owner is gone.
 */
function parseName(
  target: string,
  name: string,
): { kind: 'new' | 'old'; pid: number | 'locked'; id: string } | undefined {
  const prefix = `.${basename(target)}-`;
  if (!name.startsWith(prefix)) return undefined;
  const match = /^(new|old)-(\d+|locked)-(\w+)$/.exec(name.slice(prefix.length));
  if (!match) return undefined;
  return {
    kind: match[1] as 'new' | 'old',
    pid: match[2] === 'locked' ? 'locked' : Number(match[2]),
    id: match[3]!,
  };
}

/** True while process `pid` runs (a process of another user counts as running). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function stagingName(target: string, locked: boolean): string {
  const owner = locked ? 'locked-build' : `${process.pid}-${randomBytes(6).toString('hex')}`;
  return join(dirname(target), `.${basename(target)}-new-${owner}`);
}

/**
 * A fresh, empty staging folder beside `target`, with the permissions a plain mkdir gives (the
 * site is served from it). With `locked`, the caller holds the target's lock and gets the same
 * path every time: Astro's content cache remembers where each page was read, so the pages it
 * reads must be at the same place in the next build.
 */
export async function makeStaging(target: string, locked = false): Promise<string> {
  await mkdir(dirname(target), { recursive: true });
  const staging = stagingName(target, locked);
  if (locked) await rm(staging, { recursive: true, force: true });
  await mkdir(staging);
  return staging;
}

/**
 * Where the folder `target` replaced is kept, when its writer asked to keep it (`swapIn`'s
 * `spare`): `.<name>-spare` beside it. The next build of the target brings that folder up to
 * date instead of writing every file anew (the assembled site: shards/merge-folders.ts), and
 * removing it is not paid for on every build. Not a leftover: `recoverSwaps` leaves it alone.
 */
export function spareOf(target: string): string {
  return join(dirname(target), `.${basename(target)}-spare`);
}

/**
 * Puts the complete folder `staging` in place of `target` (which may not exist yet). The folder
 * it replaces is removed, or with `spare` kept as `spareOf(target)`.
 */
export async function swapIn(staging: string, target: string, spare = false): Promise<void> {
  const retired = staging.replace(/-new-(?=(?:\d+|locked)-\w+$)/, '-old-');
  const hadTarget = await rename(target, retired).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  await rename(staging, target);
  if (!hadTarget) return;
  if (!spare) return rm(retired, { recursive: true, force: true });
  await rm(spareOf(target), { recursive: true, force: true });
  await rename(retired, spareOf(target));
}

/**
 * The spare of `target` (see spareOf) moved to a staging folder beside it (named as
 * `makeStaging` names it), to be brought up to date; undefined when there is none Readout made.
 */
export async function takeSpare(target: string, locked = false): Promise<string | undefined> {
  const spare = spareOf(target);
  const names = await readdir(spare).catch(() => undefined);
  if (!names?.includes(OWNER_MARKER)) return undefined;
  const staging = stagingName(target, locked);
  if (locked) await rm(staging, { recursive: true, force: true });
  await rename(spare, staging);
  return staging;
}

/**
 * Finishes or undoes the swaps of processes that are gone: a retired folder with no target
 * means the kill came between the two renames, so its complete staging folder is put in place;
 * any other staging or retired folder is removed. `keep` names staging folders a pending
 * commit still needs. Call it holding the target's lock. Returns how many leftovers were removed.
 */
export async function recoverSwaps(
  target: string,
  keep: ReadonlySet<string> = new Set(),
): Promise<number> {
  const parent = dirname(target);
  const names = await readdir(parent).catch(() => [] as string[]);
  const gone = (pid: number | 'locked') => pid === 'locked' || !isRunning(pid);
  const leftovers = names
    .map((name) => ({ name, parsed: parseName(target, name) }))
    .filter((e) => e.parsed && gone(e.parsed.pid));
  let removed = 0;
  for (const { name, parsed } of leftovers) {
    if (parsed!.kind !== 'old') continue;
    const staging = join(parent, name.replace(/-old-/, '-new-'));
    if (names.includes(basename(staging)) && !names.includes(basename(target))) {
      await rename(staging, target);
      names.splice(names.indexOf(basename(staging)), 1, basename(target));
    }
  }
  for (const { name } of leftovers) {
    const path = join(parent, name);
    if (keep.has(path) || !names.includes(name)) continue;
    await rm(path, { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** Staging and retired folders left beside `target` (for tests and the fault-injection run). */
export async function listLeftovers(target: string): Promise<string[]> {
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  return names.filter((name) => parseName(target, name) !== undefined);
}
