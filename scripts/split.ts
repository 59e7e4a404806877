/**
 * `npm run split -- <file-or-dir> [--out <dir>] [--json] [--frozen]`: turns summaries into MDX
 * pages. Without --out it only reads and reports (the summary, or the document model with
 * --json); with --out it replaces that folder with the pages, if the folder is Readout's own.
 * Writing the site's own pages (--out content/generated) updates each meeting's links lockfile;
 * --frozen fails instead when it would change.
 */
import { parseCommandLine, runCommand } from './lib/cli.ts';
import { resolve } from 'node:path';
import { assertReplaceable, withOwnerMarker } from './disk/ownership.ts';
import { DEFAULT_OUT, DEFAULT_SOURCES } from './lib/paths.ts';
import { readTextIfExists, todayUtc, writeLockfiles } from './lib/permalinks/lock-meeting.ts';
import { findSources, readRegularFile } from './disk/sources.ts';
import { splitSources } from './lib/split-sources.ts';
import { formatSplitSummary } from './lib/summary.ts';
import { writeTreeAtomically } from './disk/write-tree.ts';

const NOTHING_WRITTEN =
  'Wrote nothing: add --out <folder> to write the pages (npm run build writes its own).';
const USAGE = {
  flags: ['json', 'frozen'],
  positional: 1,
  usage: 'npm run split -- [<file-or-folder>] [--out <folder>] [--json] [--frozen]',
};

await runCommand(async () => {
  const started = performance.now();
  const { positional, options } = parseCommandLine(process.argv.slice(2), ['out'], USAGE);
  const sources = await findSources(positional[0] ?? DEFAULT_SOURCES);
  const out = options.get('out');
  const outDir = typeof out === 'string' ? out : undefined;
  // Only the pages the site is built from change what is published; a split elsewhere is a preview.
  const writesSite = outDir !== undefined && resolve(outDir) === resolve(DEFAULT_OUT);
  const mode = options.has('frozen') ? 'frozen' : writesSite ? 'update' : 'read';
  const result = await splitSources(sources, readRegularFile, {
    mode,
    today: todayUtc(),
    readText: readTextIfExists,
  });
  if (outDir) {
    await assertReplaceable(outDir, '--out');
    await writeTreeAtomically(outDir, withOwnerMarker(result.files));
  }
  await writeLockfiles(result.lockfiles);
  if (options.has('json')) process.stdout.write(`${JSON.stringify(result.model, null, 2)}\n`);
  else
    console.log(
      formatSplitSummary(result.parsed, performance.now() - started, outDir) +
        (outDir ? '' : `\n${NOTHING_WRITTEN}`),
    );
});
