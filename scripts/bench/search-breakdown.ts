/**
 * `node scripts/bench/search-breakdown.ts <dist> [--query trafficking]`: what a first search
 * transfers, file by file and by kind, two ways: the benchmark's (Pagefind's API straight, the
 * first five results, Readout's vocabulary chunk), and the search page's (`search/?q=…` on a wide
 * screen, until its results are shown: what `npm run bench` reports for Readout). Shows which
 * files grow with an archive.
 */
import { parseCommandLine } from '../lib/cli.ts';
import { vocabularyPrefixKey } from '../../src/client/search/typo-correction.ts';
import { PAGEFIND_BUNDLE_DIR, VOCABULARY_CHUNKS_DIR } from '../../src/constants.ts';
import { firstSearchFiles, searchPageFiles, type FetchedFile } from './first-search.ts';

/** The kind of a fetched file, by its name. */
function kindOf(path: string): string {
  if (path.includes(`/${VOCABULARY_CHUNKS_DIR}/`)) return 'vocabulary chunk';
  const rules: [RegExp, string][] = [
    [/\/pagefind\.js$/, 'pagefind.js'],
    [/\/pagefind-worker\.js$/, 'pagefind-worker.js'],
    [/\/wasm\.[^/]+\.pagefind$/, 'wasm'],
    [/\/pagefind-entry\.json$/, 'entry'],
    [/\.pf_meta$/, 'meta'],
    [/\.pf_index$/, 'index chunks'],
    [/\.pf_filter$/, 'filter chunks'],
    [/\.pf_fragment$/, 'fragments'],
    [/\.js$/, 'site JS'],
    [/\.css$/, 'site CSS'],
    [/\/$|\.html$/, 'HTML'],
  ];
  return rules.find(([pattern]) => pattern.test(path))?.[1] ?? 'other';
}

function report(title: string, files: readonly FetchedFile[]): void {
  const kinds = new Map<string, { count: number; bytes: number }>();
  for (const file of files) {
    const kind = kinds.get(kindOf(file.path)) ?? { count: 0, bytes: 0 };
    kinds.set(kindOf(file.path), { count: kind.count + 1, bytes: kind.bytes + file.bytes });
  }
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  console.log(`\n${title}: ${(total / 1024).toFixed(1)} KiB in ${files.length} files`);
  for (const [kind, { count, bytes }] of [...kinds].sort((a, b) => b[1].bytes - a[1].bytes))
    console.log(`  ${kind.padEnd(20)} ${String(count).padStart(4)} files ${(bytes / 1024).toFixed(1).padStart(8)} KiB`);
  if (process.env['BREAKDOWN_FILES'])
    for (const file of files) console.log(`    ${(file.bytes / 1024).toFixed(1).padStart(7)} KiB ${file.path}`);
}

const { positional, options } = parseCommandLine(process.argv.slice(2), ['query']);
const dist = positional[0] ?? 'dist';
const query = String(options.get('query') ?? 'trafficking');
report(`Benchmark's first search for “${query}”`, await firstSearchFiles(dist, PAGEFIND_BUNDLE_DIR, query, [`${VOCABULARY_CHUNKS_DIR}/${vocabularyPrefixKey(query)}.txt`]));
// One visit of the search page, reported whole and then as the benchmark counts it.
const onPage = await searchPageFiles(dist, query);
report(`Search page, search/?q=${query}`, onPage);
report(`Search page, search/?q=${query}, bundle files only (the benchmark's figure)`, onPage.filter((file) => file.path.startsWith(`/${PAGEFIND_BUNDLE_DIR}/`)));
