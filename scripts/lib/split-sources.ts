/**
 * The whole split as one function: read → normalize/parse → emit, for every source. Disk reads
 * come in as a function so tests can pass a fake; nothing is written here.
 */
import type { DocumentModel } from '../../src/schemas/meeting.ts';
import { emitMeeting } from './emit.ts';
import { lockMeeting, type LinkOptions } from './permalinks/lock-meeting.ts';
import { duplicateMeetingSlugError, SourceError } from './errors.ts';
import { parseMeeting, type ParsedMeeting } from './parse.ts';
import { readSource } from './read-source.ts';
import { reservedMeetingSlugs } from './reserved-slugs.ts';
import { meetingSlugFromFile } from './meeting-slug.ts';

/** Everything a split produced, ready to print or write. */
export interface SplitResult {
  parsed: ParsedMeeting[];
  model: DocumentModel;
  files: Map<string, string>;
  /** Links lockfiles that changed, to write once the pages are written (only with `links.mode` update). */
  lockfiles: { path: string; text: string }[];
}

/**
 * Splits `sources` (paths as the user named them), reading each through `readBytes`. With
 * `links`, each meeting's paragraph numbers and page paths follow its links lockfile.
 */
export async function splitSources(
  sources: string[],
  readBytes: (path: string) => Promise<Uint8Array>,
  links?: LinkOptions,
): Promise<SplitResult> {
  const parsed: ParsedMeeting[] = [];
  const lockfiles: SplitResult['lockfiles'] = [];
  const files = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const source of sources) {
    const bytes = await readBytes(source).catch((error: NodeJS.ErrnoException) => {
      if (error instanceof SourceError) throw error;
      throw new SourceError(
        source,
        `cannot be read (${error.code ?? error.message})`,
        'check that the file exists and is readable',
      );
    });
    let result = parseMeeting(readSource(bytes, source), source, meetingSlugFromFile(source));
    if (links) {
      const locked = await lockMeeting(result.meeting, source, links);
      result = { ...result, meeting: locked.meeting };
      if (locked.write) lockfiles.push(locked.write);
    }
    const slug = result.meeting.slug;
    if (reservedMeetingSlugs().has(slug)) {
      throw new SourceError(
        source,
        `meeting slug "${slug}" is a page or folder of the site itself`,
        'rename the file or set another slug in its frontmatter',
        1,
      );
    }
    if (owners.has(slug)) {
      throw duplicateMeetingSlugError(source, slug, owners.get(slug)!);
    }
    owners.set(slug, source);
    parsed.push(result);
    for (const [path, contents] of emitMeeting(result.meeting)) files.set(path, contents);
  }
  return { parsed, model: { meetings: parsed.map((p) => p.meeting) }, files, lockfiles };
}
