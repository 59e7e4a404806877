/**
 * One Pagefind bundle from bundles of consecutive runs of the page list, so no indexer ever
 * holds the whole archive.
 *
 * Pagefind holds every page's words until it writes the index (≈ 370 bytes a word: ≈ 2.8 GiB
 * for 1,000 meetings). Indexing the pages in runs, each in a Pagefind process of its own, and
 * joining the runs' files here keeps the indexer's peak at one run's, while the browser still
 * loads one index: several indexes merged in the browser would each add their page list and an
 * index chunk of every searched word to a first search (bench/search-index.md).
 *
 * The join is what Pagefind would have written for all the pages at once: run k's pages follow
 * run k-1's in the page list, so its page numbers move up by the pages before it; a word's
 * pages are concatenated across runs; words are re-cut into chunks by Pagefind's own rule; and
 * filters' values join their pages. Files are read one chunk at a time per run. The format is
 * Pagefind 1.6's (pinned): [version, pages, chunks, filters, sorts, meta fields] in the page
 * list; [[word, [[page step, locations, meta locations]…], [[variant, pages]…]]…] in a chunk.
 */
import { copyFile, link, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  encodeIndexFile,
  bundleFileHash,
  PagefindFormatError,
  readIndexFile,
  type CborValue,
} from './pagefind-cbor.ts';

/** Pagefind's chunk size: a chunk ends with the word that brings its locations to this. */
const CHUNK_LOCATIONS = 20000;
const FORMAT_VERSION = /^1\.6\./;

/** Pagefind's order of words, filters and fields: by their UTF-8 bytes. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** One page of a word: its page number (absolute here), word positions, meta positions. */
type WordPage = [number, CborValue[], CborValue[]];
/** A word with its pages and its spelling variants' pages (absolute page numbers). */
interface Word {
  word: string;
  key: Buffer;
  pages: WordPage[];
  variants: [string, WordPage[]][];
}

/** A run's bundle: its folder, its page list and where each of its pages is in the joined list. */
interface Run {
  dir: string;
  meta: CborValue[];
  /** The joined page number of each of its pages. */
  order: readonly number[];
  /** The place of each of its meta fields in the joined list of meta fields. */
  fields: number[];
}

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string; page_count: number }>;
  [key: string]: unknown;
}

const list = (value: CborValue | undefined, what: string): CborValue[] => {
  if (!Array.isArray(value)) throw new PagefindFormatError(what);
  return value;
};
const str = (value: CborValue | undefined, what: string): string => {
  if (typeof value !== 'string') throw new PagefindFormatError(what);
  return value;
};

async function readEntry(dir: string): Promise<{ entry: Entry; language: string }> {
  const entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as Entry;
  const languages = Object.keys(entry.languages);
  if (languages.length !== 1) throw new PagefindFormatError(`${languages.length} languages`);
  return { entry, language: languages[0]! };
}

async function readRun(dir: string): Promise<Omit<Run, 'fields' | 'order'>> {
  const { entry, language } = await readEntry(dir);
  const file = join(dir, `pagefind.${entry.languages[language]!.hash}.pf_meta`);
  const meta = list(readIndexFile(await readFile(file)), 'a page list that is not a list');
  if (!FORMAT_VERSION.test(str(meta[0], 'no version')))
    throw new PagefindFormatError(`version ${String(meta[0])}`);
  if (meta.length !== 6) throw new PagefindFormatError(`a page list of ${meta.length} parts`);
  if (list(meta[4], 'no sorts').length > 0) throw new PagefindFormatError('sort orders');
  return { dir, meta };
}

/**
 * Absolute page numbers from Pagefind's steps (each page's number less the one before), and
 * meta locations naming the joined list's fields: a negative number among them is a field,
 * -1 the first of the run's list.
 */
function absolute(pages: CborValue, run: Run): WordPage[] {
  let at = 0;
  return list(pages, 'a word without pages').map((page) => {
    const [step, locations, metaLocations] = list(page, 'a page that is not a list');
    at += step as number;
    const fields = list(metaLocations, 'no meta locations').map((n) =>
      typeof n === 'number' && n < 0 ? -1 - run.fields[-1 - n]! : n,
    );
    const joined = run.order[at];
    if (joined === undefined)
      throw new PagefindFormatError(`a word on page ${at} of a shorter list`);
    return [joined, list(locations, 'no locations'), fields];
  });
}

/** A word's pages from several runs, in page order. */
const inPageOrder = (pages: WordPage[]): WordPage[] => pages.sort((a, b) => a[0] - b[0]);

/** Back to steps. */
function steps(pages: WordPage[]): CborValue[] {
  let before = 0;
  return pages.map(([page, locations, metaLocations]) => {
    const step = page - before;
    before = page;
    return [step, locations, metaLocations];
  });
}

/** The words of a run in order, reading one chunk file at a time. */
async function* wordsOf(run: Run): AsyncGenerator<Word> {
  for (const chunk of list(run.meta[2], 'no chunk list')) {
    const name = str(list(chunk, 'a chunk entry')[2], 'a chunk without a name');
    const file = list(
      readIndexFile(await readFile(join(run.dir, 'index', `${name}.pf_index`))),
      'a chunk',
    );
    for (const item of list(file[0], 'a chunk without words')) {
      const [word, pages, variants] = list(item, 'a word that is not a list');
      const text = str(word, 'a word that is not text');
      yield {
        word: text,
        key: Buffer.from(text, 'utf8'),
        pages: absolute(pages!, run),
        variants: list(variants, 'no variants').map((variant) => {
          const [spelling, variantPages] = list(variant, 'a variant');
          return [str(spelling, 'a variant spelling'), absolute(variantPages!, run)];
        }),
      };
    }
  }
}

/** The same word from several runs, its pages (and each variant's) in joined page order. */
function joinWord(same: Word[]): Word {
  if (same.length === 1) return same[0]!;
  const variants = new Map<string, WordPage[]>();
  for (const { variants: each } of same)
    for (const [spelling, pages] of each)
      variants.set(spelling, [...(variants.get(spelling) ?? []), ...pages]);
  return {
    ...same[0]!,
    pages: inPageOrder(same.flatMap((w) => w.pages)),
    variants: [...variants].map(([spelling, pages]) => [spelling, inPageOrder(pages)]),
  };
}

/** The shortest prefixes (in characters) that tell `a` from `b`: one past their common prefix. */
function distinctPrefixes(a: string, b: string): [string, string] {
  // By code point, as Rust's chars(): a prefix never splits a character.
  const [x, y] = [Array.from(a), Array.from(b)];
  let common = 0;
  while (common < x.length && common < y.length && x[common] === y[common]) common++;
  return [x.slice(0, common + 1).join(''), y.slice(0, common + 1).join('')];
}

/** Locations a word adds to its chunk, counted as Pagefind counts them. */
function weight(word: Word): number {
  const count = (pages: WordPage[]) =>
    pages.reduce((sum, [, l, m]) => sum + l.length + m.length + 1, 0);
  // Each spelling variant counts one more (found on a site whose chunk bounds differed without it).
  return count(word.pages) + word.variants.reduce((sum, [, pages]) => sum + 1 + count(pages), 0);
}

/**
 * Writes `value` into `dir` named as Pagefind names an index or filter chunk (`<language>_`
 * and seven hex digits of the hash of its CBOR), so the joined page list is byte for byte the
 * one a single process writes; returns the name.
 */
async function writeNamed(
  dir: string,
  extension: string,
  language: string,
  value: CborValue,
): Promise<string> {
  const encoded = encodeIndexFile(value);
  const name = `${language}_${bundleFileHash(encoded, 7)}`;
  // Level 6: a third of level 9's time on an archive's chunks, for 0.2 % more bytes.
  await writeFile(join(dir, `${name}.${extension}`), gzipSync(encoded, { level: 6 }));
  return name;
}

/** Joins the runs' words in byte order and writes them in chunks; returns the chunk list. */
async function writeWords(runs: Run[], outDir: string, language: string): Promise<CborValue[]> {
  const streams = runs.map(wordsOf);
  const nextOf = async (stream: AsyncGenerator<Word>): Promise<Word | undefined> => {
    const next = await stream.next();
    return next.done ? undefined : next.value;
  };
  const heads = await Promise.all(streams.map(nextOf));
  const chunks: CborValue[] = [];
  let chunk: Word[] = [];
  let size = 0;
  const flush = async () => {
    const words = chunk.map((w): CborValue => [
      w.word,
      steps(w.pages),
      w.variants.map(([spelling, pages]): CborValue => [spelling, steps(pages)]),
    ]);
    const name = await writeNamed(join(outDir, 'index'), 'pf_index', language, [words]);
    chunks.push([chunk[0]!.word, chunk.at(-1)!.word, name]);
    // Neighbouring chunks' bounds are cut to the characters that tell them apart, as Pagefind
    // cuts them (its chunk_meta).
    const before = chunks.at(-2) as [string, string, string] | undefined;
    const after = chunks.at(-1) as [string, string, string];
    if (before) [before[1], after[0]] = distinctPrefixes(before[1], after[0]);
    chunk = [];
    size = 0;
  };
  for (;;) {
    let least: Buffer | undefined;
    for (const word of heads)
      if (word && (!least || Buffer.compare(word.key, least) < 0)) least = word.key;
    if (!least) break;
    const same: Word[] = [];
    for (const [i, word] of heads.entries()) {
      if (!word || !word.key.equals(least)) continue;
      same.push(word);
      heads[i] = await nextOf(streams[i]!);
    }
    const word = joinWord(same);
    chunk.push(word);
    size += weight(word);
    if (size >= CHUNK_LOCATIONS) await flush();
  }
  if (chunk.length > 0) await flush();
  return chunks;
}

/** Joins the runs' filters, value by value; returns the filter list. */
async function writeFilters(runs: Run[], outDir: string, language: string): Promise<CborValue[]> {
  const filters = new Map<string, Map<string, number[]>>();
  for (const run of runs) {
    for (const filter of list(run.meta[3], 'no filter list')) {
      const name = str(list(filter, 'a filter entry')[1], 'a filter without a file');
      const [filterName, values] = list(
        readIndexFile(await readFile(join(run.dir, 'filter', `${name}.pf_filter`))),
        'a filter file',
      );
      const joined = filters.get(str(filterName, 'a filter name')) ?? new Map<string, number[]>();
      filters.set(filterName as string, joined);
      for (const entry of list(values, 'filter values')) {
        const [value, pages] = list(entry, 'a filter value');
        const key = str(value, 'a filter value');
        joined.set(key, [
          ...(joined.get(key) ?? []),
          ...list(pages, 'filter pages').map((p) => run.order[p as number]!),
        ]);
      }
    }
  }
  const out: CborValue[] = [];
  for (const name of [...filters.keys()].sort(byBytes)) {
    const values = filters.get(name)!;
    const body: CborValue = [
      name,
      [...values.keys()]
        .sort(byBytes)
        .map((value): CborValue => [value, values.get(value)!.sort((a, b) => a - b)]),
    ];
    const file = await writeNamed(join(outDir, 'filter'), 'pf_filter', language, body);
    out.push([name, file]);
  }
  return out;
}

/** How to join bundles: where each run's pages go, and whether the runs' files may be moved. */
export interface JoinOptions {
  /**
   * The joined page number of each page of each run, increasing within a run (each run was
   * indexed in the joined list's order); every number from 0 once. Unless told, the runs are
   * consecutive: run k's pages follow run k-1's.
   */
  order?: readonly (readonly number[])[];
  /** Keep the runs' bundles as they are (they are cached): link or copy their files, never move them. */
  keep?: boolean;
}

/** Checks that `order` gives every run's pages distinct, increasing places that fill the list. */
function checkOrder(order: readonly (readonly number[])[], counts: number[]): number {
  const total = counts.reduce((sum, n) => sum + n, 0);
  const seen = new Uint8Array(total);
  for (const [r, places] of order.entries()) {
    if (places.length !== counts[r])
      throw new Error(`run ${r + 1} has ${counts[r]} pages, but ${places.length} places`);
    for (const [i, place] of places.entries()) {
      if (!Number.isInteger(place) || place < 0 || place >= total || seen[place])
        throw new Error(`run ${r + 1} puts a page at ${place}: not a free place below ${total}`);
      if (i > 0 && place < places[i - 1]!)
        throw new Error(`run ${r + 1} does not keep its pages in the joined order`);
      seen[place] = 1;
    }
  }
  return total;
}

/** Moves a run's file, or when the runs are kept links it (copies across devices). */
async function take(from: string, to: string, keep: boolean): Promise<void> {
  if (!keep) return rename(from, to);
  await link(from, to).catch(() => copyFile(from, to));
}

/**
 * Writes into `outDir` the bundle of all the pages of the bundles in `runDirs` (each written by
 * Pagefind for a run of the page list, in the joined list's order), with their fragments and
 * engine files. Throws PagefindFormatError for a bundle this does not read.
 */
export async function joinBundles(
  runDirs: readonly string[],
  outDir: string,
  options: JoinOptions = {},
): Promise<void> {
  const read = await Promise.all(runDirs.map(readRun));
  const counts = read.map((run) => list(run.meta[1], 'no pages').length);
  let consecutive = 0;
  const order =
    options.order ?? counts.map((count) => Array.from({ length: count }, () => consecutive++));
  const total = checkOrder(order, counts);
  const fieldsOf = (run: { meta: CborValue[] }) =>
    list(run.meta[5], 'no meta fields').map((field) => str(field, 'a meta field'));
  const fields = [...new Set(read.flatMap(fieldsOf))].sort(byBytes);
  const runs: Run[] = read.map((run, r) => ({
    ...run,
    order: order[r]!,
    fields: fieldsOf(run).map((field) => fields.indexOf(field)),
  }));
  const keep = options.keep ?? false;
  await mkdir(join(outDir, 'index'), { recursive: true });
  await mkdir(join(outDir, 'filter'), { recursive: true });
  await mkdir(join(outDir, 'fragment'), { recursive: true });
  const { entry, language } = await readEntry(runs[0]!.dir);
  const chunks = await writeWords(runs, outDir, language);
  const filters = await writeFilters(runs, outDir, language);
  for (const run of runs)
    for (const name of await readdir(join(run.dir, 'fragment')))
      await take(join(run.dir, 'fragment', name), join(outDir, 'fragment', name), keep);
  const pages: CborValue[] = new Array<CborValue>(total);
  for (const run of runs)
    for (const [i, page] of list(run.meta[1], 'no pages').entries()) pages[run.order[i]!] = page;
  const meta = encodeIndexFile([runs[0]!.meta[0]!, pages, chunks, filters, [], fields]);
  // Named as Pagefind names it, so the short names derived from it are the ones a single
  // process's bundle gets (shortenBundleNames).
  const hash = `${language}_${bundleFileHash(meta, 10)}`;
  await writeFile(join(outDir, `pagefind.${hash}.pf_meta`), gzipSync(meta, { level: 9 }));
  entry.languages[language] = { ...entry.languages[language]!, hash, page_count: total };
  await writeFile(join(outDir, 'pagefind-entry.json'), JSON.stringify(entry));
  // The engine's files (script, worker, WebAssembly, styles) are the same in every run.
  for (const item of await readdir(runs[0]!.dir, { withFileTypes: true }))
    if (item.isFile() && !item.name.endsWith('.pf_meta') && item.name !== 'pagefind-entry.json')
      await take(join(runs[0]!.dir, item.name), join(outDir, item.name), keep);
}
