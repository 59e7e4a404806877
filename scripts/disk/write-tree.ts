/**
 * Writes generated files all or nothing: into a fresh sibling folder first, then swapped in
 * with renames, so a failed or killed run leaves the earlier output whole (`swap.ts`); the
 * folder's lock keeps a build or a second split from writing it at the same time.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { lockFolder } from './lock.ts';
import { makeStaging, recoverSwaps, swapIn } from './swap.ts';

/** Replaces `outDir` with exactly `files` (path relative to outDir → contents). */
export async function writeTreeAtomically(
  outDir: string,
  files: Map<string, string>,
): Promise<void> {
  const unlock = await lockFolder(outDir);
  try {
    await recoverSwaps(outDir);
    const staging = await makeStaging(outDir);
    try {
      for (const [path, contents] of files) {
        await mkdir(dirname(join(staging, path)), { recursive: true });
        await writeFile(join(staging, path), contents);
      }
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    await swapIn(staging, outDir);
  } finally {
    await unlock();
  }
}
