/**
 * Finds the source files of a split: one file, or every .txt/.md file of a folder. Only regular
 * files are sources: a FIFO would hang the read, a device or a folder named `x.txt` is no text,
 * and a link leading out of the sources folder could publish any file of the machine (a
 * contributor's `x.txt → /proc/self/environ` would publish the CI's secrets).
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, relative, isAbsolute } from 'node:path';
import { SourceError } from '../lib/errors.ts';

/** Extensions the splitter reads. */
export const SOURCE_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);

/** Control characters in a path would end up in terminals and generated files: refuse them. */
const CONTROL = /\p{Cc}/u;

/** The source files under `path`, sorted, or a SourceError saying why there are none. */
export async function findSources(path: string): Promise<string[]> {
  assertPrintablePath(path);
  const info = await stat(path).catch(() => undefined);
  if (!info)
    throw new SourceError(
      path,
      'no such file or folder',
      'check the path, or put summaries in content/sources/',
    );
  if (!info.isDirectory()) {
    await assertRegularSource(path, dirname(path));
    return [path];
  }
  const names = (await readdir(path)).filter(
    (name) => SOURCE_EXTENSIONS.has(extname(name).toLowerCase()) && !name.startsWith('.'),
  );
  if (names.length === 0)
    throw new SourceError(
      path,
      'the folder holds no .txt or .md summary',
      'add a summary as plain text or Markdown',
    );
  const files = names.sort().map((name) => join(path, name));
  for (const file of files) {
    assertPrintablePath(file);
    await assertRegularSource(file, path);
  }
  return files;
}

function assertPrintablePath(path: string): void {
  if (CONTROL.test(path)) {
    throw new SourceError(
      path,
      'the name holds a control character (a line break, tab or escape)',
      'rename the file or folder with printable characters only',
    );
  }
}

/** A regular file, or a link to one inside `folder`; anything else is refused with what it is. */
async function assertRegularSource(file: string, folder: string): Promise<void> {
  const link = await lstat(file);
  if (link.isSymbolicLink()) {
    const target = await realpath(file).catch(() => undefined);
    if (target === undefined)
      throw new SourceError(
        file,
        'is a link to a file that does not exist',
        'remove the link or make it point to a summary',
      );
    const inside = relative(await realpath(folder), target);
    if (inside.startsWith('..') || isAbsolute(inside)) {
      throw new SourceError(
        file,
        'is a link to a file outside the sources folder, which would be published',
        'copy the summary into the sources folder instead of linking to it',
      );
    }
  }
  const info = await stat(file);
  if (!info.isFile())
    throw new SourceError(
      file,
      `is ${kindOf(info)}, not a text file`,
      'give the path of a .txt or .md summary',
    );
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'a special file';
}

/**
 * Reads a source's bytes. Opened without blocking and checked on the open handle, so a file
 * swapped for a FIFO or a device after `findSources` cannot hang or leak into the split.
 */
export async function readRegularFile(file: string): Promise<Uint8Array> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw new SourceError(
        file,
        `is ${kindOf(info)}, not a text file`,
        'give the path of a .txt or .md summary',
      );
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
