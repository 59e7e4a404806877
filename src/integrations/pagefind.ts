/**
 * Indexes the built site with Pagefind's Node API once Astro has written it, and writes the
 * site's word list beside the index. Any error Pagefind reports fails the build: a site whose
 * search silently finds nothing is worse than no site.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type * as Pagefind from 'pagefind';
import { vocabularyPrefixKey } from '../client/search/typo-correction.ts';
import { PAGEFIND_BUNDLE_DIR, VOCABULARY_FILE } from '../constants.ts';
import { shortenBundleNames } from './pagefind-meta.ts';
import { searchDocument, searchPages, writeSearchPages, type SearchPage } from './search-pages.ts';
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
  /** Why the bundle's file names were left as Pagefind wrote them (see shortenBundleNames), if they were. */
  uncompacted?: string;
}

/** Throws a SearchIndexError when a Pagefind response carries errors. */
function assertNoErrors(step: string, response: { errors: string[] }): void {
  if (response.errors.length > 0) throw new SearchIndexError(step, response.errors);
}

/**
 * Indexes the search pages under `siteDir` (see searchPages) and writes the bundle and the
 * vocabulary into `<siteDir>/pagefind/`. The Pagefind module is passed in so tests can use a fake;
 * `pages`, when the shards of the site listed them, saves reading every page to find them.
 *
 * Pages go to Pagefind one at a time, fewest words first, and the vocabulary is read back from
 * the written fragments one file at a time: neither the site nor the bundle is ever held in
 * memory whole, so the indexer's memory follows the indexed text, not the site.
 */
export async function indexSite(
  siteDir: string,
  pagefind: typeof Pagefind,
  pages?: SearchPage[],
): Promise<IndexSummary> {
  pages ??= await searchPages(siteDir);
  if (pages.length === 0)
    throw new SearchIndexError(`find any page to index in ${siteDir}`, [
      'no HTML file marks its text with data-pagefind-body',
    ]);
  const outputPath = join(siteDir, PAGEFIND_BUNDLE_DIR);
  await writeIndex(siteDir, pages, outputPath, pagefind);
  const compacted = await shortenBundleNames(outputPath);
  const vocabulary = buildVocabulary(await fragmentTexts(join(outputPath, 'fragment')));
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
  return {
    pageCount: pages.length,
    wordCount: vocabulary.split('\n').length - 1,
    ...('skipped' in compacted ? { uncompacted: compacted.skipped } : {}),
  };
}

/** Pagefind's bundle of `pages`, given in that order, written to `outputPath`. */
async function writeIndex(
  siteDir: string,
  pages: readonly SearchPage[],
  outputPath: string,
  pagefind: typeof Pagefind,
): Promise<void> {
  const { errors, index } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new SearchIndexError('start', errors);
  try {
    // One page at a time, in order (Pagefind numbers pages as they arrive), reading the next
    // page while Pagefind parses this one.
    const load = (page: SearchPage) =>
      readFile(join(siteDir, page.path), 'utf8').then(searchDocument);
    let next = pages[0] && load(pages[0]);
    for (const [i, page] of pages.entries()) {
      const content = await next!;
      next = pages[i + 1] && load(pages[i + 1]!);
      assertNoErrors(
        `index ${page.path}`,
        await index.addHTMLFile({ sourcePath: page.path, content }),
      );
    }
    assertNoErrors(`write ${outputPath}`, await index.writeFiles({ outputPath }));
  } finally {
    await pagefind.close();
  }
}

/** The indexed text of every fragment in `dir`, read one file at a time, in name order. */
async function fragmentTexts(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.pf_fragment')).sort();
  const texts: string[] = [];
  for (const name of names) texts.push(fragmentText(await readFile(join(dir, name))));
  return texts;
}

/** Logs the summary line. */
function reportIndex(logger: AstroIntegrationLogger, summary: IndexSummary): void {
  logger.info(
    `Indexed ${summary.pageCount} pages for search (${summary.wordCount} words in the spelling vocabulary).`,
  );
  if (summary.uncompacted)
    logger.warn(`Search's page list kept Pagefind's long file names: ${summary.uncompacted}.`);
}

/** The Astro integration: runs `indexSite` over the output directory after every build. */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'readout:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // A shard of an archive is indexed with the other shards once they are joined
        // (--assemble); it lists its search pages, so that step need not read all of them.
        if (process.env['READOUT_SHARD']) {
          await writeSearchPages(fileURLToPath(dir));
          return;
        }
        const pagefind = await import('pagefind');
        reportIndex(logger, await indexSite(fileURLToPath(dir), pagefind));
      },
    },
  };
}
