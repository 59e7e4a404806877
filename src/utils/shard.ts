/**
 * Building an archive in shards: `READOUT_SHARD=k/n` makes a build render only the pages shard
 * k of n owns. A shard loads only its own meetings' pages and models (content.config.ts) and
 * renders them and its own people's pages; what person ids, the front door and people's pages
 * need of the other meetings it reads from the cross-meeting index (archive-data.ts). The
 * site-level pages (front door, search, 404) come out the same in every shard. The assignment is
 * a hash of the meeting's slug or the person's id, so it does not move when meetings are added
 * and can be computed in any process.
 */

/** Which shard a build renders, or undefined for a whole build. */
export interface Shard {
  /** 1-based index of this shard. */
  index: number;
  /** How many shards the site is built in. */
  count: number;
}

/** Reads `k/n` (1 ≤ k ≤ n); undefined when the text is not a shard. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && index <= count ? { index, count } : undefined;
}

/** The shard this build renders (READOUT_SHARD), if any. */
export function currentShard(
  env: Record<string, string | undefined> = process.env,
): Shard | undefined {
  const text = env['READOUT_SHARD'];
  return text ? parseShard(text) : undefined;
}

/** FNV-1a of the key: stable across processes, machines and Node versions. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(key)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

/** The 1-based shard of `key` (a meeting slug, or `person:<id>`) among `count` shards. */
export function shardOf(key: string, count: number): number {
  return (hash(key) % count) + 1;
}

/** True when the current build renders the pages of meeting `slug`. */
export function ownsMeeting(slug: string, shard: Shard | undefined = currentShard()): boolean {
  return !shard || shardOf(slug, shard.count) === shard.index;
}

/** True when the current build renders the page of person `id`. */
export function ownsPerson(id: string, shard: Shard | undefined = currentShard()): boolean {
  return !shard || shardOf(`person:${id}`, shard.count) === shard.index;
}
