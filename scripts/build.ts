/**
 * `npm run build [-- --source <file-or-dir>]`: split the sources, then build the site into
 * dist/. A split error stops before Astro starts, so the earlier dist/ stays as it was.
 */
import { readFile } from 'node:fs/promises';
import { build } from 'astro';
import { parseCommandLine, runCommand } from './lib/cli.ts';
import { findSources } from './lib/sources.ts';
import { splitSources } from './lib/split-sources.ts';
import { formatSplitSummary } from './lib/summary.ts';
import { writeTreeAtomically } from './lib/write-tree.ts';
import { DEFAULT_OUT, DEFAULT_SOURCES } from './lib/paths.ts';

await runCommand(async () => {
  const started = performance.now();
  const { options } = parseCommandLine(process.argv.slice(2), ['source']);
  const source = options.get('source');
  const sources = await findSources(typeof source === 'string' ? source : DEFAULT_SOURCES);
  const result = await splitSources(sources, (path) => readFile(path));
  await writeTreeAtomically(DEFAULT_OUT, result.files);
  console.log(formatSplitSummary(result.parsed, performance.now() - started, DEFAULT_OUT));
  const astroStarted = performance.now();
  await build({ root: process.cwd(), logLevel: 'warn' });
  console.log(`Built the site into dist/ in ${((performance.now() - astroStarted) / 1000).toFixed(1)} s`);
});
