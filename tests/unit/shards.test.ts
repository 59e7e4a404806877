import fc from 'fast-check';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileTree } from '../support/file-tree.ts';
import { checkShardSet, type ShardManifest } from '../../scripts/lib/shards/manifest.ts';
import { mergeShardFolders } from '../../scripts/lib/shards/merge-folders.ts';
import { localShardsSettings, shardSettings } from '../../scripts/lib/shards/options.ts';
import { ownsMeeting, ownsPerson, parseShard, shardOf } from '../../src/utils/shard.ts';
import { pageOf } from '../../src/utils/list-pages.ts';

describe('shard assignment', () => {
  it('reads k/n only when 1 ≤ k ≤ n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard('0/3')).toBeUndefined();
    expect(parseShard('4/3')).toBeUndefined();
    expect(parseShard('2-3')).toBeUndefined();
  });

  it('gives every meeting and person to exactly one shard, the same one every time', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 64 }),
        (slug, count) => {
          const owners = Array.from({ length: count }, (_, i) =>
            ownsMeeting(slug, { index: i + 1, count }),
          );
          expect(owners.filter(Boolean)).toHaveLength(1);
          expect(
            Array.from({ length: count }, (_, i) =>
              ownsPerson(slug, { index: i + 1, count }),
            ).filter(Boolean),
          ).toHaveLength(1);
          expect(shardOf(slug, count)).toBe(shardOf(slug, count));
        },
      ),
    );
  });

  it('spreads meetings evenly enough that no shard holds twice its share', () => {
    const counts = new Array<number>(10).fill(0);
    for (let i = 1; i <= 1000; i++) {
      const shard = shardOf(`meeting-${String(i).padStart(4, '0')}`, 10) - 1;
      counts[shard] = (counts[shard] ?? 0) + 1;
    }
    expect(Math.max(...counts)).toBeLessThan(200);
    expect(Math.min(...counts)).toBeGreaterThan(50);
  });
});

describe('assembling shards', () => {
  const shard = (index: number, count = 3, fingerprint = 'f'): ShardManifest => ({
    index,
    count,
    fingerprint,
  });
  const folders = ['a', 'b', 'c'];

  it('accepts shards 1…n of one build in any order', () => {
    expect(() => checkShardSet(folders, [shard(3), shard(1), shard(2)])).not.toThrow();
  });

  it('refuses a missing, repeated or foreign shard, naming it', () => {
    expect(() => checkShardSet(folders.slice(0, 2), [shard(1), shard(3)])).toThrow(
      /shard 2\/3 missing/,
    );
    expect(() => checkShardSet(folders, [shard(1), shard(2), shard(2)])).toThrow(
      /is shard 2\/3 again/,
    );
    expect(() => checkShardSet(folders, [shard(1), shard(2), shard(3, 3, 'other')])).toThrow(
      /another build/,
    );
    expect(() => checkShardSet([], [])).toThrow(/no shard folders/);
  });

  it('refuses a shard that is not k/n, and --out without --shard', () => {
    expect(() => shardSettings(new Map([['shard', '5/4']]), [], 'usage')).toThrow(
      /"5\/4" is not a shard/,
    );
    expect(() => shardSettings(new Map([['out', 'x']]), [], 'usage')).toThrow(
      /only for a shard build/,
    );
    expect(shardSettings(new Map(), [], 'usage')).toBeUndefined();
  });

  it('reads --shards n into the folders of shards 1…n, and refuses a count that is not one', () => {
    expect(localShardsSettings(new Map([['shards', '3']]), [], 'usage')).toEqual({
      count: 3,
      parent: 'dist-shards',
      source: 'content/sources',
      frozen: false,
    });
    expect(
      localShardsSettings(
        new Map<string, string | true>([
          ['shards', '2'],
          ['out', 'x'],
          ['frozen', true],
        ]),
        [],
        'usage',
      ),
    ).toMatchObject({ count: 2, parent: 'x', frozen: true });
    for (const bad of ['0', '-1', 'two', '2/4'])
      expect(() => localShardsSettings(new Map([['shards', bad]]), [], 'usage')).toThrow(
        /is not a number of shards/,
      );
    expect(() =>
      localShardsSettings(
        new Map([
          ['shards', '2'],
          ['shard', '1/2'],
        ]),
        [],
        'usage',
      ),
    ).toThrow(/takes no --shard/);
  });
});

describe('pageOf', () => {
  it('cuts a list into pages that hold every item once, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 300 }),
        fc.integer({ min: 1, max: 50 }),
        (items, perPage) => {
          const { pageCount } = pageOf(items, 1, perPage);
          const pages = Array.from(
            { length: pageCount },
            (_, i) => pageOf(items, i + 1, perPage).items,
          );
          expect(pages.flat()).toEqual(items);
          expect(pages.every((p) => p.length <= perPage)).toBe(true);
          expect(pageCount).toBe(Math.max(1, Math.ceil(items.length / perPage)));
        },
      ),
    );
  });
});

describe('joining shard folders', () => {
  it("places every shard's pages once and leaves out the shards' own files, a killed rewrite's included", async () => {
    const root = await mkdtemp(join(tmpdir(), 'readout-merge-'));
    try {
      const [one, two, target] = ['1', '2', 'site'].map((name) => join(root, name)) as [
        string,
        string,
        string,
      ];
      for (const [folder, page] of [
        [one, 'meeting-a'],
        [two, 'meeting-c'],
      ] as const) {
        await mkdir(join(folder, page), { recursive: true });
        await writeFile(join(folder, page, 'index.html'), `<h1>${page}</h1>`);
        await writeFile(join(folder, 'index.html'), '<h1>Meetings</h1>');
        await writeFile(join(folder, '.readout-shard.json'), '{}');
        await writeFile(join(folder, '.readout-build.json'), '{}');
      }
      await writeFile(join(one, '.readout-shard.json.4242.tmp'), '{"half');
      await mkdir(target);
      expect(await mergeShardFolders([one, two], target)).toBe(3);
      expect((await readdir(target, { recursive: true })).sort()).toEqual([
        'index.html',
        'meeting-a',
        'meeting-a/index.html',
        'meeting-c',
        'meeting-c/index.html',
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('brings a site joined from earlier shard folders up to date, touching only what differs', async () => {
    const root = await mkdtemp(join(tmpdir(), 'readout-merge-'));
    const write = async (folder: string, files: Record<string, string>) => {
      for (const [file, text] of Object.entries(files)) {
        await mkdir(dirname(join(root, folder, file)), { recursive: true });
        await writeFile(join(root, folder, file), text);
      }
    };
    try {
      const site = { 'index.html': 'front', '_astro/site.css': 'css' };
      await write('old-1', {
        ...site,
        'meeting-a/index.html': 'a',
        'meeting-a/sessions/x/index.html': 'x',
      });
      await write('old-2', { ...site, 'meeting-c/index.html': 'c' });
      await write('new-1', {
        ...site,
        'meeting-a/index.html': 'a, corrected',
        'meeting-b/index.html': 'b',
      });
      const [old1, old2, new1] = ['old-1', 'old-2', 'new-1'].map((f) => join(root, f)) as [
        string,
        string,
        string,
      ];
      const target = join(root, 'site');
      await mkdir(target);
      await mergeShardFolders([old1, old2], target);
      // Something the last assemble wrote itself, such as its search index.
      await write('site', { 'pagefind/pagefind.js': 'old index' });
      const kept = (await stat(join(target, 'meeting-c/index.html'))).ino;

      // Shard 1 was rebuilt (a corrected page, a new meeting, a session gone); shard 2 was not.
      expect(await mergeShardFolders([new1, old2], target)).toBe(5);
      const fresh = join(root, 'fresh');
      await mkdir(fresh);
      await mergeShardFolders([new1, old2], fresh);
      expect(await fileTree(target)).toEqual(await fileTree(fresh));
      expect(await readdir(target)).not.toContain('pagefind');
      expect((await readdir(join(target, 'meeting-a'))).sort()).toEqual(['index.html']);
      // The unchanged shard's page is the same file, not placed again; the earlier shard's
      // files were replaced, not written through.
      expect((await stat(join(target, 'meeting-c/index.html'))).ino).toBe(kept);
      expect(await readFile(join(old1, 'meeting-a/index.html'), 'utf8')).toBe('a');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
