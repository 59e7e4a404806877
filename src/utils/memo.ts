/**
 * "Compute once per build, recompute in dev": the site's shared lookups (meetings, people, links
 * in the text, search facts) are asked for by every page as it renders, so a build computes each
 * once (per page, a site of many meetings would build in quadratic time); the dev server, where
 * sources are re-split as editors type, computes them afresh on every call.
 */

/** `compute`, called at most once per build; every call in dev. */
export function oncePerBuild<T>(compute: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => {
    if (import.meta.env.DEV) return compute();
    cached ??= compute();
    return cached;
  };
}

/** The entry of `meetingSlug` in a per-meeting lookup, or an error naming the lookup and the meeting. */
export function ofMeeting<T>(lookup: ReadonlyMap<string, T>, meetingSlug: string, what: string): T {
  const entry = lookup.get(meetingSlug);
  if (entry === undefined)
    throw new Error(
      `No ${what} for meeting "${meetingSlug}": it is not among the generated meetings (run the split, or check the slug the page passes).`,
    );
  return entry;
}
