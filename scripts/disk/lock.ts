/**
 * One build at a time per output folder: `.<name>.lock` beside the folder holds the pid of the
 * build writing it. A second build into the same folder stops with one line; a lock whose
 * process is gone (killed) is taken over. Builds into different folders do not meet.
 */
import { open, readFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { SourceError } from '../lib/errors.ts';
import { isRunning } from './swap.ts';

/** The lock file of `folder`. */
export function lockPath(folder: string): string {
  return join(dirname(folder), `.${basename(folder)}.lock`);
}

/** Takes the lock of `folder`; the function it returns releases it. */
export async function lockFolder(folder: string): Promise<() => Promise<void>> {
  const path = lockPath(folder);
  await mkdir(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => unlink(path).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readFile(path, 'utf8').catch(() => '');
    const pid = Number.parseInt(holder, 10);
    if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) {
      throw new SourceError(
        folder,
        `another build (pid ${pid}) is running and writing this folder`,
        'wait for it to finish, or build into another folder',
      );
    }
    // Stale: its build was killed. Remove it only if it is still the lock we read.
    if ((await readFile(path, 'utf8').catch(() => '')) === holder)
      await unlink(path).catch(() => undefined);
  }
  throw new SourceError(
    folder,
    'could not take the build lock',
    `remove ${basename(path)} if no build is running`,
  );
}

/** Takes the locks of every folder (all or none), released by the function it returns. */
export async function lockFolders(folders: string[]): Promise<() => Promise<void>> {
  const releases: (() => Promise<void>)[] = [];
  try {
    for (const folder of [...new Set(folders)]) releases.push(await lockFolder(folder));
  } catch (error) {
    await Promise.all(releases.map((release) => release()));
    throw error;
  }
  return async () => {
    await Promise.all(releases.map((release) => release()));
  };
}
