import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shortenBundleNames, renamePages } from '../../src/integrations/pagefind-meta.ts';
import {
  estimateWords,
  inIndexOrder,
  isSearchPage,
  searchDocument,
  shardSearchPages,
  writeSearchPages,
} from '../../src/integrations/search-pages.ts';

/** A CBOR text string (short ones only: a one-byte head). */
const text = (value: string) => [0x60 | Buffer.byteLength(value), ...Buffer.from(value)];

/**
 * A page list as Pagefind 1.6 writes it: [version, [[name, words, group]…], [[from, to,
 * chunk]…], [[filter, chunk]…], [], [meta fields…]].
 */
function pageList(
  pages: [string, number, string][],
  version = '1.6.0',
  chunk = 'en_7d54d8a',
  filter = 'en_5c91a54',
): Buffer {
  const body = [0x86, ...text(version), 0x80 | pages.length];
  for (const [name, words, group] of pages)
    body.push(0x83, ...text(name), 0x18, words, ...text(group));
  body.push(0x81, 0x83, ...text('a'), ...text('z'), ...text(chunk));
  body.push(0x81, 0x82, ...text('country'), ...text(filter));
  body.push(0x80, 0x81, ...text('title'));
  return Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(body)]);
}

describe('renamePages', () => {
  it('renames every page after its place in the list and copies every other byte', () => {
    const before = pageList([
      ['en_3f2a1b9', 40, ''],
      ['en_0c1d2e3', 90, ''],
    ]);
    const { meta, folders } = renamePages(before, 'en_cfbb9cb2d4');
    expect(folders.map((f) => [f.folder, f.renames])).toEqual([
      [
        'fragment',
        [
          ['en_3f2a1b9', '2d40'],
          ['en_0c1d2e3', '2d41'],
        ],
      ],
      ['index', [['en_7d54d8a', '2d40']]],
      ['filter', [['en_5c91a54', '2d40']]],
    ]);
    expect(meta).toEqual(
      pageList(
        [
          ['2d40', 40, ''],
          ['2d41', 90, ''],
        ],
        '1.6.0',
        '2d40',
        '2d40',
      ),
    );
  });

  it('leaves a list of another Pagefind version or with bundled fragments alone', () => {
    expect(() => renamePages(pageList([['en_1', 1, '']], '2.0.0'), 'h')).toThrow(/version 2\.0\.0/);
    expect(() => renamePages(pageList([['en_1', 1, 'en_group']]), 'h')).toThrow(/groups/);
    expect(() => renamePages(Buffer.from('not a list'), 'h')).toThrow(/signature/);
  });
});

describe('shortenBundleNames', () => {
  let bundle: string;
  beforeEach(async () => {
    bundle = await mkdtemp(join(tmpdir(), 'readout-meta-'));
  });
  afterEach(async () => {
    await rm(bundle, { recursive: true, force: true });
  });

  it("renames a real bundle's files, and its page list names exactly those files", async () => {
    const pagefind = await import('pagefind');
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    for (const n of [1, 2, 3])
      await index!.addHTMLFile({
        sourcePath: `p${n}/index.html`,
        content: `<html><body><main data-pagefind-body><p>page ${n} words</p></main></body></html>`,
      });
    await index!.writeFiles({ outputPath: bundle });
    await pagefind.close();
    const folders = ['fragment', 'index', 'filter'];
    const list = async () =>
      (await Promise.all(folders.map((f) => readdir(join(bundle, f)).catch(() => [])))).flat();
    const before = await list();
    expect(await shortenBundleNames(bundle)).toEqual({ renamed: 3 });
    const after = await list();
    const entry = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8'));
    const meta = gunzipSync(
      await readFile(join(bundle, `pagefind.${entry.languages.en.hash}.pf_meta`)),
    ).toString('latin1');
    expect(after).toHaveLength(before.length);
    expect(after.filter((name) => name.endsWith('.pf_fragment'))).toHaveLength(3);
    for (const name of after) {
      expect(name).toMatch(/^[0-9a-z]{4}\.pf_(fragment|index)$/);
      expect(meta).toContain(name.replace(/\.pf_\w+$/, ''));
    }
    for (const name of before) expect(meta).not.toContain(name.replace(/\.pf_\w+$/, ''));
  });

  it('leaves a bundle whose list it cannot read as Pagefind wrote it', async () => {
    await mkdir(join(bundle, 'fragment'));
    await writeFile(join(bundle, 'fragment', 'en_1.pf_fragment'), 'x');
    await writeFile(join(bundle, 'pagefind-entry.json'), '{"languages":{"en":{"hash":"en_1"}}}');
    const { gzipSync } = await import('node:zlib');
    await writeFile(join(bundle, 'pagefind.en_1.pf_meta'), gzipSync('pagefind_dcd?'));
    expect(await shortenBundleNames(bundle)).toHaveProperty('skipped');
    expect(await readdir(join(bundle, 'fragment'))).toEqual(['en_1.pf_fragment']);
  });
});

describe('the search pages', () => {
  it('are the pages whose markup, not text, carries data-pagefind-body', () => {
    expect(isSearchPage('<main data-pagefind-body><p>x</p></main>')).toBe(true);
    expect(isSearchPage('<p>quoting &lt;main data-pagefind-body&gt; as text</p>')).toBe(false);
    expect(isSearchPage('<main data-pagefind-bodyguard>')).toBe(false);
  });

  it('count the words Pagefind counts: the body, less what it ignores, inline tags joining', () => {
    const html =
      '<body><nav>one two</nav><main data-pagefind-body><h1>Title here</h1>' +
      '<p>A <a href="/">link</a>, and <em>em</em>phasis.</p>' +
      '<aside data-pagefind-ignore><p>not <b>counted</b></p><div><div>deep</div></div></aside>' +
      '<script>let notWords = 1;</script><p>last</p></main><footer>out</footer></body>';
    // "Title here A link, and emphasis. last"
    expect(estimateWords(html)).toBe(7);
  });
});

describe('searchDocument', () => {
  /** A page as Readout renders one: styles and scripts, facts in the header, the body in <main>. */
  const page =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Session 2 · Forum</title>' +
    '<style>main{color:red}</style><script type="module">let x = "hidden words";</script></head>' +
    '<body><header><div data-pagefind-ignore><span data-pagefind-meta="title:Session 2"></span>' +
    '<span data-pagefind-filter="speaker:Ana Ruiz"></span><meta data-pagefind-meta="kind:Session">' +
    '<svg viewBox="0 0 1 1"><title>icon</title></svg></div></header>' +
    '<main data-pagefind-body><h1 id="top">Session 2</h1><p id="p-1">Ana Ruiz spoke on ' +
    '<a href="/x/">labour</a> migration.</p><script>let y = 1;</script>' +
    '<div data-pagefind-ignore>Share this page</div><p id="p-2">Figures: 50,000.</p></main>' +
    '<footer>Readout</footer><span data-pagefind-filter="country:Chile">Chile</span></body></html>';

  async function bundleOf(html: string): Promise<Map<string, string>> {
    const pagefind = await import('pagefind');
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    await index!.addHTMLFile({ sourcePath: 'forum/session-2/index.html', content: html });
    const { files } = await index!.getFiles();
    await pagefind.close();
    return new Map(
      files
        .filter((file) => /\.pf_(fragment|index|filter|meta)$/.test(file.path))
        .map((file) => [file.path, Buffer.from(file.content).toString('base64')]),
    );
  }

  it('is indexed exactly as the whole page, from a fraction of its bytes', async () => {
    const reduced = searchDocument(page);
    expect(reduced.length).toBeLessThan(page.length * 0.8);
    expect(reduced).not.toContain('color:red');
    const [whole, part] = [await bundleOf(page), await bundleOf(reduced)];
    expect(whole.size).toBeGreaterThan(3);
    expect(part).toEqual(whole);
  });
});

describe('the search pages of shards', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'readout-shards-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function shard(name: string, pages: Record<string, string>): Promise<string> {
    for (const [path, html] of Object.entries(pages)) {
      await mkdir(join(root, name, path, '..'), { recursive: true });
      await writeFile(join(root, name, path), html);
    }
    return join(root, name);
  }

  it('are listed by each shard in the order a whole build indexes them', async () => {
    const body = (words: string) => `<main data-pagefind-body><p>${words}</p></main>`;
    const one = await shard('1', {
      'a/index.html': body('three words here'),
      'a/speakers/x/index.html': '<main><p>not searched</p></main>',
    });
    const two = await shard('2', {
      'b/index.html': body('two words'),
      'c/index.html': body('one'),
    });
    expect(await writeSearchPages(one)).toBe(1);
    expect(await writeSearchPages(two)).toBe(2);
    const listed = await shardSearchPages([one, two]);
    expect(listed?.map((shard) => [shard.folder, shard.pages])).toEqual([
      [one, [{ path: 'a/index.html', words: 3 }]],
      [
        two,
        [
          { path: 'c/index.html', words: 1 },
          { path: 'b/index.html', words: 2 },
        ],
      ],
    ]);
    expect(inIndexOrder(listed!.flatMap((shard) => shard.pages)).map((p) => p.path)).toEqual([
      'c/index.html',
      'b/index.html',
      'a/index.html',
    ]);
  });

  it('are found by reading the joined site when a shard has no list', async () => {
    const one = await shard('1', { 'a/index.html': '<main data-pagefind-body>x</main>' });
    expect(await shardSearchPages([one])).toBeUndefined();
  });
});
