/**
 * What a shard build leaves in its folder, so that assembling can check it has every shard of
 * one build: `.readout-shard.json` with the shard's place and a fingerprint of the sources and
 * settings every shard must share (shards split from other sources would link to pages the
 * others do not render).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SourceError } from '../errors.ts';
import { writeFileAtomically } from './fingerprint.ts';
import type { Shard } from '../../../src/utils/shard.ts';

/** The file in each shard's folder. */
export const SHARD_MANIFEST = '.readout-shard.json';

/** Where a shard folder records what its pages are made of (see patch.ts). */
export const PAGES_FILE = '.readout-pages.json';

/** A shard folder's manifest. */
export interface ShardManifest {
  index: number;
  count: number;
  /** The build's inputs (see fingerprint.ts): sources, rendering code and settings. */
  fingerprint: string;
}

export async function writeShardManifest(
  folder: string,
  shard: Shard,
  fingerprint: string,
): Promise<void> {
  const manifest: ShardManifest = { index: shard.index, count: shard.count, fingerprint };
  await writeFileAtomically(join(folder, SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);
}

/** Reads and checks one folder's manifest; a folder that is not a shard is refused in one line. */
export async function readShardManifest(folder: string): Promise<ShardManifest> {
  const text = await readFile(join(folder, SHARD_MANIFEST), 'utf8').catch(() => undefined);
  const fix = 'give --assemble the folders that `npm run build -- --shard k/n` wrote';
  if (text === undefined)
    throw new SourceError(folder, 'is not a shard build (no shard manifest)', fix);
  const parsed = JSON.parse(text) as Partial<ShardManifest>;
  if (
    !Number.isInteger(parsed.index) ||
    !Number.isInteger(parsed.count) ||
    typeof parsed.fingerprint !== 'string'
  )
    throw new SourceError(folder, 'has a damaged shard manifest', fix);
  return parsed as ShardManifest;
}

/**
 * Checks that `manifests` are shards 1…n of one build, each once; throws a one-line error
 * naming what is missing, repeated or from another build.
 */
export function checkShardSet(
  folders: readonly string[],
  manifests: readonly ShardManifest[],
): void {
  const first = manifests[0];
  if (!first)
    throw new SourceError(
      '--assemble',
      'no shard folders given',
      'write npm run build -- --assemble <folder> <folder> …',
    );
  manifests.forEach((m, i) => {
    if (m.count !== first.count || m.fingerprint !== first.fingerprint) {
      throw new SourceError(
        folders[i]!,
        `is a shard of another build than ${folders[0]} (other sources, settings or shard count)`,
        'build every shard from the same sources and settings',
      );
    }
  });
  const seen = new Map<number, string>();
  manifests.forEach((m, i) => {
    const other = seen.get(m.index);
    if (other)
      throw new SourceError(
        folders[i]!,
        `is shard ${m.index}/${m.count} again (as is ${other})`,
        'give each shard folder once',
      );
    seen.set(m.index, folders[i]!);
  });
  const missing = Array.from({ length: first.count }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length > 0)
    throw new SourceError(
      '--assemble',
      `shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${first.count}`).join(', ')} missing`,
      'build every shard and give all their folders',
    );
}
