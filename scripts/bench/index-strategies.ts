/**
 * `node scripts/bench/index-strategies.ts <assembled site> <shard folder…> [--runs 2]`: the two
 * ways of giving an archive built in shards one search index, measured side by side.
 * - one index: Readout's indexSite (Pagefind's Node API and the vocabulary) over the assembled site;
 * - per shard: indexSite over each shard's folder, as each shard job of a CI matrix would, one
 *   after another (time summed, memory the largest), for the browser to join with `mergeIndex`.
 * Prints indexing time and peak memory (the indexer's process tree), then what a first search
 * transfers each way: the one bundle, or shard 1's bundle with the others merged into it.
 */
import { mkdir, readdir, rm, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { parseCommandLine } from '../lib/cli.ts';
import { vocabularyPrefixKey } from '../../src/client/search/typo-correction.ts';
import { PAGEFIND_BUNDLE_DIR, VOCABULARY_CHUNKS_DIR } from '../../src/constants.ts';
import { indexSite } from '../../src/integrations/pagefind.ts';
import { serveStatic } from '../../tests/support/static-server.ts';
import { firstSearchFiles, transferredBytes, type FetchedFile } from './first-search.ts';
import { runMeasured } from './process-memory.ts';

const QUERY = 'trafficking';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const kib = (files: readonly FetchedFile[]) => files.reduce((sum, file) => sum + file.bytes, 0) / 1024;

/** Indexes one folder in a process of its own, so its memory is measured alone. */
async function indexMeasured(site: string): Promise<{ wallS: number; peakMiB: number }> {
  const run = await runMeasured(process.execPath, ['scripts/bench/index-strategies.ts', '--child', site]);
  return { wallS: run.wallS, peakMiB: run.peakMiB };
}

/**
 * Files a first search fetches with the shards' bundles merged: shard 1's bundle is the primary,
 * the others are merged into it, as Pagefind's multisite search does. The shards' bundles are
 * served from `<site>/pagefind-<k>/` through links in a scratch folder beside the assembled site.
 */
async function mergedFirstSearch(site: string, shards: readonly string[]): Promise<FetchedFile[]> {
  const scratch = resolve(site, '..', 'merged-site');
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch);
  for (const entry of await readdir(site)) if (entry !== PAGEFIND_BUNDLE_DIR) await symlink(resolve(site, entry), join(scratch, entry));
  for (const [i, shard] of shards.entries()) await symlink(resolve(shard, PAGEFIND_BUNDLE_DIR), join(scratch, `pagefind-${i + 1}`));
  const server = await serveStatic({ root: scratch, base: '/' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext();
    const files: Promise<FetchedFile>[] = [];
    context.on('requestfinished', (request) => {
      if (/^\/pagefind-\d+\//.test(new URL(request.url()).pathname)) files.push(transferredBytes(request, scratch));
    });
    const page = await context.newPage();
    await page.goto(`${server.url}404.html`);
    await page.evaluate(
      async ({ count, q, chunk }) => {
        // Readout's vocabulary would be one chunk per shard too: each shard's words.
        await Promise.all(Array.from({ length: count }, (_, i) => fetch(`/pagefind-${i + 1}/${chunk}`).then((r) => r.text())));
        type Api = { init(): Promise<void>; mergeIndex(url: string): Promise<void>; search(q: string): Promise<{ results: { data(): Promise<unknown> }[] }> };
        const primary = '/pagefind-1/pagefind.js';
        const pagefind = (await import(primary)) as Api;
        for (let i = 2; i <= count; i++) await pagefind.mergeIndex(`/pagefind-${i}/`);
        await pagefind.init();
        const search = await pagefind.search(q);
        await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
      },
      { count: shards.length, q: QUERY, chunk: `${VOCABULARY_CHUNKS_DIR}/${vocabularyPrefixKey(QUERY)}.txt` },
    );
    await page.waitForLoadState('networkidle');
    return await Promise.all(files);
  } finally {
    await browser.close();
    await server.close();
  }
}

function byKind(files: readonly FetchedFile[]): string {
  const kinds = new Map<string, { count: number; bytes: number }>();
  for (const file of files) {
    const kind = /\.(pf_\w+)$/.exec(file.path)?.[1] ?? file.path.split('/').pop()!.replace(/^wasm\..*/, 'wasm');
    const known = kinds.get(kind) ?? { count: 0, bytes: 0 };
    kinds.set(kind, { count: known.count + 1, bytes: known.bytes + file.bytes });
  }
  return [...kinds].map(([kind, { count, bytes }]) => `${count} ${kind} ${(bytes / 1024).toFixed(1)} KiB`).join(', ');
}

const { positional, options } = parseCommandLine(process.argv.slice(2), ['runs']);
if (options.has('child')) {
  const summary = await indexSite(positional[0]!, await import('pagefind'));
  console.log(JSON.stringify(summary));
} else {
  const [site, ...shards] = positional;
  if (!site || shards.length === 0) throw new Error('usage: index-strategies.ts <assembled site> <shard folder…>');
  // --runs 0 measures the first searches only, over the indexes the folders hold.
  const runs = Number(options.get('runs') ?? 2);
  const one: { wallS: number; peakMiB: number }[] = [];
  const perShard: { wallS: number; peakMiB: number }[] = [];
  for (let run = 0; run < runs; run++) {
    one.push(await indexMeasured(site));
    let wallS = 0;
    let peakMiB = 0;
    for (const shard of shards) {
      const figures = await indexMeasured(shard);
      wallS += figures.wallS;
      peakMiB = Math.max(peakMiB, figures.peakMiB);
      if (run === 0) console.log(`  shard ${shard}: ${figures.wallS.toFixed(1)} s, ${figures.peakMiB.toFixed(0)} MiB`);
    }
    perShard.push({ wallS, peakMiB });
    console.log(`run ${run + 1}: one index ${one.at(-1)!.wallS.toFixed(1)} s ${one.at(-1)!.peakMiB.toFixed(0)} MiB; ${shards.length} shard indexes ${wallS.toFixed(1)} s (sum) ${peakMiB.toFixed(0)} MiB (largest)`);
  }
  const single = await firstSearchFiles(site, PAGEFIND_BUNDLE_DIR, QUERY, [`${VOCABULARY_CHUNKS_DIR}/${vocabularyPrefixKey(QUERY)}.txt`]);
  const merged = await mergedFirstSearch(site, shards);
  if (runs > 0) console.log(`\nIndexing, median of ${runs}: one index over the assembled site ${median(one.map((r) => r.wallS)).toFixed(1)} s, peak ${median(one.map((r) => r.peakMiB)).toFixed(0)} MiB`);
  if (runs > 0) console.log(`  ${shards.length} per-shard indexes: ${median(perShard.map((r) => r.wallS)).toFixed(1)} s in all (one after another), peak ${median(perShard.map((r) => r.peakMiB)).toFixed(0)} MiB (largest shard)`);
  console.log(`First search for “${QUERY}”: one index ${kib(single).toFixed(1)} KiB (${byKind(single)})`);
  console.log(`  ${shards.length} indexes merged: ${kib(merged).toFixed(1)} KiB (${byKind(merged)})`);
}
