/**
 * The cross-meeting index (archive-data.ts) for pages: every meeting's facts for the front door
 * and the meeting lists, the people grouped across meetings, and the paragraphs that quote the
 * people this build renders. Read once per build from the models' JSON, never through the
 * content collections, which hold only the meetings this build renders.
 */
import {
  archivePeople,
  generatedRoot,
  type ArchiveMeetingInfo,
  quotedParagraphs,
  readArchive,
  type ArchiveMeeting,
  type QuotedParagraph,
} from './archive-data.ts';
import { oncePerBuild } from './memo.ts';
import type { Person } from './people.ts';
import { currentShard } from './shard.ts';

/** Every meeting of the archive, newest first: its facts and speakers; once per build. */
export const loadArchive: () => Promise<ArchiveMeeting[]> = oncePerBuild(() =>
  readArchive(generatedRoot()),
);

/** Every meeting's facts, newest first. */
export async function loadMeetingInfos(): Promise<ArchiveMeetingInfo[]> {
  return (await loadArchive()).map(({ info }) => info);
}

/** Every person of every meeting, each with their appearances; once per build. */
export const loadPeople: () => Promise<Person[]> = oncePerBuild(async () =>
  archivePeople(await loadArchive()),
);

/** The paragraphs naming the people this build renders, by meeting and paragraph id; once per build. */
export const loadQuotes: () => Promise<Map<string, Map<string, QuotedParagraph>>> = oncePerBuild(
  async () => quotedParagraphs(generatedRoot(), await loadPeople(), currentShard()),
);
