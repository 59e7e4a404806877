/** Every file under `dir` with its text, by path from `dir`: two trees compared as one value. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

export async function fileTree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Object.fromEntries(
    await Promise.all(
      entries
        .filter((e) => e.isFile())
        .map(async (e) => {
          const path = join(e.parentPath, e.name);
          return [relative(dir, path), await readFile(path, 'utf8')] as const;
        }),
    ),
  );
}
