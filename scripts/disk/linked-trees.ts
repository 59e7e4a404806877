/**
 * Folders made of hard links to files that are never changed in place (the generated pages, the
 * shard folders): listing them, placing a file, and bringing a folder that holds an earlier
 * such tree up to date. Creating a tree of tens of thousands of folders anew, and removing the
 * one it replaces, is what made a rebuild with one meeting changed cost as much file system work
 * as the whole archive; a spare tree (swap.ts, `spareOf`) brought up to date touches only what
 * differs.
 */
import { lstatSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, rmdir, unlink } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

/** The files under `dir`, by their path from it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** Hard-links (or, across devices, copies) a file: the files linked are never changed after. */
export async function place(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await link(from, to).catch(() => copyFile(from, to));
}

/**
 * Of the files in `target`, keeps those that are the very file (same inode) as the file of the
 * same path under the folder `wanted` maps it to, removes every other file (never writing
 * through one: its inode is shared) and the folders this leaves empty; returns the kept. After
 * it, placing the wanted files not kept, and writing anew any other file, gives the tree a fresh
 * folder would hold.
 */
export async function keepCurrentFiles(
  target: string,
  wanted: ReadonlyMap<string, string>,
): Promise<Set<string>> {
  const kept = new Set<string>();
  const emptied = new Set<string>();
  for (const file of await listFiles(target).catch(() => [])) {
    const folder = wanted.get(file);
    if (folder !== undefined) {
      const [now, source] = [lstatSync(join(target, file)), lstatSync(join(folder, file))];
      if (now.ino === source.ino && now.dev === source.dev) {
        kept.add(file);
        continue;
      }
    }
    await unlink(join(target, file));
    for (let dir = dirname(file); dir !== '.'; dir = dirname(dir)) emptied.add(dir);
  }
  // Deepest first, so that a folder's emptied subfolders are gone when its turn comes.
  for (const dir of [...emptied].sort((a, b) => b.split(sep).length - a.split(sep).length))
    await rmdir(join(target, dir)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST' && error.code !== 'ENOENT')
        throw error;
    });
  return kept;
}
