/**
 * Writes generated files all or nothing: into a fresh sibling folder first, then swapped in
 * with renames, so a failed run leaves the earlier output byte-identical.
 */
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Replaces `outDir` with exactly `files` (path relative to outDir → contents). */
export async function writeTreeAtomically(outDir: string, files: Map<string, string>): Promise<void> {
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, `.${basename(outDir)}-new-`));
  try {
    for (const [path, contents] of files) {
      await mkdir(dirname(join(staging, path)), { recursive: true });
      await writeFile(join(staging, path), contents);
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const retired = `${staging.replace(/-new-/, '-old-')}`;
  const hadOutput = await rename(outDir, retired).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  await rename(staging, outDir);
  if (hadOutput) await rm(retired, { recursive: true, force: true });
}
