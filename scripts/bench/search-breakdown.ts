/**
 * `node scripts/bench/search-breakdown.ts <dist> [--query trafficking]`: what a first search
 * transfers, file by file and by kind, two ways: the benchmark's (Pagefind's API straight, the
 * first five results, Readout's vocabulary chunk), and the search page's (`search/?q=…` on a wide
 * screen, until its results and filter counts are shown). Shows which files grow with an archive.
 */
import { chromium } from 'playwright-core';
import { parseCommandLine } from '../lib/cli.ts';
import { vocabularyPrefixKey } from '../../src/client/search/typo-correction.ts';
import { PAGEFIND_BUNDLE_DIR, VOCABULARY_CHUNKS_DIR } from '../../src/constants.ts';
import { serveStatic } from '../../tests/support/static-server.ts';
import { firstSearchFiles, transferredBytes, type FetchedFile } from './first-search.ts';

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

/** Files the search page fetches for `query`, from its load until results and counts are shown. */
async function searchPageFiles(dist: string, query: string): Promise<FetchedFile[]> {
  const server = await serveStatic({ root: dist, base: '/' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const files: Promise<FetchedFile>[] = [];
    context.on('requestfinished', (request) => void files.push(transferredBytes(request, dist)));
    const page = await context.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    await page.waitForSelector('[data-search-results] li');
    await page.waitForFunction(() => !document.querySelector('[data-search-facets][aria-busy]'));
    await page.waitForLoadState('networkidle');
    return await Promise.all(files);
  } finally {
    await browser.close();
    await server.close();
  }
}

const { positional, options } = parseCommandLine(process.argv.slice(2), ['query']);
const dist = positional[0] ?? 'dist';
const query = String(options.get('query') ?? 'trafficking');
report(`Benchmark's first search for “${query}”`, await firstSearchFiles(dist, PAGEFIND_BUNDLE_DIR, query, [`${VOCABULARY_CHUNKS_DIR}/${vocabularyPrefixKey(query)}.txt`]));
report(`Search page, search/?q=${query}`, await searchPageFiles(dist, query));
