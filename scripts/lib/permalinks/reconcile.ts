/**
 * Keeps published links meaning the same passage across a rebuild. The fresh split numbers
 * paragraphs 1…N; this step matches them to the lockfile's paragraphs by text, so a matched
 * paragraph keeps its number and anchor, an inserted one gets a lettered number (¶ 26a), a
 * removed one's number is retired with a note where it stood, and a page whose slug changed
 * keeps its old path as a redirect. Pure: the build passes in the lockfile and today's date.
 */
import type {
  Edition,
  Meeting,
  Paragraph,
  RetiredParagraph,
  Section,
} from '../../../src/schemas/meeting.ts';
import { alignParagraphs, MIN_SIMILARITY } from './align.ts';
import { insertedLabel, labelId, labelNumber } from './labels.ts';
import type { LinkLock, LockedPage, LockedRetired } from './lockfile.ts';
import { LOCKFILE_VERSION } from './lockfile.ts';
import { sectionPath } from './page-paths.ts';
import { containment, jaccard, shingles } from './similarity.ts';

/** A removed paragraph whose text is at least this much inside a new one was merged into it. */
const MERGED_CONTAINMENT = 0.6;
/** A page without paragraphs is the same page when its title is at least this similar. */
const SAME_TITLE = 0.5;

/** The meeting with stable numbers, retired anchors and former paths, and the lockfile to write. */
export interface ReconciledLinks {
  meeting: Meeting;
  lock: LinkLock;
}

/** One paragraph of the fresh split, with the page that shows it. */
interface FreshParagraph {
  paragraph: Paragraph;
  page: string;
}

/** Reconciles a freshly split `meeting` with its `previous` lockfile (none on the first build). */
export function reconcileLinks(
  meeting: Meeting,
  previous: LinkLock | undefined,
  today: string,
): ReconciledLinks {
  const fresh = freshParagraphs(meeting);
  if (!previous) {
    const editions = [{ date: today, changes: 'First edition' }];
    return finish(
      meeting,
      fresh,
      fresh.map((p) => String(p.paragraph.n)),
      new Map(),
      [],
      editions,
    );
  }
  const oldSets = previous.paragraphs.map((p) => shingles(p.text));
  const freshSets = fresh.map((p) => shingles(p.paragraph.text));
  const matches = alignParagraphs(
    previous.paragraphs.map((p, i) => ({ text: p.text, pairs: oldSets[i]! })),
    fresh.map((p, j) => ({ text: p.paragraph.text, pairs: freshSets[j]! })),
  );
  const oldOfNew = new Map(matches.map((m) => [m.new, m.old]));
  const labels = numberParagraphs(fresh.length, oldOfNew, previous);
  const pageMap = mapPages(previous, meeting, fresh, oldOfNew);
  const retired = retireAnchors(
    previous,
    fresh,
    { oldSets, freshSets },
    labels,
    oldOfNew,
    pageMap,
    today,
  );
  const edition = describeChanges(previous, fresh, labels, oldOfNew, retired, pageMap);
  const editions = edition
    ? [...previous.editions, { date: today, changes: edition }]
    : previous.editions;
  const formerPaths = collectFormerPaths(previous.pages, pageMap, meeting);
  return finish(meeting, fresh, labels, formerPaths, retired, editions);
}

/** Every paragraph of the split in reading order, with its page's path. */
function freshParagraphs(meeting: Meeting): FreshParagraph[] {
  return meeting.sections
    .flatMap((section) =>
      section.paragraphs.map((paragraph) => ({ paragraph, page: sectionPath(section) })),
    )
    .sort((a, b) => a.paragraph.n - b.paragraph.n);
}

/** Matched paragraphs keep their label; inserted ones take the previous label with a letter. */
function numberParagraphs(
  count: number,
  oldOfNew: Map<number, number>,
  previous: LinkLock,
): string[] {
  const taken = new Set([
    ...previous.paragraphs.map((p) => p.label),
    ...previous.retired.map((r) => r.label),
  ]);
  const labels: string[] = [];
  for (let j = 0; j < count; j++) {
    const old = oldOfNew.get(j);
    const label =
      old === undefined ? insertedLabel(labels.at(-1), taken) : previous.paragraphs[old]!.label;
    taken.add(label);
    labels.push(label);
  }
  return labels;
}

/**
 * Where each previously published page is now: the same path when that page kept any of its
 * paragraphs, else the page holding most of them, else a page of the same kind with the same path or a similar title, else the
 * meeting's overview.
 */
function mapPages(
  previous: LinkLock,
  meeting: Meeting,
  fresh: FreshParagraph[],
  oldOfNew: Map<number, number>,
): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const [j, i] of oldOfNew) {
    const from = previous.paragraphs[i]!.page;
    const tally = votes.get(from) ?? new Map<string, number>();
    tally.set(fresh[j]!.page, (tally.get(fresh[j]!.page) ?? 0) + 1);
    votes.set(from, tally);
  }
  const current = meeting.sections.map((s) => ({
    path: sectionPath(s),
    kind: s.kind,
    title: shingles(s.title),
  }));
  const map = new Map<string, string>();
  for (const page of previous.pages) {
    // A page that still exists and kept any of its paragraphs is the same page.
    const tally = [...(votes.get(page.path) ?? [])].sort(
      (a, b) =>
        Number(b[0] === page.path) - Number(a[0] === page.path) ||
        b[1] - a[1] ||
        a[0].localeCompare(b[0]),
    );
    if (tally[0]) map.set(page.path, tally[0][0]);
  }
  const claimed = new Set(map.values());
  for (const page of previous.pages.filter((p) => !map.has(p.path))) {
    const sameKind = current.filter((c) => c.kind === page.kind && !claimed.has(c.path));
    const title = shingles(page.title);
    const match =
      sameKind.find((c) => c.path === page.path) ??
      sameKind.find((c) => jaccard(c.title, title) >= SAME_TITLE);
    map.set(page.path, match?.path ?? '');
    if (match) claimed.add(match.path);
  }
  return map;
}

/** Retired anchors after this build: earlier ones carried over, plus removed and moved paragraphs. */
function retireAnchors(
  previous: LinkLock,
  fresh: FreshParagraph[],
  { oldSets, freshSets }: { oldSets: Set<string>[]; freshSets: Set<string>[] },
  labels: string[],
  oldOfNew: Map<number, number>,
  pageMap: Map<string, string>,
  today: string,
): LockedRetired[] {
  const newOfOld = new Map([...oldOfNew].map(([j, i]) => [i, j]));
  const liveAt = new Map(fresh.map((p, j) => [labelId(labels[j]!), p.page]));
  const unmatched = fresh.map((_, j) => j).filter((j) => !oldOfNew.has(j));
  /**
   * The new paragraph holding most of unmatched old paragraph `i` (it was merged or moved there),
   * or -1. It is one its neighbours became (merged), or one without an old match (moved).
   */
  const whereNow = (i: number): number => {
    const neighbours = [i - 2, i - 1, i + 1, i + 2].flatMap((k) => newOfOld.get(k) ?? []);
    let best = -1;
    let score = MERGED_CONTAINMENT;
    for (const j of [...neighbours, ...unmatched]) {
      const c = containment(oldSets[i]!, freshSets[j]!);
      if (c > score || (c === score && (best === -1 || j < best))) [best, score] = [j, c];
    }
    return best;
  };
  const removedTo = new Map<string, RetiredParagraph['to']>();
  const entries: LockedRetired[] = [];
  previous.paragraphs.forEach((old, i) => {
    const id = labelId(old.label);
    const before = previous.paragraphs[i - 1];
    const after = before && before.page === old.page ? labelId(before.label) : undefined;
    const page = pageMap.get(old.page) ?? '';
    const j = newOfOld.get(i);
    if (j === undefined) {
      const set = oldSets[i]!;
      const now = whereNow(i);
      const to = now === -1 ? undefined : { id: labelId(labels[now]!), page: fresh[now]!.page };
      removedTo.set(id, to);
      // Out of reading order, a paragraph the alignment could not keep reappears as an "inserted" one: it moved.
      const moved =
        now !== -1 && !oldOfNew.has(now) && jaccard(set, freshSets[now]!) >= MIN_SIMILARITY;
      entries.push(
        compact(
          moved
            ? { id, label: old.label, reason: 'moved', after, to, page }
            : { id, label: old.label, reason: 'removed', date: today, after, to, page },
        ),
      );
    } else if (fresh[j]!.page !== page) {
      entries.push(
        compact({
          id,
          label: old.label,
          reason: 'moved',
          after,
          to: { id, page: fresh[j]!.page },
          page,
        }),
      );
    }
  });
  const carried = previous.retired.flatMap((entry): LockedRetired[] => {
    const page = pageMap.get(entry.page) ?? '';
    if (liveAt.get(entry.id) === page) return [];
    const to =
      entry.to &&
      (liveAt.has(entry.to.id)
        ? { id: entry.to.id, page: liveAt.get(entry.to.id)! }
        : removedTo.get(entry.to.id));
    if (entry.reason === 'moved' && !liveAt.has(entry.id) && !to)
      return [compact({ ...entry, reason: 'removed', date: today, to: undefined, page })];
    return [compact({ ...entry, to, page })];
  });
  const seen = new Set<string>();
  return [...carried, ...entries].filter((entry) => {
    const key = `${entry.page}#${entry.id}`;
    if (seen.has(key) || liveAt.get(entry.id) === entry.page) return false;
    seen.add(key);
    return true;
  });
}

/** A reader's summary of what this build changed, or undefined when the text is as published. */
function describeChanges(
  previous: LinkLock,
  fresh: FreshParagraph[],
  labels: string[],
  oldOfNew: Map<number, number>,
  retired: LockedRetired[],
  pageMap: Map<string, string>,
): string | undefined {
  const corrected = [...oldOfNew].filter(
    ([j, i]) => previous.paragraphs[i]!.text !== fresh[j]!.paragraph.text,
  ).length;
  const known = new Set(previous.retired.map((r) => `${r.page}#${r.id}`));
  const fresher = retired.filter((r) => !known.has(`${r.page}#${r.id}`));
  const movedHere = new Set(fresher.filter((r) => r.reason === 'moved').map((r) => r.to?.id));
  const inserted = labels
    .filter((label, j) => !oldOfNew.has(j) && !movedHere.has(labelId(label)))
    .map((label) => `¶ ${label}`);
  const removed = fresher.filter((r) => r.reason === 'removed').map((r) => `¶ ${r.label}`);
  const moved = fresher.filter((r) => r.reason === 'moved').length;
  const renamed = [...pageMap].filter(([from, to]) => from !== to).length;
  const parts = [
    corrected > 0 && `${corrected} ${corrected === 1 ? 'paragraph' : 'paragraphs'} corrected`,
    inserted.length > 0 && `${inserted.join(', ')} inserted`,
    removed.length > 0 && `${removed.join(', ')} removed`,
    moved > 0 && `${moved} ${moved === 1 ? 'paragraph' : 'paragraphs'} moved`,
    renamed > 0 && `${renamed} ${renamed === 1 ? 'page' : 'pages'} renamed`,
  ].filter((part): part is string => typeof part === 'string');
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** Each current page's earlier paths: its predecessors' paths and their own former paths. */
function collectFormerPaths(
  pages: LockedPage[],
  pageMap: Map<string, string>,
  meeting: Meeting,
): Map<string, string[]> {
  const current = new Set(meeting.sections.map(sectionPath));
  const former = new Map<string, Set<string>>();
  for (const page of pages) {
    const to = pageMap.get(page.path) ?? '';
    const paths = former.get(to) ?? new Set<string>();
    for (const path of [page.path, ...page.formerPaths]) if (!current.has(path)) paths.add(path);
    former.set(to, paths);
  }
  return new Map([...former].map(([path, set]) => [path, [...set].sort()]));
}

/** Applies labels, former paths and retired anchors to the meeting, and writes the lockfile's data. */
function finish(
  meeting: Meeting,
  fresh: FreshParagraph[],
  labels: string[],
  formerPaths: Map<string, string[]>,
  retired: LockedRetired[],
  editions: Edition[],
): ReconciledLinks {
  const idOf = new Map(fresh.map((p, j) => [p.paragraph.id, labelId(labels[j]!)]));
  const labelOf = new Map(fresh.map((p, j) => [p.paragraph.id, labels[j]!]));
  const sections = meeting.sections.map((section): Section => {
    const path = sectionPath(section);
    const former = formerPaths.get(path) ?? [];
    const anchors = retired
      .filter((r) => r.page === path)
      .map(({ page: _page, ...entry }) => entry);
    return {
      ...section,
      paragraphs: section.paragraphs.map((p) => numbered(p, labelOf.get(p.id)!)),
      ...(former.length > 0 ? { formerPaths: former } : {}),
      ...(anchors.length > 0 ? { retired: anchors } : {}),
    };
  });
  const reconciled = renameMentions({ ...meeting, sections, editions }, (id) => idOf.get(id) ?? id);
  const lock: LinkLock = {
    version: LOCKFILE_VERSION,
    editions,
    pages: sections.map((s) => ({
      path: sectionPath(s),
      kind: s.kind,
      title: s.title,
      formerPaths: s.formerPaths ?? [],
    })),
    paragraphs: fresh.map((p, j) => ({ label: labels[j]!, page: p.page, text: p.paragraph.text })),
    retired,
  };
  return { meeting: reconciled, lock };
}

/** A paragraph with its stable label: `n` is the label's number, `label` only when lettered. */
function numbered(paragraph: Paragraph, label: string): Paragraph {
  const n = labelNumber(label);
  return { n, ...(label === String(n) ? {} : { label }), id: labelId(label), text: paragraph.text };
}

/** Who-said-what refers to paragraphs by id; they follow the renumbering. */
function renameMentions(meeting: Meeting, rename: (id: string) => string): Meeting {
  return {
    ...meeting,
    speakers: meeting.speakers.map((s) => ({
      ...s,
      mentions: s.mentions.map(rename),
      places: s.places.map((place) => ({ ...place, paragraph: rename(place.paragraph) })),
    })),
    organizations: meeting.organizations.map((o) => ({ ...o, mentions: o.mentions.map(rename) })),
    countries: meeting.countries.map((c) => ({ ...c, mentions: c.mentions.map(rename) })),
    figures: meeting.figures.map((f) => ({ ...f, paragraph: rename(f.paragraph) })),
  };
}

/** Drops undefined fields, which the JSON lockfile would not keep anyway. */
function compact(
  entry:
    | LockedRetired
    | (Omit<LockedRetired, 'to' | 'after' | 'date'> & {
        to?: RetiredParagraph['to'] | undefined;
        after?: string | undefined;
        date?: string | undefined;
      }),
): LockedRetired {
  return Object.fromEntries(
    Object.entries(entry).filter(([, value]) => value !== undefined),
  ) as LockedRetired;
}
