/**
 * `npm run split -- <file-or-dir> [--out <dir>] [--json] [--frozen]`: turns summaries into MDX
 * pages. With --json it prints the document model instead of the summary (and writes only with
 * --out). Writing the site's pages (the default --out) updates each meeting's links lockfile;
 * --frozen fails instead when it would change.
 */
import { readFile } from 'node:fs/promises';
import { parseCommandLine, runCommand } from './lib/cli.ts';
import { readTextIfExists, todayUtc, writeLockfiles } from './lib/permalinks/lock-meeting.ts';
import { findSources } from './lib/sources.ts';
import { splitSources } from './lib/split-sources.ts';
import { formatSplitSummary } from './lib/summary.ts';
import { writeTreeAtomically } from './lib/write-tree.ts';
import { DEFAULT_OUT, DEFAULT_SOURCES } from './lib/paths.ts';


await runCommand(async () => {
  const started = performance.now();
  const { positional, options } = parseCommandLine(process.argv.slice(2), ['out']);
  const sources = await findSources(positional[0] ?? DEFAULT_SOURCES);
  const json = options.has('json');
  const out = options.get('out');
  const outDir = typeof out === 'string' ? out : json ? undefined : DEFAULT_OUT;
  // Only the pages the site is built from change what is published; a split elsewhere is a preview.
  const mode = options.has('frozen') ? 'frozen' : outDir === DEFAULT_OUT ? 'update' : 'read';
  const result = await splitSources(sources, (path) => readFile(path), { mode, today: todayUtc(), readText: readTextIfExists });
  if (outDir) await writeTreeAtomically(outDir, result.files);
  await writeLockfiles(result.lockfiles);
  if (json) process.stdout.write(`${JSON.stringify(result.model, null, 2)}\n`);
  else console.log(formatSplitSummary(result.parsed, performance.now() - started, outDir));
});
