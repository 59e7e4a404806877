/** `/<meeting>/source.txt` (or `.md`): the source text the meeting's pages were built from, byte for byte. */
import { readFile } from 'node:fs/promises';
import type { APIRoute } from 'astro';
import { sourceFileName } from '../../utils/links.ts';
import { ownMeetings } from '../../utils/routes.ts';

export async function getStaticPaths() {
  const meetings = await ownMeetings();
  return meetings.map(({ meeting }) => ({
    params: { meeting: meeting.slug, sourceFile: sourceFileName(meeting.source) },
    props: { source: meeting.source },
  }));
}

/** The source, read from the project root where the split found it. */
async function readSource(source: string): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await readFile(source));
  } catch (error) {
    throw new Error(
      `Cannot read the source text ${source} for its download: ${(error as Error).message}. Run the build from the project root, where the split found the file.`,
    );
  }
}

export const GET: APIRoute<{ source: string }> = async ({ props }) => {
  const type = props.source.endsWith('.txt') ? 'text/plain' : 'text/markdown';
  return new Response(await readSource(props.source), {
    headers: { 'Content-Type': `${type}; charset=utf-8` },
  });
};
