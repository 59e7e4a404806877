import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitIncrementally, splitIsCurrent } from '../../scripts/disk/incremental-split.ts';

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
