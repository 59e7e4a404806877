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
  /**
   * Of the shard's meetings and people, the only ones to render (`meeting:<slug>`,
   * `person:<id>`): a shard rebuilt in part renders what changed and keeps the rest of its
   * folder (READOUT_ONLY, see scripts/lib/shards/patch.ts). Every one, unless told.
   */
  only?: ReadonlySet<string>;
}

/** The key of meeting `slug` or person `id` in a shard's list of what to render. */
export const meetingKey = (slug: string) => `meeting:${slug}`;
export const personKey = (id: string) => `person:${id}`;

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
  const shard = text ? parseShard(text) : undefined;
  const only = env['READOUT_ONLY'];
  if (!shard || only === undefined) return shard;
  return { ...shard, only: new Set(JSON.parse(only) as string[]) };
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
  return (
    !shard ||
    (shardOf(slug, shard.count) === shard.index && (shard.only?.has(meetingKey(slug)) ?? true))
  );
}

/** True when the current build renders the page of person `id`. */
export function ownsPerson(id: string, shard: Shard | undefined = currentShard()): boolean {
  return (
    !shard ||
    (shardOf(personKey(id), shard.count) === shard.index &&
      (shard.only?.has(personKey(id)) ?? true))
  );
}
