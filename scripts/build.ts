/**
 * `npm run build [-- --source <file-or-dir>] [--frozen]`: split the sources that changed since
 * the last build, then build the site into dist/. A split error stops before Astro starts, so
 * the earlier pages and dist/ stay as they were. Each meeting's links lockfile is updated, or
 * with --frozen (CI) must already match.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'astro';
import { parseCommandLine, runCommand } from './lib/cli.ts';
import { splitIncrementally } from './lib/incremental-split.ts';
import { DEFAULT_SOURCES, generatedDir, SPLIT_MANIFEST } from './lib/paths.ts';
import { readTextIfExists, todayUtc } from './lib/permalinks/lock-meeting.ts';
import { findSources } from './lib/sources.ts';
import { formatSplitSummary } from './lib/summary.ts';

await runCommand(async () => {
  const started = performance.now();
  const { options } = parseCommandLine(process.argv.slice(2), ['source']);
  const source = options.get('source');
  const sources = await findSources(typeof source === 'string' ? source : DEFAULT_SOURCES);
  const outDir = generatedDir();
  const links = { mode: options.has('frozen') ? 'frozen' : 'update', today: todayUtc(), readText: readTextIfExists } as const;
  const result = await splitIncrementally(sources, outDir, join(outDir, SPLIT_MANIFEST), links);
  const reused = result.reused.length > 0 ? ` (${result.reused.length} unchanged, not split again)` : '';
  console.log(formatSplitSummary(result.parsed, performance.now() - started, `${outDir}${reused}`));
  const astroStarted = performance.now();
  await build({ root: process.cwd(), logLevel: 'warn' });
  const astroMs = performance.now() - astroStarted;
  console.log(`Built the site into ${process.env['OUT_DIR'] ?? 'dist'}/ in ${(astroMs / 1000).toFixed(1)} s`);
  await writeBuildStats({ splitMs: astroStarted - started, astroMs, maxRssKiB: process.resourceUsage().maxRSS });
});

/** The benchmark asks for phase timings and peak memory in a file (READOUT_STATS_FILE). */
async function writeBuildStats(stats: { splitMs: number; astroMs: number; maxRssKiB: number }): Promise<void> {
  const file = process.env['READOUT_STATS_FILE'];
  if (file) await writeFile(file, JSON.stringify(stats));
}
