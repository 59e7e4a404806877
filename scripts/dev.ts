/**
 * `npm run dev`: split the sources, serve the site, and re-split whenever a source changes, so
 * an editor sees a correction in the browser within seconds. A bad edit prints one line and
 * keeps the last good pages on screen.
 */
import { watch } from 'node:fs';
import { dev } from 'astro';
import { formatSourceError, SourceError } from './lib/errors.ts';
import { DEFAULT_OUT, DEFAULT_SOURCES } from './lib/paths.ts';
import { assertReplaceable, withOwnerMarker } from './disk/ownership.ts';
import { findSources, readRegularFile } from './disk/sources.ts';
import { splitSources } from './lib/split-sources.ts';
import { writeTreeAtomically } from './disk/write-tree.ts';

async function resplit(): Promise<void> {
  const started = performance.now();
  try {
    const result = await splitSources(await findSources(DEFAULT_SOURCES), readRegularFile);
    await assertReplaceable(DEFAULT_OUT, 'the generated folder');
    await writeTreeAtomically(DEFAULT_OUT, withOwnerMarker(result.files));
    console.log(
      `readout: re-split ${result.parsed.length} meeting(s) in ${(performance.now() - started).toFixed(0)} ms`,
    );
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    console.error(formatSourceError(error));
  }
}

/** Editors save in bursts (temp file, rename, touch): wait for the burst to end. */
function debounce(action: () => void, ms: number): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(action, ms);
  };
}

await resplit();
watch(
  DEFAULT_SOURCES,
  debounce(() => void resplit(), 150),
);
await dev({ root: process.cwd() });
