/** Finds the source files of a split: one file, or every .txt/.md file of a folder. */
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { SourceError } from './errors.ts';
import { slugify } from './text.ts';

/** Extensions the splitter reads. */
export const SOURCE_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);

/** The source files under `path`, sorted, or a SourceError saying why there are none. */
export async function findSources(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new SourceError(path, 'no such file or folder', 'check the path, or put summaries in content/sources/');
  if (info.isFile()) return [path];
  const names = (await readdir(path)).filter((name) => SOURCE_EXTENSIONS.has(extname(name).toLowerCase()) && !name.startsWith('.'));
  if (names.length === 0) throw new SourceError(path, 'the folder holds no .txt or .md summary', 'add a summary as plain text or Markdown');
  return names.sort().map((name) => join(path, name));
}

/** The default meeting slug: the file name without its extension ("idm-2018.txt" → "idm-2018"). */
export function meetingSlugFromFile(file: string): string {
  return slugify(basename(file, extname(file)), 12) || 'meeting';
}
