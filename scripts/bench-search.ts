/**
 * `npm run bench:search`: how fast the header search answers on a cold page, and what it costs.
 * Serves the built site (gzip, as a static host would), opens a meeting's page in a fresh
 * Chromium context, presses `/` and types a query, and prints:
 *   - bytes of search code loaded before first use (budget 0),
 *   - time from the first keystroke to the first results shown (budget ≤ 300 ms),
 *   - bytes transferred for the first query, UI code included (budget ≤ 150 KiB).
 * Builds the site into .cache/bench-search/ first, so a build or test run writing dist/ at the
 * same time cannot disturb it. Options: `--site <dir>` (measure a built site instead),
 * `--runs <n>` (default 5), `--query <text>` (default: the site's most frequent word of eight
 * letters or more), `--page <path>` (default: the first page of a meeting in the sitemap),
 * `--no-gzip`.
 */
import { execFile } from 'node:child_process';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { parseCommandLine, runCommand } from './lib/cli.ts';
import { SourceError } from './lib/errors.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { PAGEFIND_BUNDLE_DIR, VOCABULARY_FILE } from '../src/constants.ts';

/** Where the benchmark builds the site for itself. */
const BENCH_SITE_DIR = '.cache/bench-search';
const BUDGET_MS = 300;
const BUDGET_BYTES = 150 * 1024;
/** A reader's typing speed: about 150 characters a minute. */
const KEYSTROKE_MS = 80;
/** Requests that are search code or search data. */
const SEARCH_REQUEST = /\/pagefind\/|header-search|site-search|pagefind-loader/;

/** Page times (performance.now) the benchmark records in the page. */
interface SearchMarks {
  firstKey?: number;
  firstResults?: number;
}

/** One cold run's figures. */
interface RunFigures {
  bytesBeforeUse: number;
  firstResultsMs: number;
  finalResultsMs: number;
  firstQueryBytes: number;
  requests: { path: string; bytes: number }[];
}

/** Opens the page cold, searches once, and measures. */
async function measureRun(browser: Browser, url: string, query: string): Promise<RunFigures> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The context sees every request, a worker's included: Pagefind fetches its WebAssembly and
  // index from its worker, which a CDP session on the page never hears of.
  const finished: Promise<{ path: string; bytes: number }>[] = [];
  context.on('requestfinished', (request) => {
    finished.push(
      request.sizes().then((sizes) => ({
        path: new URL(request.url()).pathname,
        bytes: sizes.responseBodySize + sizes.responseHeadersSize,
      })),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const bytesBeforeUse = (await Promise.all(finished))
    .filter((request) => SEARCH_REQUEST.test(request.path))
    .reduce((sum, request) => sum + request.bytes, 0);
  const loadedBefore = finished.length;
  await page.evaluate(() => {
    const marks: SearchMarks = {};
    (window as unknown as { searchMarks: SearchMarks }).searchMarks = marks;
    document.addEventListener(
      'keydown',
      (event) =>
        event.key.length === 1 && event.key !== '/' && (marks.firstKey ??= performance.now()),
      { capture: true },
    );
    new MutationObserver(() => {
      if (document.querySelector('#site-search-results [role="option"]'))
        marks.firstResults ??= performance.now();
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.keyboard.press('/');
  await page.keyboard.type(query, { delay: KEYSTROKE_MS });
  const lastKey = await page.evaluate(() => performance.now());
  await page.waitForFunction(
    (query) => document.querySelector('#site-search-option-all')?.textContent.includes(query),
    query,
  );
  const marks = await page.evaluate(() => ({
    ...(window as unknown as { searchMarks: SearchMarks }).searchMarks,
    now: performance.now(),
  }));
  await page.waitForLoadState('networkidle');
  const requests = await Promise.all(finished.slice(loadedBefore));
  await context.close();
  return {
    bytesBeforeUse,
    firstResultsMs: (marks.firstResults ?? NaN) - (marks.firstKey ?? NaN),
    finalResultsMs: marks.now - lastKey,
    firstQueryBytes: requests.reduce((sum, request) => sum + request.bytes, 0),
    requests,
  };
}

/** Builds the site at the root path into BENCH_SITE_DIR. */
async function buildSite(): Promise<string> {
  console.log(`Building the site into ${BENCH_SITE_DIR}/ …`);
  await promisify(execFile)(process.execPath, ['scripts/build.ts'], {
    env: {
      ...process.env,
      OUT_DIR: BENCH_SITE_DIR,
      BASE_PATH: '/',
      SITE_URL: process.env['SITE_URL'] || 'https://bench.invalid',
    },
    maxBuffer: 1 << 24,
  });
  return BENCH_SITE_DIR;
}

/** The first page of the sitemap below a meeting (two path segments or more), site-relative. */
async function firstContentPage(siteDir: string): Promise<string> {
  const sitemap = await readFile(join(siteDir, 'sitemap-0.xml'), 'utf8');
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) =>
    new URL(match[1]!).pathname.slice(1),
  );
  const page = paths.find((path) => path.split('/').filter(Boolean).length >= 2);
  if (!page)
    throw new SourceError(
      `${siteDir}/sitemap-0.xml`,
      'lists no page of a meeting',
      'build the site with at least one meeting',
    );
  return page;
}

/** The site's most frequent word of eight letters or more, from the spelling vocabulary. */
async function typicalQuery(siteDir: string): Promise<string> {
  const words = (await readFile(join(siteDir, PAGEFIND_BUNDLE_DIR, VOCABULARY_FILE), 'utf8')).split(
    '\n',
  );
  return words.find((word) => word.length >= 8) ?? words[0] ?? 'search';
}

/** The median of some numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** `12.3 KiB` */
function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** Prints one figure against its budget; returns whether it is within. */
function report(label: string, value: string, within: boolean, budget: string): boolean {
  console.log(
    `${within ? 'ok  ' : 'OVER'} ${label.padEnd(44)} ${value.padStart(10)}   (budget ${budget})`,
  );
  return within;
}

await runCommand(async () => {
  const { options } = parseCommandLine(process.argv.slice(2), ['runs', 'query', 'site', 'page']);
  const runs = Number(options.get('runs') ?? 5);
  const site = options.get('site');
  const siteDir = typeof site === 'string' ? site : await buildSite();
  await access(join(siteDir, PAGEFIND_BUNDLE_DIR, 'pagefind.js')).catch(() => {
    throw new SourceError(
      `${siteDir}/`,
      'there is no search index to measure',
      'build the site first, or leave out --site',
    );
  });
  const page = String(options.get('page') ?? (await firstContentPage(siteDir)));
  const query = String(options.get('query') ?? (await typicalQuery(siteDir)));
  const server = await serveStatic({ root: siteDir, gzip: !options.has('no-gzip') });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  try {
    const figures: RunFigures[] = [];
    for (let run = 0; run < runs; run++)
      figures.push(await measureRun(browser, new URL(page, server.url).href, query));
    console.log(
      `Header search on a cold ${page}, query “${query}”, ${runs} runs (median; budgets hold for every run):\n`,
    );
    const first = figures.map((f) => f.firstResultsMs);
    const bytes = figures.map((f) => f.firstQueryBytes);
    const ok = [
      report(
        'search code before first use',
        `${Math.max(...figures.map((f) => f.bytesBeforeUse))} B`,
        figures.every((f) => f.bytesBeforeUse === 0),
        '0 B',
      ),
      report(
        'first results after the first keystroke',
        `${median(first).toFixed(0)} ms`,
        Math.max(...first) <= BUDGET_MS,
        `${BUDGET_MS} ms`,
      ),
      report(
        'transferred for the first query, UI included',
        kib(median(bytes)),
        Math.max(...bytes) <= BUDGET_BYTES,
        kib(BUDGET_BYTES),
      ),
    ].every(Boolean);
    console.log(
      `\n     first results per run: ${first.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}`,
    );
    console.log(
      `     results after the last keystroke: ${median(figures.map((f) => f.finalResultsMs)).toFixed(0)} ms (median)`,
    );
    console.log('\n     requests of the first query:');
    for (const request of figures[0]!.requests)
      console.log(`       ${kib(request.bytes).padStart(10)}  ${request.path}`);
    if (!ok) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.close();
  }
});
