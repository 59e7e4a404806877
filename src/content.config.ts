/**
 * The generated pages and meeting models, validated with the same schema the splitter writes
 * them with. `content/generated/` is a build artifact of `npm run split`.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { readdirSync } from 'node:fs';
import { generatedRoot } from './utils/archive-data.ts';
import { meetingSchema, pageFrontmatterSchema } from './schemas/meeting.ts';
import { currentShard, ownsMeeting } from './utils/shard.ts';

const GENERATED = generatedRoot();

/**
 * The meeting folders a build compiles: all of them, or in a shard build (READOUT_SHARD) only
 * its own. Astro bundles a collection's data into one module, so compiling every meeting's MDX
 * and models is what made a build's memory grow with the archive; what a shard needs of the
 * other meetings it reads from the cross-meeting index (utils/archive.ts).
 */
function ownPattern(whole: string, inMeeting: string): string | string[] {
  if (!currentShard()) return whole;
  const owned = readdirSync(GENERATED, { withFileTypes: true }).filter(
    (e) => e.isDirectory() && ownsMeeting(e.name),
  );
  return owned.length > 0
    ? owned.map((e) => `${e.name}/${inMeeting}`)
    : `no-meeting-in-this-shard/${inMeeting}`;
}

/** One entry per section page (MDX), keyed by its path: `<meeting>/sessions/<slug>`. */
const pages = defineCollection({
  // The id is the page's path inside its meeting's URL space: `idm-2018/sessions/opening-session`.
  loader: glob({
    pattern: ownPattern('**/*.mdx', '**/*.mdx'),
    base: GENERATED,
    generateId: ({ entry }) => entry.replace(/(?:\/index)?\.mdx$/, ''),
  }),
  schema: pageFrontmatterSchema,
});

/** One entry per meeting this build renders: the whole document model of that meeting. */
const meetings = defineCollection({
  loader: glob({
    pattern: ownPattern('*/meeting.json', 'meeting.json'),
    base: GENERATED,
    generateId: ({ entry }) => entry.split('/')[0]!,
  }),
  schema: meetingSchema,
});

export const collections = { pages, meetings };
