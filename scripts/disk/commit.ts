/**
 * Swaps several staged folders in as one step (the generated pages and the built site): a
 * journal naming every staging folder and its target is written beside each target first, then
 * each folder is swapped. A build killed before the journal changed nothing; one killed after it
 * is finished by the next build's `recoverCommits`, so pages and site always match.
 */
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isRunning, swapIn } from './swap.ts';

/** A complete staging folder and the folder it replaces. */
export interface StagedFolder {
  staging: string;
  target: string;
  /** Keep the replaced folder as the target's spare (swap.ts, `spareOf`). */
  spare?: boolean;
}

function journalName(target: string, pid: number): string {
  return `.${basename(target)}-commit-${pid}.json`;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Puts every staged folder in place, all or (after a kill, once recovered) all. */
export async function commitSwaps(folders: StagedFolder[]): Promise<void> {
  const journals = folders.map((f) => join(dirname(f.target), journalName(f.target, process.pid)));
  const text = JSON.stringify({ folders });
  for (const journal of journals) {
    await writeFile(`${journal}.tmp`, text);
    await rename(`${journal}.tmp`, journal);
  }
  for (const f of folders) await swapIn(f.staging, f.target, f.spare);
  for (const journal of journals) await rm(journal, { force: true });
}

/**
 * Finishes the commits of killed builds found beside `targets`: each staging folder a journal
 * names and that still exists is swapped in. Returns nothing to keep: afterwards every leftover
 * staging folder is garbage.
 */
export async function recoverCommits(targets: string[]): Promise<void> {
  for (const target of targets) {
    const parent = dirname(target);
    const prefix = `.${basename(target)}-commit-`;
    for (const name of await readdir(parent).catch(() => [] as string[])) {
      const pid = Number(/^(\d+)\.json(?:\.tmp)?$/.exec(name.slice(prefix.length))?.[1]);
      if (!name.startsWith(prefix) || !pid || isRunning(pid)) continue;
      const path = join(parent, name);
      if (name.endsWith('.json'))
        await finishCommit(
          JSON.parse(await readFile(path, 'utf8')) as { folders: StagedFolder[] },
          pid,
        );
      await rm(path, { force: true });
    }
  }
}

async function finishCommit({ folders }: { folders: StagedFolder[] }, pid: number): Promise<void> {
  for (const f of folders) {
    if (!(await exists(f.staging))) continue;
    const retired = f.staging.replace(/-new-(?=(?:\d+|locked)-\w+$)/, '-old-');
    // Killed between the two renames of a swap: the target is already retired.
    if ((await exists(retired)) && !(await exists(f.target))) {
      await rename(f.staging, f.target);
      await rm(retired, { recursive: true, force: true });
    } else {
      await swapIn(f.staging, f.target, f.spare);
    }
  }
  // The other copies of this journal, beside the other targets.
  await Promise.all(
    folders.map((f) => rm(join(dirname(f.target), journalName(f.target, pid)), { force: true })),
  );
}
