/**
 * The one schema of Readout's document model. The build script validates what it writes with it
 * and `src/content.config.ts` loads generated pages with it, so the site and the splitter can
 * never disagree about a field.
 */
import { z } from 'astro/zod';
import { SECTION_KINDS, STAKEHOLDER_GROUPS } from '../constants.ts';

/** True for a YYYY-MM-DD day that exists: not 2018-02-30, not 2018-13-45, not year 0000. */
export function isCalendarDate(value: string): boolean {
  const [year = 0, month = 0, day = 0] = value.split('-').map(Number);
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** ISO calendar date that exists, e.g. `2018-03-26`: no timestamps, no 30 February, no year 0. */
const isoDate = z
  .string({ error: 'expected a date written YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day written YYYY-MM-DD, without a time or zone')
  .refine(isCalendarDate, 'expected a real calendar date');

/** A lowercase ASCII slug: letters, digits and single hyphens. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lowercase ASCII slug like "opening-session"');

/**
 * What a section is: the meeting's overview, a session, a key conclusion or the outcome; or a
 * part of the summary that is not a session: the background (history) or an annex (upcoming
 * meetings, contacts, glossary, the reporters' analysis).
 */
export const sectionKindSchema = z.enum(SECTION_KINDS);
export type SectionKind = z.infer<typeof sectionKindSchema>;

/** How a session was found in the text. */
export const sessionRoleSchema = z.enum(['opening', 'named', 'thematic', 'closing']);
export type SessionRole = z.infer<typeof sessionRoleSchema>;

/** A paragraph's printed number: digits, then letters for paragraphs inserted by corrections (`26a`). */
export const paragraphLabelSchema = z
  .string()
  .regex(/^\d+[a-z]*$/, 'expected a paragraph number like "26" or "26a"');

/** A paragraph's fragment id: `p` and its printed number (`p26`, `p26a`). */
export const paragraphIdSchema = z
  .string()
  .regex(/^p\d+[a-z]*$/, 'expected a paragraph id like "p26" or "p26a"');

/** A meeting-relative page path, as published: `conclusions/some-slug` (the overview is the empty path). */
export const pagePathSchema = z
  .string()
  .regex(
    /^(?:[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*)?$/,
    'expected a page path like "conclusions/some-slug"',
  );

/**
 * A paragraph anchor that was published on a page but no longer holds text there: the
 * paragraph was removed by a correction (its number is retired) or now lives on another page.
 */
export const retiredParagraphSchema = z.object({
  /** The published fragment id (`p27`). */
  id: paragraphIdSchema,
  /** Its printed number (`27`). */
  label: paragraphLabelSchema,
  /** `removed`: retired by a correction; `moved`: the same paragraph now lives on another page. */
  reason: z.enum(['removed', 'moved']),
  /** For removed paragraphs: date of the correction that removed it. */
  date: isoDate.optional(),
  /** Id of the paragraph (or note) it stood after on this page; none when it opened the page. */
  after: paragraphIdSchema.optional(),
  /** Where its text is now: a paragraph it was merged into, or its new place. */
  to: z.object({ id: paragraphIdSchema, page: pagePathSchema }).optional(),
});
export type RetiredParagraph = z.infer<typeof retiredParagraphSchema>;

/** A build that changed the published text, from the meeting's links lockfile. */
export const editionSchema = z.object({
  /** Day of the build (UTC). */
  date: isoDate,
  /** What changed, in a reader's words ("¶ 26a inserted; ¶ 27 removed"). */
  changes: z.string().min(1),
});
export type Edition = z.infer<typeof editionSchema>;

/** One numbered paragraph of the source text. */
export const paragraphSchema = z.object({
  /** Meeting-wide number in reading order; a paragraph inserted by a correction shares its predecessor's (26 for ¶ 26a). */
  n: z.number().int().nonnegative(),
  /** Printed number when it is not just `n`: `26a` for a paragraph inserted after ¶ 26 (see scripts/lib/permalinks). */
  label: paragraphLabelSchema.optional(),
  /** Fragment id, stable across rebuilds and corrections: `p12`, `p26a`. */
  id: paragraphIdSchema,
  /** The paragraph's text exactly as the source has it after repairs; rendered literally. */
  text: z.string().min(1),
});
export type Paragraph = z.infer<typeof paragraphSchema>;

/** A link from a thematic session to a key conclusion that discusses its theme. */
export const relatedConclusionSchema = z.object({
  /** Slug of the related key conclusion. */
  slug: slugSchema,
  /** True when computed from the text, false when an editor stated it in frontmatter. */
  derived: z.boolean(),
  /** Strength of the evidence, 0…1; an explicit mention of the session scores 1. */
  score: z.number().min(0).max(1),
  /** Why the relation was made, in words a reader can check. */
  reason: z.string(),
  /** Ids of the conclusion's paragraphs that discuss the theme, quoted on the session's page. */
  paragraphs: z.array(z.string()).optional(),
});
export type RelatedConclusion = z.infer<typeof relatedConclusionSchema>;

/** A sub-heading inside a page: its anchor, its text, and the paragraph it opens (none: at the end). */
export const sectionPartSchema = z.object({
  /** Fragment id, unique within the page. */
  id: slugSchema,
  /** The sub-heading as the source has it. */
  title: z.string().min(1),
  /** Id of the paragraph it stands before; absent when nothing follows it on the page. */
  before: paragraphIdSchema.optional(),
});
export type SectionPart = z.infer<typeof sectionPartSchema>;

/** A place where a paragraph names a session by the number the document gives it ("Session 1"). */
export const sessionReferenceSchema = z.object({
  /** Id of the paragraph that holds the reference. */
  paragraph: z.string(),
  /** Where the reference starts in the paragraph's text (UTF-16 offset). */
  start: z.number().int().nonnegative(),
  /** The reference exactly as written; linking it never changes the text. */
  text: z.string().min(1),
  /** Slug of the session it names. */
  session: slugSchema,
});
export type SessionReference = z.infer<typeof sessionReferenceSchema>;

/** One page of a meeting: the overview, a session, a key conclusion or the outcome. */
export const sectionSchema = z.object({
  /** What kind of page this is. */
  kind: sectionKindSchema,
  /** For sessions: how the session was found (opening, named, thematic, closing). */
  role: sessionRoleSchema.optional(),
  /** URL segment, unique within the meeting and its kind. */
  slug: slugSchema,
  /** Full title as the text gives it. */
  title: z.string().min(1),
  /** Short title for navigation, breadcrumbs and search results. */
  shortTitle: z.string().min(1),
  /** For key conclusions: the thesis sentence that opens it. */
  statement: z.string().optional(),
  /** For thematic sessions: place in the programme's enumerated list (1-based). */
  programmeNumber: z.number().int().positive().optional(),
  /** For thematic sessions: the key conclusions that discuss the theme. */
  relatedConclusions: z.array(relatedConclusionSchema).default([]),
  /** The section's paragraphs in reading order; thematic sessions may have none. */
  paragraphs: z.array(paragraphSchema),
  /** Sub-headings inside the page (panels, "Discussion", breakout groups), anchored, in reading order. */
  parts: z.array(sectionPartSchema).optional(),
  /** The heading the section stands under in the source ("Report of the workshop"). */
  under: z.string().optional(),

  /** Where this section's paragraphs name a session by its number, in text order. */
  sessionReferences: z.array(sessionReferenceSchema).optional(),
  /** Earlier paths of this page (a slug changed by a correction): each is published as a redirect here. */
  formerPaths: z.array(pagePathSchema).optional(),
  /** Anchors once published on this page that no longer hold text here, with what happened to them. */
  retired: z.array(retiredParagraphSchema).optional(),
});
export type Section = z.infer<typeof sectionSchema>;

/** A speaker's stakeholder group; the rule for each is documented in scripts/lib/entities/groups.ts. */
export const stakeholderGroupSchema = z.enum(STAKEHOLDER_GROUPS);

/** Where the text names a speaker: a paragraph and the span of the form it uses. */
export const mentionPlaceSchema = z.object({
  /** Id of the paragraph. */
  paragraph: z.string(),
  /** Offset of the form's first character in the paragraph's text (UTF-16 code units). */
  start: z.number().int().nonnegative(),
  /** Offset just after the form's last character. */
  end: z.number().int().positive(),
});
export type MentionPlace = z.infer<typeof mentionPlaceSchema>;

/** A person the text presents as speaking or presenting. */
export const speakerSchema = z.object({
  /** URL segment of the speaker's page, unique within the meeting. */
  id: slugSchema,
  /** The name as written, without honorific. */
  name: z.string().min(1),
  /** Title written before the name ("Dr", "Mayor"). */
  honorific: z.string().optional(),
  /** Job title as written. */
  role: z.string().optional(),
  /** Organization as written. */
  organization: z.string().optional(),
  /** Country as written. */
  country: z.string().optional(),
  /** ISO 3166-1 alpha-2 code of that country. */
  countryCode: z.string().length(2).optional(),
  /** Stakeholder group, by the documented rule. */
  group: stakeholderGroupSchema,
  /** The first attribution exactly as written ("Name, Title, Organization"). */
  attribution: z.string(),
  /** Every distinct attribution of this person, as written. */
  attributions: z.array(z.string()),
  /** Ids of the paragraphs that name the person (full name or a later short form). */
  mentions: z.array(z.string()),
  /** The forms the text names them by: the full name, then the unambiguous short forms ("Ruiz"). */
  forms: z.array(z.string().min(1)).min(1),
  /** Every place the text names them, in reading order: exactly what `mentions` counts, for the site to link. */
  places: z.array(mentionPlaceSchema),
});
export type Speaker = z.infer<typeof speakerSchema>;

/** An organization named in the text. */
export const organizationSchema = z.object({
  /** URL fragment of the organization in the organizations index. */
  id: slugSchema,
  /** The full name as written (or the acronym when the text never expands it). */
  name: z.string(),
  /** The acronym the text defines or uses for it. */
  acronym: z.string().optional(),
  /** Ids of the paragraphs that name it by name or acronym. */
  mentions: z.array(z.string()),
});

/** A country named in the text, resolved against a maintained dataset. */
export const countrySchema = z.object({
  /** ISO 3166-1 alpha-2 code. */
  code: z.string().length(2),
  /** Common English name. */
  name: z.string(),
  /** The forms the text uses ("Viet Nam"). */
  written: z.array(z.string()),
  /** Ids of the paragraphs that name it. */
  mentions: z.array(z.string()),
});

/** A number the text states, with its unit and sentence. */
export const figureSchema = z.object({
  /** As written, with its unit: "50 million children". */
  text: z.string(),
  /** The number, scaled (50000000). */
  value: z.number(),
  /** What is counted or measured. */
  unit: z.string(),
  /** True for counts of the meeting's own participants. */
  participation: z.boolean(),
  /** The sentence the figure comes from. */
  sentence: z.string(),
  /** Id of the paragraph holding that sentence. */
  paragraph: z.string(),
});

/** Who said what: the entities of one meeting. */
export const entitiesSchema = z.object({
  /** Speakers in order of first attribution. */
  speakers: z.array(speakerSchema),
  /** Organizations in order of first mention. */
  organizations: z.array(organizationSchema),
  /** Countries in order of first mention. */
  countries: z.array(countrySchema),
  /** Key figures in reading order. */
  figures: z.array(figureSchema),
});
export type Entities = z.infer<typeof entitiesSchema>;

/** Meeting-level facts from the title block (or from frontmatter, which wins). */
export const meetingInfoSchema = z.object({
  /** URL segment of the meeting, from the file name unless frontmatter sets it. */
  slug: slugSchema,
  /** The meeting's title, e.g. the dialogue's name and year. */
  title: z.string().min(1),
  /** A line of the title block that is neither organizer, title, dates nor document type (a tagline). */
  tagline: z.string().optional(),
  /** The meeting's theme, when the title block states one. */
  theme: z.string().optional(),
  /** The organization that convened the meeting and published the summary. */
  organizer: z.string().optional(),
  /** First day of the meeting. */
  startDate: isoDate.optional(),
  /** Last day of the meeting (equal to startDate for one-day meetings). */
  endDate: isoDate.optional(),
  /** Where the meeting took place, as written. */
  venue: z.string().optional(),
  /** The kind of document, e.g. "Summary of conclusions". */
  documentType: z.string().optional(),
  /** Source file name, relative to the sources folder. */
  source: z.string().min(1),
  /** The builds that changed the published text, oldest first (from the links lockfile). */
  editions: z.array(editionSchema).optional(),
});
export type MeetingInfo = z.infer<typeof meetingInfoSchema>;

/** A whole meeting: its facts and its sections in reading order. */
export const meetingSchema = meetingInfoSchema
  .extend({
    /** Every page of the meeting in reading order, the overview first. */
    sections: z.array(sectionSchema).min(1),
  })
  .extend(entitiesSchema.shape);
export type Meeting = z.infer<typeof meetingSchema>;

/** What `npm run split -- --json` prints and `data.json` holds. */
export const documentModelSchema = z.object({
  /** Every meeting found in the sources. */
  meetings: z.array(meetingSchema),
});
export type DocumentModel = z.infer<typeof documentModelSchema>;

/**
 * Frontmatter of one generated MDX page. Paragraph text stays in the MDX body; the frontmatter
 * carries what navigation, metadata and search need without rendering the body.
 */
export const pageFrontmatterSchema = sectionSchema
  .omit({ paragraphs: true, formerPaths: true, retired: true })
  .extend({
    /** Slug of the meeting this page belongs to. */
    meeting: slugSchema,
    /** Position of the page in the meeting's reading order (0 = overview). */
    order: z.number().int().nonnegative(),
    /** Numbers and ids of the paragraphs the body renders, for tables of contents and citations. */
    paragraphs: z.array(paragraphSchema.pick({ n: true, label: true, id: true })),
  });
export type PageFrontmatter = z.infer<typeof pageFrontmatterSchema>;
