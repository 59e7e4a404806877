/**
 * Indexes the built site with Pagefind's Node API once Astro has written it, and writes the
 * site's word list beside the index. Any error Pagefind reports fails the build: a site whose
 * search silently finds nothing is worse than no site.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type * as Pagefind from 'pagefind';
import { vocabularyPrefixKey } from '../client/search/typo-correction.ts';
import { PAGEFIND_BUNDLE_DIR, VOCABULARY_FILE } from '../constants.ts';
import { joinBundles } from './pagefind-merge.ts';
import { PagefindFormatError, shortenBundleNames } from './pagefind-meta.ts';
import {
  inIndexOrder,
  searchDocument,
  searchPages,
  searchRuns,
  writeSearchPages,
  type SearchPage,
} from './search-pages.ts';
import {
  chunkVocabulary,
  countWords,
  fragmentText,
  rankVocabulary,
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
  /** Runs the pages were indexed in, one Pagefind process each, one after another (see WORDS_PER_RUN). */
  runs: number;
  /** Of those, the runs whose bundles were kept from an earlier build (IndexOptions.groups). */
  reusedRuns: number;
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
 * Pages indexed apart from the others and kept in a cache (a shard's pages): the bundle of each
 * of its runs is reused while the group's `key` (what its pages were made from) is the same.
 */
export interface PageGroup {
  key: string;
  pages: SearchPage[];
}

/** How to index a site (indexSite). */
export interface IndexOptions {
  /** The site's search pages, when already listed (saves reading every page to find them). */
  pages?: SearchPage[];
  /** Most words one Pagefind process indexes (WORDS_PER_RUN unless told). */
  wordsPerRun?: number | undefined;
  /**
   * The pages in groups, each indexed in runs of its own whose bundles are kept in `cacheDir`
   * (only this index's runs stay there): a rebuild re-indexes only the groups that changed.
   */
  groups?: { groups: PageGroup[]; cacheDir: string };
}

/**
 * Indexes the search pages under `siteDir` (see searchPages) and writes the bundle and the
 * vocabulary into `<siteDir>/pagefind/`. The Pagefind module is passed in so tests can use a fake.
 *
 * Pages go to Pagefind one at a time, fewest words first, and the vocabulary is read back from
 * the written fragments one file at a time: neither the site nor the bundle is ever held in
 * memory whole, so the indexer's memory follows the indexed text, not the site.
 */
export async function indexSite(
  siteDir: string,
  pagefind: typeof Pagefind,
  options: IndexOptions = {},
): Promise<IndexSummary> {
  const wordsPerRun = options.wordsPerRun ?? WORDS_PER_RUN;
  const outputPath = join(siteDir, PAGEFIND_BUNDLE_DIR);
  let indexed: { pages: number; runs: number; reused: number; counts: Map<string, number> };
  if (options.groups) {
    indexed = await writeIndexOfGroups(siteDir, options.groups, outputPath, pagefind, wordsPerRun);
  } else {
    const pages = options.pages ?? (await searchPages(siteDir));
    if (pages.length === 0) throw nothingToIndex(siteDir);
    const runs = searchRuns(pages, wordsPerRun);
    if (runs.length === 1) await writeIndex(siteDir, pages, outputPath, pagefind);
    else await writeIndexInRuns(siteDir, runs, outputPath, pagefind);
    indexed = {
      pages: pages.length,
      runs: runs.length,
      reused: 0,
      counts: await countFragmentWords(join(outputPath, 'fragment')),
    };
  }
  const compacted = await shortenBundleNames(outputPath);
  const vocabulary = rankVocabulary(indexed.counts);
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
    pageCount: indexed.pages,
    runs: indexed.runs,
    reusedRuns: indexed.reused,
    wordCount: indexed.counts.size,
    ...('skipped' in compacted ? { uncompacted: compacted.skipped } : {}),
  };
}

function nothingToIndex(siteDir: string): SearchIndexError {
  return new SearchIndexError(`find any page to index in ${siteDir}`, [
    'no HTML file marks its text with data-pagefind-body',
  ]);
}

/** A kept run: its bundle, and its words counted for the vocabulary. */
const RUN_BUNDLE = 'bundle';
const RUN_WORDS = 'words.json';

/**
 * The bundle of all the groups' pages, as one process would write it for them in index order:
 * each group's pages are cut into runs (in index order), each run indexed by a Pagefind process
 * of its own into the cache unless it is there already, and the runs joined with every page at
 * its place in the whole list. Runs the cache holds for no group any more are removed.
 */
async function writeIndexOfGroups(
  siteDir: string,
  { groups, cacheDir }: { groups: PageGroup[]; cacheDir: string },
  outputPath: string,
  pagefind: typeof Pagefind,
  wordsPerRun: number,
): Promise<{ pages: number; runs: number; reused: number; counts: Map<string, number> }> {
  const all = inIndexOrder(groups.flatMap((group) => group.pages));
  if (all.length === 0) throw nothingToIndex(siteDir);
  const place = new Map(all.map((page, i) => [page.path, i]));
  if (place.size !== all.length)
    throw new SearchIndexError('index the pages', ['a page is listed in two groups']);
  await mkdir(cacheDir, { recursive: true });
  const kept = new Set(await readdir(cacheDir));
  const used = new Set<string>();
  const runs: { dir: string; order: number[] }[] = [];
  let reused = 0;
  for (const group of groups) {
    for (const [k, run] of searchRuns(inIndexOrder([...group.pages]), wordsPerRun).entries()) {
      if (run.length === 0) continue;
      const key = createHash('sha256')
        .update(`${group.key}\0${k}\0${JSON.stringify(run)}`)
        .digest('hex')
        .slice(0, 32);
      const dir = join(cacheDir, key);
      if (kept.has(key)) reused++;
      else await indexRunInto(siteDir, run, dir, pagefind);
      used.add(key);
      runs.push({ dir, order: run.map((page) => place.get(page.path)!) });
    }
  }
  await joinBundles(
    runs.map((run) => join(run.dir, RUN_BUNDLE)),
    outputPath,
    { order: runs.map((run) => run.order), keep: true },
  ).catch((error: unknown) => {
    if (error instanceof PagefindFormatError)
      throw new SearchIndexError(`join the indexes of ${runs.length} runs`, [error.message]);
    throw error;
  });
  const counts = new Map<string, number>();
  for (const run of runs)
    for (const [word, count] of JSON.parse(await readFile(join(run.dir, RUN_WORDS), 'utf8')) as [
      string,
      number,
    ][])
      counts.set(word, (counts.get(word) ?? 0) + count);
  for (const name of kept)
    if (!used.has(name)) await rm(join(cacheDir, name), { recursive: true, force: true });
  return { pages: all.length, runs: runs.length, reused, counts };
}

/**
 * Indexes one run into the cache folder `dir`, whole or not at all: it is written beside and
 * renamed into place, so a killed build never leaves a run a later one would reuse.
 */
async function indexRunInto(
  siteDir: string,
  run: readonly SearchPage[],
  dir: string,
  pagefind: typeof Pagefind,
): Promise<void> {
  const staging = `${dir}.${process.pid}.tmp`;
  await rm(staging, { recursive: true, force: true });
  try {
    await writeIndex(siteDir, run, join(staging, RUN_BUNDLE), pagefind);
    const counts = await countFragmentWords(join(staging, RUN_BUNDLE, 'fragment'));
    await writeFile(join(staging, RUN_WORDS), JSON.stringify([...counts]));
    await rename(staging, dir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
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

/** The vocabulary's words of every fragment in `dir` counted, reading one file at a time. */
async function countFragmentWords(dir: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const name of await readdir(dir))
    if (name.endsWith('.pf_fragment'))
      countWords(fragmentText(await readFile(join(dir, name))), counts);
  return counts;
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
