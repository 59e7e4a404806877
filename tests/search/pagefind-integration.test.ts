import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type * as Pagefind from 'pagefind';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexSite, SearchIndexError } from '../../src/integrations/pagefind.ts';
import { VOCABULARY_CHUNKS_DIR, VOCABULARY_FILE } from '../../src/constants.ts';
import {
  vocabularyChunkKey,
  vocabularyPrefixKey,
} from '../../src/client/search/typo-correction.ts';
import {
  buildVocabulary,
  chunkVocabulary,
  fragmentText,
} from '../../src/integrations/search-vocabulary.ts';

/** A fragment file as Pagefind writes it: gzip of a signature and JSON. */
function fragment(record: object): Uint8Array {
  return gzipSync(`pagefind_dcd${JSON.stringify(record)}`);
}

/** A fake Pagefind module whose steps answer with the given errors (for the failure paths). */
function fakePagefind(
  errors: { add?: string[]; write?: string[] } = {},
): typeof Pagefind & { closed: boolean; added: string[] } {
  const fake = {
    closed: false,
    added: [] as string[],
    createIndex: async () => ({
      errors: [],
      index: {
        addHTMLFile: async ({ sourcePath }: { sourcePath: string }) => {
          fake.added.push(sourcePath);
          return { errors: errors.add ?? [], file: { url: sourcePath, meta: {}, uniqueWords: 1 } };
        },
        writeFiles: async ({ outputPath }: { outputPath: string }) => ({
          errors: errors.write ?? [],
          outputPath,
        }),
      },
    }),
    close: async () => {
      fake.closed = true;
      return null;
    },
  };
  return fake as unknown as typeof Pagefind & { closed: boolean; added: string[] };
}

const page = (body: string, marked = true) =>
  `<!doctype html><html lang="en"><head><title>t</title></head><body><nav>Menu</nav>` +
  `<main${marked ? ' data-pagefind-body' : ''}>${body}</main></body></html>`;

describe('indexSite', () => {
  let siteDir: string;
  beforeEach(async () => {
    siteDir = await mkdtemp(join(tmpdir(), 'readout-search-'));
  });
  afterEach(async () => {
    await rm(siteDir, { recursive: true, force: true });
  });

  async function writePage(path: string, html: string): Promise<void> {
    await mkdir(join(siteDir, path, '..'), { recursive: true });
    await writeFile(join(siteDir, path), html);
  }

  it('indexes only the pages that mark their text, and writes their vocabulary beside the bundle', async () => {
    await writePage(
      'forum/index.html',
      page('<h1>Forced labour</h1><p>Trafficking and <a href="/x/">labour</a>, São Paulo.</p>'),
    );
    await writePage(
      'forum/speakers/someone/index.html',
      page('<p>Unmarked person page</p>', false),
    );
    const summary = await indexSite(siteDir, await import('pagefind'));
    expect(summary).toEqual({ pageCount: 1, runs: 1, reusedRuns: 0, wordCount: 6 });
    expect(await readFile(join(siteDir, 'pagefind', VOCABULARY_FILE), 'utf8')).toBe(
      'labour\nforced\nand\npaulo\nsao\ntrafficking\n',
    );
    expect(await readdir(join(siteDir, 'pagefind', 'fragment'))).toHaveLength(1);
  });

  it('writes the vocabulary in chunks by first letter and by first two letters, most frequent first', async () => {
    await writePage(
      'forum/index.html',
      page('<h1>Forced labour</h1><p>Trafficking and labour, São Paulo. Trade.</p>'),
    );
    await indexSite(siteDir, await import('pagefind'));
    const chunk = (key: string) =>
      readFile(join(siteDir, 'pagefind', VOCABULARY_CHUNKS_DIR, `${key}.txt`), 'utf8');
    expect(await chunk('l')).toBe('labour\n');
    expect(await chunk('s')).toBe('sao\n');
    expect(await chunk('t')).toBe('trade\ntrafficking\n');
    expect(await chunk('la')).toBe('labour\n');
    expect(await chunk('tr')).toBe('trade\ntrafficking\n');
  });

  it('gives Pagefind the pages fewest words first, so its page list compresses', async () => {
    await writePage('long/index.html', page('<p>one two three four five six</p>'));
    await writePage('short/index.html', page('<p>one two</p>'));
    await writePage('middle/index.html', page('<p>one two three <span>fo</span>ur</p>'));
    const pagefind = fakePagefind();
    await indexSite(siteDir, pagefind).catch(() => undefined);
    expect(pagefind.added).toEqual(['short/index.html', 'middle/index.html', 'long/index.html']);
  });

  it('fails the build when Pagefind reports an error, and says how to fix it', async () => {
    await writePage('forum/index.html', page('<p>Text</p>'));
    const pagefind = fakePagefind({ add: ['Failed to parse index.html'] });
    await expect(indexSite(siteDir, pagefind)).rejects.toThrow(SearchIndexError);
    await expect(indexSite(siteDir, pagefind)).rejects.toThrow(
      /Failed to parse index\.html.*data-pagefind-body/,
    );
    expect(pagefind.closed).toBe(true);
  });

  it('fails the build when no page marks text for search', async () => {
    await writePage('forum/index.html', page('<p>Text</p>', false));
    await expect(indexSite(siteDir, fakePagefind())).rejects.toThrow(/could not find any page/);
  });
});

describe('the spelling vocabulary', () => {
  it('reads the title and text of a fragment', () => {
    expect(fragmentText(fragment({ meta: { title: 'Title' }, content: 'Body text' }))).toBe(
      'Title Body text',
    );
  });

  it('lists words once, most frequent first, without accents, numbers or short words', () => {
    expect(buildVocabulary(['Labour labour São 2018 of IOM’s', 'labour Paulo'])).toBe(
      'labour\niom\npaulo\nsao\n',
    );
  });
});

describe('chunkVocabulary', () => {
  it('puts every word in exactly one chunk, keeping the order of frequency within each', () => {
    const vocabulary = 'trafficking\nmigration\ntrade\nsão\nmigrants\n1990s\néducation\nmarkets\n';
    const chunks = chunkVocabulary(vocabulary);
    expect(chunks.get('t')).toBe('trafficking\ntrade\n');
    expect(chunks.get('m')).toBe('migration\nmigrants\nmarkets\n');
    expect(chunks.get('e')).toBe('éducation\n');
    expect(chunks.get('1')).toBe('1990s\n');
    const words = [...chunks.values()].flatMap((text) => text.split('\n').filter(Boolean));
    expect(words.sort()).toEqual(vocabulary.split('\n').filter(Boolean).sort());
  });

  it('splits by the first two letters when told, each chunk a part of its first letter chunk', () => {
    const vocabulary =
      'trafficking\nmigration\ntrade\nsão\nmigrants\n1990s\néducation\nmarkets\nt-shirt\n';
    const narrow = chunkVocabulary(vocabulary, vocabularyPrefixKey);
    expect(narrow.get('tr')).toBe('trafficking\ntrade\n');
    expect(narrow.get('mi')).toBe('migration\nmigrants\n');
    expect(narrow.get('ma')).toBe('markets\n');
    expect(narrow.get('ed')).toBe('éducation\n');
    expect(narrow.get('t_')).toBe('t-shirt\n');
    const wide = chunkVocabulary(vocabulary);
    for (const [key, text] of narrow)
      for (const word of text.split('\n').filter(Boolean))
        expect(wide.get(vocabularyChunkKey(key))?.split('\n')).toContain(word);
  });
});
