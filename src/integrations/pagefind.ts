/**
 * Indexes the built site with Pagefind's Node API once Astro has written it, and writes the
 * site's word list beside the index. Any error Pagefind reports fails the build: a site whose
 * search silently finds nothing is worse than no site.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type * as Pagefind from 'pagefind';
import { vocabularyPrefixKey } from '../client/search/typo-correction.ts';
import { PAGEFIND_BUNDLE_DIR, VOCABULARY_FILE } from '../constants.ts';
import {
  buildVocabulary,
  chunkVocabulary,
  fragmentText,
  VOCABULARY_CHUNKS_DIR,
} from './search-vocabulary.ts';

/** A failure of the search index: names the step and what to do about it. */
export class SearchIndexError extends Error {
  constructor(step: string, errors: readonly string[]) {
    super(
      `Pagefind could not ${step}: ${errors.join('; ')}. ` +
        'Check that the built pages are valid HTML and that content pages mark their text with data-pagefind-body.',
    );
    this.name = 'SearchIndexError';
  }
}

/** What indexing produced, for the build log. */
export interface IndexSummary {
  /** Pages Pagefind indexed. */
  pageCount: number;
  /** Distinct words in the vocabulary file. */
  wordCount: number;
}

/** Throws a SearchIndexError when a Pagefind response carries errors. */
function assertNoErrors(step: string, response: { errors: string[] }): void {
  if (response.errors.length > 0) throw new SearchIndexError(step, response.errors);
}

/**
 * Indexes every HTML file under `siteDir` and writes the bundle and the vocabulary into
 * `<siteDir>/pagefind/`. The Pagefind module is passed in so tests can use a fake.
 */
export async function indexSite(siteDir: string, pagefind: typeof Pagefind): Promise<IndexSummary> {
  const { errors, index } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new SearchIndexError('start', errors);
  try {
    const added = await index.addDirectory({ path: siteDir });
    assertNoErrors(`index ${siteDir}`, added);
    if (added.page_count === 0)
      throw new SearchIndexError(`find any page in ${siteDir}`, ['no HTML files']);
    const outputPath = join(siteDir, PAGEFIND_BUNDLE_DIR);
    assertNoErrors(`write ${outputPath}`, await index.writeFiles({ outputPath }));
    const bundle = await index.getFiles();
    assertNoErrors('read back the index', bundle);
    const texts = bundle.files
      .filter((file) => file.path.endsWith('.pf_fragment'))
      .map((file) => fragmentText(file.content));
    const vocabulary = buildVocabulary(texts);
    await writeFile(join(outputPath, VOCABULARY_FILE), vocabulary);
    // The browser loads only the chunks of the words searched for: the narrow ones first, the
    // wide ones to correct a word (see vocabularyPrefixKey and vocabularyChunkKey).
    await mkdir(join(outputPath, VOCABULARY_CHUNKS_DIR), { recursive: true });
    const chunks = [
      ...chunkVocabulary(vocabulary),
      ...chunkVocabulary(vocabulary, vocabularyPrefixKey),
    ];
    for (const [key, words] of chunks)
      await writeFile(join(outputPath, VOCABULARY_CHUNKS_DIR, `${key}.txt`), words);
    return { pageCount: added.page_count, wordCount: vocabulary.split('\n').length - 1 };
  } finally {
    await pagefind.close();
  }
}

/** Logs the summary line. */
function reportIndex(logger: AstroIntegrationLogger, summary: IndexSummary): void {
  logger.info(
    `Indexed ${summary.pageCount} pages for search (${summary.wordCount} words in the spelling vocabulary).`,
  );
}

/** The Astro integration: runs `indexSite` over the output directory after every build. */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'readout:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // A shard of an archive is indexed with the other shards once they are joined (--assemble).
        if (process.env['READOUT_SHARD']) return;
        const pagefind = await import('pagefind');
        reportIndex(logger, await indexSite(fileURLToPath(dir), pagefind));
      },
    },
  };
}
