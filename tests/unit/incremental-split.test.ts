import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileTree } from '../support/file-tree.ts';
import { commitSwaps } from '../../scripts/disk/commit.ts';
import {
  splitIncrementally,
  splitIsCurrent,
  stageSplit,
} from '../../scripts/disk/incremental-split.ts';
import { markOwned } from '../../scripts/disk/ownership.ts';
import { listLeftovers } from '../../scripts/disk/swap.ts';

async function workspace() {
  const root = await mkdtemp(join(tmpdir(), 'readout-incr-'));
  const sources = join(root, 'sources');
  await mkdir(sources);
  await copyFile('content/sources/idm-2018.txt', join(sources, 'idm-2018.txt'));
  await copyFile('tests/fixtures/sources/wcw-2021.txt', join(sources, 'wcw-2021.txt'));
  const out = join(root, 'generated');
  const files = [join(sources, 'idm-2018.txt'), join(sources, 'wcw-2021.txt')];
  return {
    root,
    out,
    files,
    run: (list = files) => splitIncrementally(list, out, '.manifest.json'),
  };
}

describe('splitIncrementally', () => {
  it('splits nothing again when no source changed', async () => {
    const { run } = await workspace();
    expect((await run()).parsed).toHaveLength(2);
    const second = await run();
    expect(second.parsed).toHaveLength(0);
    expect(second.reused.sort()).toEqual(['idm-2018', 'wcw-2021']);
  });

  it('re-splits only the meeting whose source changed', async () => {
    const { run, files, out } = await workspace();
    await run();
    const untouched = await readFile(join(out, 'idm-2018/index.mdx'), 'utf8');
    await writeFile(
      files[1]!,
      (await readFile(files[1]!, 'utf8')).replace(
        'Summary of conclusions',
        'Summary of conclusions\n\n',
      ),
    );
    const result = await run();
    expect(result.parsed.map((p) => p.meeting.slug)).toEqual(['wcw-2021']);
    expect(await readFile(join(out, 'idm-2018/index.mdx'), 'utf8')).toBe(untouched);
  });

  it('removes the pages of a meeting whose source is gone', async () => {
    const { run, files, out } = await workspace();
    await run();
    await rm(files[1]!);
    expect((await run([files[0]!])).removed).toEqual(['wcw-2021']);
    await expect(readFile(join(out, 'wcw-2021/meeting.json'))).rejects.toThrow();
  });

  it('writes nothing when a changed source is bad', async () => {
    const { run, files, out } = await workspace();
    await run();
    const before = await readFile(join(out, 'wcw-2021/index.mdx'), 'utf8');
    await writeFile(files[1]!, '');
    await expect(run()).rejects.toThrow(/empty/);
    expect(await readFile(join(out, 'wcw-2021/index.mdx'), 'utf8')).toBe(before);
  });

  it('splits everything again when the manifest is valid JSON of the wrong shape', async () => {
    const { run, out } = await workspace();
    await run();
    const manifest = JSON.parse(await readFile(join(out, '.manifest.json'), 'utf8')) as {
      splitter: string;
    };
    await writeFile(
      join(out, '.manifest.json'),
      JSON.stringify({ splitter: manifest.splitter, sources: null }),
    );
    expect((await run()).parsed).toHaveLength(2);
  });
});

describe('stageSplit', () => {
  it('brings the tree the last split replaced up to date, keeping the unchanged files as they are', async () => {
    const { files, out, root } = await workspace();
    const split = async (target: string) => {
      const staged = await stageSplit(files, target, '.manifest.json', true);
      await markOwned(staged.staging);
      await commitSwaps([{ staging: staged.staging, target, spare: true }]);
    };
    const edit = async (text: string) =>
      writeFile(files[1]!, `${await readFile(files[1]!, 'utf8')}\n\n${text}`);
    await split(out);
    await edit('A closing remark.');
    await split(out);
    const unchanged = (await stat(join(out, 'idm-2018/index.mdx'))).ino;
    expect(await readdir(root)).toContain('.generated-spare');
    // The third split starts from the first one's tree.
    await edit('Another closing remark.');
    await split(out);
    const fresh = join(root, 'fresh');
    await split(fresh);
    expect(await fileTree(out)).toEqual(await fileTree(fresh));
    expect(JSON.stringify(await fileTree(out))).toContain('Another closing remark.');
    expect((await stat(join(out, 'idm-2018/index.mdx'))).ino).toBe(unchanged);
    expect(await listLeftovers(out)).toEqual([]);
  });
});

describe('splitIsCurrent', () => {
  it('says the tree in place is current only while a split would reuse all of it as it is', async () => {
    const { run, files, out, root } = await workspace();
    const current = (list = files) => splitIsCurrent(list, out, '.manifest.json');
    expect(await current()).toBe(false);
    await run();
    expect(await current()).toBe(true);
    // A source fewer: a split would remove that meeting's pages.
    expect(await current([files[0]!])).toBe(false);
    // A meeting folder lost its model: a split would write it again.
    await rm(join(out, 'wcw-2021/meeting.json'));
    expect(await current()).toBe(false);
    await run();
    expect(await current()).toBe(true);
    // A stray meeting folder: a split would leave it out of the new tree.
    await mkdir(join(out, 'stray'));
    expect(await current()).toBe(false);
    await rm(join(out, 'stray'), { recursive: true });
    // A changed source.
    await writeFile(files[1]!, `${await readFile(files[1]!, 'utf8')}\n`);
    expect(await current()).toBe(false);
    await run();
    expect(await current()).toBe(true);
    await rm(root, { recursive: true, force: true });
  });
});
