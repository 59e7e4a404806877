import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
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

/** A fake Pagefind module whose steps answer with the given errors. */
function fakePagefind(
  errors: { add?: string[]; write?: string[] } = {},
  pageCount = 2,
): typeof Pagefind & { closed: boolean } {
  const fake = {
    closed: false,
    createIndex: async () => ({
      errors: [],
      index: {
        addDirectory: async () => ({ errors: errors.add ?? [], page_count: pageCount }),
        writeFiles: async ({ outputPath }: { outputPath: string }) => ({
          errors: errors.write ?? [],
          outputPath,
        }),
        getFiles: async () => ({
          errors: [],
          files: [
            {
              path: 'fragment/en_1.pf_fragment',
              content: fragment({
                meta: { title: 'Forced labour' },
                content: 'Trafficking and labour, São Paulo.',
              }),
            },
            { path: 'pagefind.js', content: new Uint8Array() },
          ],
        }),
      },
    }),
    close: async () => {
      fake.closed = true;
      return null;
    },
  };
  return fake as unknown as typeof Pagefind & { closed: boolean };
}

describe('indexSite', () => {
  let siteDir: string;
  beforeEach(async () => {
    siteDir = await mkdtemp(join(tmpdir(), 'readout-search-'));
  });
  afterEach(async () => {
    await rm(siteDir, { recursive: true, force: true });
  });

  it('writes the vocabulary of the indexed text beside the bundle', async () => {
    await mkdir(join(siteDir, 'pagefind'));
    const summary = await indexSite(siteDir, fakePagefind());
    expect(summary).toEqual({ pageCount: 2, wordCount: 6 });
    expect(await readFile(join(siteDir, 'pagefind', VOCABULARY_FILE), 'utf8')).toBe(
      'labour\nand\nforced\npaulo\nsao\ntrafficking\n',
    );
  });

  it('writes the vocabulary in chunks by first letter, each most frequent first', async () => {
    await mkdir(join(siteDir, 'pagefind'));
    await indexSite(siteDir, fakePagefind());
    const chunk = (key: string) =>
      readFile(join(siteDir, 'pagefind', VOCABULARY_CHUNKS_DIR, `${key}.txt`), 'utf8');
    expect(await chunk('l')).toBe('labour\n');
    expect(await chunk('s')).toBe('sao\n');
    expect(await chunk('t')).toBe('trafficking\n');
  });

  it('writes narrow chunks by the first two letters too, for words that need no correcting', async () => {
    await mkdir(join(siteDir, 'pagefind'));
    await indexSite(siteDir, fakePagefind());
    const chunk = (key: string) =>
      readFile(join(siteDir, 'pagefind', VOCABULARY_CHUNKS_DIR, `${key}.txt`), 'utf8');
    expect(await chunk('la')).toBe('labour\n');
    expect(await chunk('sa')).toBe('sao\n');
    expect(await chunk('tr')).toBe('trafficking\n');
  });

  it('fails the build when Pagefind reports an error, and says how to fix it', async () => {
    const pagefind = fakePagefind({ add: ['Failed to parse index.html'] });
    await expect(indexSite(siteDir, pagefind)).rejects.toThrow(SearchIndexError);
    await expect(indexSite(siteDir, pagefind)).rejects.toThrow(
      /Failed to parse index\.html.*data-pagefind-body/,
    );
    expect(pagefind.closed).toBe(true);
  });

  it('fails the build when there is nothing to index', async () => {
    await expect(indexSite(siteDir, fakePagefind({}, 0))).rejects.toThrow(
      /could not find any page/,
    );
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
