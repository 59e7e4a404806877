/**
 * Every content page's search facts keyed by URL path, computed once per build: the header
 * renders on every page, and scanning all sections of all meetings for each page would make a
 * build of many meetings quadratic.
 */
import { getCollection } from 'astro:content';
import { pageUrl } from '../../utils/meetings.ts';
import { oncePerBuild } from '../../utils/memo.ts';
import { searchFacts, type SearchFacts } from './search-facts.ts';

async function collectFacts(): Promise<Map<string, SearchFacts>> {
  const meetings = (await getCollection('meetings')).map((entry) => entry.data);
  return new Map(
    meetings.flatMap((meeting) =>
      meeting.sections.map(
        (section) =>
          [
            pageUrl(meeting.slug, section.kind, section.slug),
            searchFacts(meeting, section),
          ] as const,
      ),
    ),
  );
}

const loadFacts = oncePerBuild(collectFacts);

/** The search facts of the page at `path` (with a trailing slash), or undefined for other pages. */
export async function searchFactsForPath(path: string): Promise<SearchFacts | undefined> {
  return (await loadFacts()).get(path);
}
