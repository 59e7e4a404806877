/** `--shard k/n [--out <folder>]` on the build's command line, checked and turned into settings. */
import { SourceError } from '../errors.ts';
import { DEFAULT_SOURCES } from '../paths.ts';
import type { LocalShardsOptions } from './plan.ts';
import { parseShard, type Shard } from '../../../src/utils/shard.ts';

/** A shard build's place and output folder. */
export interface ShardSettings extends Shard {
  folder: string;
}

/**
 * Reads the shard options; undefined for a whole build. Sets READOUT_SHARD (the pages read it)
 * and, unless given, a content cache of the shard's own, so shards built side by side on one
 * machine do not share Astro's data store.
 */
export function shardSettings(
  options: Map<string, string | true>,
  positional: readonly string[],
  usage: string,
): ShardSettings | undefined {
  if (positional.length > 0)
    throw new SourceError(
      'command line',
      `unexpected argument "${positional[0]}"`,
      `write ${usage}`,
    );
  const text = options.get('shard');
  if (text === undefined) {
    if (options.has('out'))
      throw new SourceError(
        '--out',
        'is only for a shard build',
        'write --shard k/n --out <folder>, or set OUT_DIR',
      );
    return undefined;
  }
  const shard = typeof text === 'string' ? parseShard(text) : undefined;
  if (!shard)
    throw new SourceError(
      '--shard',
      `"${String(text)}" is not a shard`,
      'write --shard k/n with 1 ≤ k ≤ n, e.g. --shard 2/4',
    );
  const out = options.get('out');
  const folder = typeof out === 'string' ? out : `dist-shards/${shard.index}-of-${shard.count}`;
  process.env['READOUT_SHARD'] = `${shard.index}/${shard.count}`;
  process.env['READOUT_CACHE_DIR'] ??= `node_modules/.astro/shard-${shard.index}-of-${shard.count}`;
  return { ...shard, folder };
}

/**
 * Reads `--shards n [--out <folder>]` (every shard of the archive, built on this machine): the
 * shard folders go in `<folder>/k-of-n`, by default in dist-shards/ as `--shard k/n` puts them.
 */
export function localShardsSettings(
  options: Map<string, string | true>,
  positional: readonly string[],
  usage: string,
): LocalShardsOptions {
  if (positional.length > 0)
    throw new SourceError(
      'command line',
      `unexpected argument "${positional[0]}"`,
      `write ${usage}`,
    );
  if (options.has('shard'))
    throw new SourceError(
      '--shards',
      'builds every shard and takes no --shard',
      'write --shards n for all n shards on this machine, or --shard k/n for one of them',
    );
  const text = options.get('shards');
  const count = typeof text === 'string' && /^\d{1,4}$/.test(text.trim()) ? Number(text) : 0;
  if (count < 1)
    throw new SourceError(
      '--shards',
      `"${String(text)}" is not a number of shards`,
      'write --shards n with n ≥ 1, e.g. --shards 4',
    );
  const out = options.get('out');
  const source = options.get('source');
  return {
    count,
    parent: typeof out === 'string' ? out : 'dist-shards',
    source: typeof source === 'string' ? source : DEFAULT_SOURCES,
    frozen: options.has('frozen'),
  };
}
