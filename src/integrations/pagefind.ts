/**
 * Indexes the built site with Pagefind's Node API once Astro has written it, and writes the
 * site's word list beside the index. Any error Pagefind reports fails the build: a site whose
 * search silently finds nothing is worse than no site.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type * as Pagefind from 'pagefind';
import { vocabularyPrefixKey } from '../client/search/typo-correction.ts';
import { PAGEFIND_BUNDLE_DIR, VOCABULARY_FILE } from '../constants.ts';
import { joinBundles } from './pagefind-merge.ts';
import { PagefindFormatError, shortenBundleNames } from './pagefind-meta.ts';
import {
  searchDocument,
  searchPages,
  searchRuns,
  writeSearchPages,
  type SearchPage,
} from './search-pages.ts';
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

/**
 * Most words one Pagefind process indexes. Pagefind holds every word of its pages until it has
 * written them, ≈ 370 bytes a word at its peak (bench/search-index.md): 2.5 million words keep
 * it under 1 GiB, whatever the archive. More words are indexed in runs and joined
 * (pagefind-merge.ts); 100 meetings of the bench corpus are ≈ 0.8 million words.
 */
export const WORDS_PER_RUN = 2_500_000;

/** Where the runs' bundles are written before they are joined, inside the site being built. */
const RUNS_DIR = '.readout-search-runs';

/** What indexing produced, for the build log. */
export interface IndexSummary {
  /** Pages Pagefind indexed. */
  pageCount: number;
  /** Pagefind processes the pages were indexed in, one after another (see WORDS_PER_RUN). */
  runs: number;
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
  wordsPerRun = WORDS_PER_RUN,
): Promise<IndexSummary> {
  pages ??= await searchPages(siteDir);
  if (pages.length === 0)
    throw new SearchIndexError(`find any page to index in ${siteDir}`, [
      'no HTML file marks its text with data-pagefind-body',
    ]);
  const outputPath = join(siteDir, PAGEFIND_BUNDLE_DIR);
  const runs = searchRuns(pages, wordsPerRun);
  if (runs.length === 1) await writeIndex(siteDir, pages, outputPath, pagefind);
  else await writeIndexInRuns(siteDir, runs, outputPath, pagefind);
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
    runs: runs.length,
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

/**
 * Pagefind's bundle of `runs` (consecutive runs of the page list), each indexed by a Pagefind
 * process of its own into a folder of the site, then joined into one bundle at `outputPath`.
 */
async function writeIndexInRuns(
  siteDir: string,
  runs: readonly SearchPage[][],
  outputPath: string,
  pagefind: typeof Pagefind,
): Promise<void> {
  const runsDir = join(siteDir, RUNS_DIR);
  await rm(runsDir, { recursive: true, force: true });
  try {
    const dirs: string[] = [];
    for (const [i, run] of runs.entries()) {
      dirs.push(join(runsDir, `${i + 1}`));
      await writeIndex(siteDir, run, dirs[i]!, pagefind);
    }
    await joinBundles(dirs, outputPath).catch((error: unknown) => {
      if (error instanceof PagefindFormatError)
        throw new SearchIndexError(`join the indexes of ${runs.length} runs`, [error.message]);
      throw error;
    });
  } finally {
    await rm(runsDir, { recursive: true, force: true });
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
  const runs = summary.runs > 1 ? ` in ${summary.runs} runs` : '';
  logger.info(
    `Indexed ${summary.pageCount} pages for search${runs} (${summary.wordCount} words in the spelling vocabulary).`,
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
