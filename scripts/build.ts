/**
 * `npm run build [-- --source <file-or-dir>] [--frozen]`: split the sources that changed since
 * the last build, then build the site. Both outputs are built beside the folders they replace
 * (the new generated tree, then Astro and Pagefind into a staging copy of dist/) and swapped in
 * together only when everything succeeded: a bad source, an Astro error or a kill leaves the
 * previous pages and site whole. A lock per output folder keeps two builds from writing the same
 * one. Each meeting's links lockfile is then updated, or with --frozen (CI) must already match.
 */
import { rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'astro';
import { parseCommandLine, runCommand } from './lib/cli.ts';
import { commitSwaps, recoverCommits } from './disk/commit.ts';
import { stageSplit } from './disk/incremental-split.ts';
import { lockFolders } from './disk/lock.ts';
import { assertReplaceable, assertReplaceableSite, markOwned } from './disk/ownership.ts';
import { DEFAULT_SOURCES, generatedDir, siteDir, SPLIT_MANIFEST } from './lib/paths.ts';
import { checkSiteSettings } from './lib/site-settings.ts';
import { readTextIfExists, todayUtc, writeLockfiles } from './lib/permalinks/lock-meeting.ts';
import { findSources } from './disk/sources.ts';
import { formatSplitSummary } from './lib/summary.ts';
import { makeStaging, recoverSwaps } from './disk/swap.ts';

await runCommand(async () => {
  const started = performance.now();
  const { options } = parseCommandLine(process.argv.slice(2), ['source'], { flags: ['frozen'], positional: 0, usage: 'npm run build [-- --source <file-or-folder>] [--frozen]' });
  checkSiteSettings(process.env);
  const source = options.get('source');
  const sources = await findSources(typeof source === 'string' ? source : DEFAULT_SOURCES);
  await assertReplaceable(generatedDir(), 'READOUT_GENERATED');
  await assertReplaceableSite(siteDir());
  const generated = resolve(generatedDir());
  const siteName = siteDir();
  const site = resolve(siteName);
  const unlock = await lockFolders([generated, site]);
  const staged: string[] = [];
  try {
    await recoverInterruptedBuilds([generated, site]);
    const links = { mode: options.has('frozen') ? 'frozen' : 'update', today: todayUtc(), readText: readTextIfExists } as const;
    const split = await stageSplit(sources, generated, SPLIT_MANIFEST, true, links);
    staged.push(split.staging);
    const reused = split.reused.length > 0 ? ` (${split.reused.length} unchanged, not split again)` : '';
    console.log(formatSplitSummary(split.parsed, performance.now() - started, `${generatedDir()}${reused}`));
    const astroStarted = performance.now();
    const siteStaging = await makeStaging(site);
    staged.push(siteStaging);
    await buildSite(split.staging, siteStaging);
    await Promise.all([markOwned(split.staging), markOwned(siteStaging)]);
    // From here the commit's journal owns the staging folders: if a swap fails, the next build finishes it.
    staged.length = 0;
    await commitSwaps([
      { staging: split.staging, target: generated },
      { staging: siteStaging, target: site },
    ]);
    // Published links are recorded once the site that publishes them is in place.
    await writeLockfiles(split.lockfiles);
    const astroMs = performance.now() - astroStarted;
    console.log(`Built the site into ${siteName}/ in ${(astroMs / 1000).toFixed(1)} s`);
    await writeBuildStats({ splitMs: astroStarted - started, astroMs, maxRssKiB: process.resourceUsage().maxRSS });
  } finally {
    await Promise.all(staged.map((dir) => rm(dir, { recursive: true, force: true })));
    await unlock();
  }
});

/** Finishes the swap a killed build had committed to, and removes what killed builds left. */
async function recoverInterruptedBuilds(targets: string[]): Promise<void> {
  await recoverCommits(targets);
  for (const target of targets) await recoverSwaps(target);
}

/** Astro and Pagefind read the staged pages and write the staged site (both read from the environment). */
async function buildSite(generated: string, outDir: string): Promise<void> {
  process.env['READOUT_GENERATED'] = generated;
  process.env['OUT_DIR'] = outDir;
  await build({ root: process.cwd(), logLevel: 'warn' });
}

/** The benchmark asks for phase timings and peak memory in a file (READOUT_STATS_FILE). */
async function writeBuildStats(stats: { splitMs: number; astroMs: number; maxRssKiB: number }): Promise<void> {
  const file = process.env['READOUT_STATS_FILE'];
  if (file) await writeFile(file, JSON.stringify(stats));
}
