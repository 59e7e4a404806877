import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTreeAtomically } from '../../scripts/disk/write-tree.ts';

describe('writeTreeAtomically', () => {
  it('replaces the whole folder, leaving no stale files and no staging folders', async () => {
    const root = await mkdtemp(join(tmpdir(), 'readout-'));
    const out = join(root, 'generated');
    await writeTreeAtomically(out, new Map([['a/old.mdx', 'old']]));
    await writeTreeAtomically(out, new Map([['a/new.mdx', 'new']]));
    expect(await readdir(join(out, 'a'))).toEqual(['new.mdx']);
    expect(await readdir(root)).toEqual(['generated']);
  });

  it('leaves earlier output untouched when writing fails', async () => {
    const root = await mkdtemp(join(tmpdir(), 'readout-'));
    const out = join(root, 'generated');
    await writeTreeAtomically(out, new Map([['m/index.mdx', 'kept']]));
    await writeFile(join(root, 'blocker'), 'a file where a folder must go');
    // A path through a NUL byte cannot be written: the write fails midway.
    await expect(
      writeTreeAtomically(
        out,
        new Map([
          ['m/index.mdx', 'new'],
          ['bad\0name', 'x'],
        ]),
      ),
    ).rejects.toThrow();
    expect(await readFile(join(out, 'm/index.mdx'), 'utf8')).toBe('kept');
    expect((await readdir(root)).sort()).toEqual(['blocker', 'generated']);
  });
});
