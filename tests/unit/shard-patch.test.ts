import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEARCH_PAGES_FILE } from '../../src/constants.ts';
import {
  pagesFolder,
  pagesToRender,
  patchShard,
  writeShardPages,
} from '../../scripts/lib/shards/patch.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'readout-patch-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function folder(name: string, files: Record<string, string>): Promise<string> {
  const root = join(dir, name);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  await mkdir(root, { recursive: true });
  return root;
}

async function files(root: string): Promise<Record<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const out: Record<string, string> = {};
  for (const e of entries.filter((e) => e.isFile()))
    out[relative(root, join(e.parentPath, e.name))] = await readFile(
      join(e.parentPath, e.name),
      'utf8',
    );
  return out;
}

describe('pagesToRender', () => {
  const shard = { index: 2, count: 3 };
  const pages = { 'meeting:a': '1', 'meeting:b': '2', 'person:x': '3', 'person:y': '4' };

  it('renders the whole shard when its folder records no build of it, or another shard', async () => {
    const site = await folder('site', {});
    expect(await pagesToRender(site, shard, { shared: 's', pages })).toBeUndefined();
    await writeShardPages(site, { index: 1, count: 3 }, { shared: 's', pages });
    expect(await pagesToRender(site, shard, { shared: 's', pages })).toBeUndefined();
  });

  it('lists the meetings and people changed, added or gone when what every page reads is the same', async () => {
    const site = await folder('site', {});
    await writeShardPages(site, shard, { shared: 's', pages });
    const now = {
      'meeting:a': '1',
      'meeting:b': '9',
      'person:x': '3',
      'person:y': '4',
      'person:z': '5',
    };
    expect(await pagesToRender(site, shard, { shared: 's', pages: now })).toEqual([
      'meeting:b',
      'person:z',
    ]);
    const { 'person:y': _, ...gone } = pages;
    expect(await pagesToRender(site, shard, { shared: 's', pages: gone })).toEqual(['person:y']);
  });

  it('renders the whole shard when what every page reads changed, or most of it did', async () => {
    const site = await folder('site', {});
    await writeShardPages(site, shard, { shared: 's', pages });
    expect(await pagesToRender(site, shard, { shared: 't', pages })).toBeUndefined();
    const most = { 'meeting:a': '0', 'meeting:b': '0', 'person:x': '0', 'person:y': '4' };
    expect(await pagesToRender(site, shard, { shared: 's', pages: most })).toBeUndefined();
  });
});

describe('patchShard', () => {
  it('maps a meeting to its slug folder and a person to their speakers folder', () => {
    expect(pagesFolder('meeting:idm-2018')).toBe('idm-2018/');
    expect(pagesFolder('person:jane-doe')).toBe('speakers/jane-doe/');
    expect(() => pagesFolder('idm-2018')).toThrow();
  });

  it('keeps the pages of what did not change, replaces what was rendered and drops what is gone', async () => {
    const loc = (path: string) => `<url><loc>https://example.org/idm/${path}</loc></url>`;
    const sitemap = (paths: string[]) =>
      `<?xml version="1.0"?><urlset>${paths.map(loc).join('')}</urlset>`;
    const old = await folder('old', {
      'index.html': 'front door',
      'a/index.html': 'meeting a, old',
      'a/sessions/renamed/index.html': 'a session since renamed',
      'b/index.html': 'meeting b',
      'speakers/x/index.html': 'person x',
      'speakers/x-2/index.html': 'person x-2, another person',
      'sitemap-0.xml': sitemap([
        '',
        'a/',
        'a/sessions/renamed/',
        'b/',
        'speakers/x/',
        'speakers/x-2/',
      ]),
      'sitemap-index.xml':
        '<sitemapindex><sitemap><loc>sitemap-0.xml</loc></sitemap></sitemapindex>',
      [SEARCH_PAGES_FILE]: JSON.stringify([
        { path: 'a/sessions/renamed/index.html', words: 5 },
        { path: 'b/index.html', words: 7 },
        { path: 'a/index.html', words: 9 },
      ]),
      '.readout-build.json': '{"stamp":"old"}',
    });
    const rendered = await folder('rendered', {
      'index.html': 'front door',
      'a/index.html': 'meeting a, new',
      'a/sessions/new-name/index.html': 'the session, renamed',
      'speakers/x/index.html': 'person x, new quote',
      'sitemap-0.xml': sitemap(['', 'a/', 'a/sessions/new-name/', 'speakers/x/']),
      'sitemap-index.xml':
        '<sitemapindex><sitemap><loc>sitemap-0.xml</loc></sitemap></sitemapindex>',
      [SEARCH_PAGES_FILE]: JSON.stringify([
        { path: 'a/sessions/new-name/index.html', words: 5 },
        { path: 'a/index.html', words: 8 },
      ]),
    });
    const target = await folder('target', {});
    await patchShard(old, rendered, target, ['meeting:a', 'person:x'], {
      SITE_URL: 'https://example.org',
      BASE_PATH: '/idm',
    });
    const out = await files(target);
    expect(out['a/index.html']).toBe('meeting a, new');
    expect(out['b/index.html']).toBe('meeting b');
    expect(out['speakers/x/index.html']).toBe('person x, new quote');
    expect(out['speakers/x-2/index.html']).toBe('person x-2, another person');
    expect(out['a/sessions/new-name/index.html']).toBeDefined();
    expect(out['a/sessions/renamed/index.html']).toBeUndefined();
    expect(out['.readout-build.json']).toBeUndefined();
    expect(JSON.parse(out[SEARCH_PAGES_FILE]!)).toEqual([
      { path: 'a/sessions/new-name/index.html', words: 5 },
      { path: 'b/index.html', words: 7 },
      { path: 'a/index.html', words: 8 },
    ]);
    const locs = [...out['sitemap-0.xml']!.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    // In the sitemap integration's order (see merge-folders.ts).
    expect(locs).toEqual(
      ['', 'a/', 'a/sessions/new-name/', 'b/', 'speakers/x-2/', 'speakers/x/'].map(
        (path) => `https://example.org/idm/${path}`,
      ),
    );
  });
});
