/**
 * The generated pages and meeting models, validated with the same schema the splitter writes
 * them with. `content/generated/` is a build artifact of `npm run split`.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { readdirSync } from 'node:fs';
import { GENERATED_DIR } from './constants.ts';
import { meetingSchema, pageFrontmatterSchema } from './schemas/meeting.ts';
import { currentShard, ownsMeeting } from './utils/shard.ts';

const GENERATED = process.env.READOUT_GENERATED ?? `./${GENERATED_DIR}`;

/**
 * The MDX a build compiles: all of it, or in a shard build (READOUT_SHARD) only its own
 * meetings' folders — compiling MDX is what makes memory grow with the archive.
 */
function pagePattern(): string | string[] {
  if (!currentShard()) return '**/*.mdx';
  const owned = readdirSync(GENERATED, { withFileTypes: true }).filter(
    (e) => e.isDirectory() && ownsMeeting(e.name),
  );
  return owned.length > 0
    ? owned.map((e) => `${e.name}/**/*.mdx`)
    : 'no-meeting-in-this-shard/*.mdx';
}

/** One entry per section page (MDX), keyed by its path: `<meeting>/sessions/<slug>`. */
const pages = defineCollection({
  // The id is the page's path inside its meeting's URL space: `idm-2018/sessions/opening-session`.
  loader: glob({
    pattern: pagePattern(),
    base: GENERATED,
    generateId: ({ entry }) => entry.replace(/(?:\/index)?\.mdx$/, ''),
  }),
  schema: pageFrontmatterSchema,
});

/** One entry per meeting: the whole document model of that meeting. */
const meetings = defineCollection({
  loader: glob({
    pattern: '*/meeting.json',
    base: GENERATED,
    generateId: ({ entry }) => entry.split('/')[0]!,
  }),
  schema: meetingSchema,
});

export const collections = { pages, meetings };
