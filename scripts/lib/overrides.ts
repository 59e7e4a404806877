/**
 * Explicit structure wins: a YAML frontmatter block at the top of a source overrides what the
 * splitter inferred — meeting facts, and per section (keyed by its inferred slug) the slug,
 * titles and the conclusions a session relates to. Every mistake is refused with the line it is
 * on: an override that would silently lose a page or a relation is a mistake too.
 */
import { z } from 'astro/zod';
import type { Entities, Meeting, Section } from '../../src/schemas/meeting.ts';
import {
  meetingInfoSchema,
  slugSchema,
  stakeholderGroupSchema,
} from '../../src/schemas/meeting.ts';
import { countryCalled, findCountries } from './entities/countries.ts';
import { classifyStakeholder } from './entities/groups.ts';
import { SourceError } from './errors.ts';
import type { SourceFrontmatterBlock } from './frontmatter.ts';
import { printable } from './printable.ts';
import { firstSchemaIssue } from './schema-issue.ts';

/** A value shown on one line: titles, names and places hold no line break or control character. */
const oneLine = z
  .string()
  .min(1)
  .regex(
    /^[^\p{Cc}\u2028\u2029]*$/u,
    'expected one line of text, without line breaks or control characters',
  );

const sectionOverrideSchema = z.strictObject({
  /** New URL segment for the section. */
  slug: slugSchema.optional(),
  /** New full title. */
  title: oneLine.optional(),
  /** New short title for navigation. */
  shortTitle: oneLine.optional(),
  /** For thematic sessions: slugs (inferred or overridden) of the conclusions it relates to. */
  relatedConclusions: z.array(z.string()).optional(),
});

/** Corrections to one speaker the splitter found; `false` instead removes a false one. */
const speakerOverrideSchema = z.union([
  z.literal(false),
  z.strictObject({
    name: z.string().min(1).optional(),
    role: z.string().min(1).optional(),
    organization: z.string().min(1).optional(),
    country: z.string().min(1).optional(),
    group: stakeholderGroupSchema.optional(),
  }),
]);

/** The meeting facts a source may set: the model's own fields, so their rules are written once. */
const MEETING_FIELDS = {
  slug: true,
  title: true,
  theme: true,
  organizer: true,
  startDate: true,
  endDate: true,
  venue: true,
  documentType: true,
} as const;
/** Of those, the ones shown as one line of text (the others are slugs and dates, already one line). */
const ONE_LINE_FIELDS = ['title', 'theme', 'organizer', 'venue', 'documentType'] as const;

/** The frontmatter a source may start with. Every field is optional. */
export const sourceFrontmatterSchema = meetingInfoSchema
  .pick(MEETING_FIELDS)
  .partial()
  .extend({
    /** Per-section overrides keyed by the slug the splitter inferred. */
    sections: z.record(z.string(), sectionOverrideSchema).optional(),
    /** Per-speaker corrections keyed by the speaker's id (the slug of their page); `false` removes one. */
    speakers: z.record(z.string(), speakerOverrideSchema).optional(),
  })
  .strict()
  .superRefine((data, context) => {
    // A source's values are shown on one line, and an empty one would override with nothing.
    for (const field of ONE_LINE_FIELDS) {
      const result = data[field] === undefined ? undefined : oneLine.safeParse(data[field]);
      if (result && !result.success)
        context.addIssue({
          code: 'custom',
          path: [field],
          message: result.error.issues[0]!.message,
        });
    }
  });
export type SourceFrontmatter = z.infer<typeof sourceFrontmatterSchema>;
type SectionOverride = z.infer<typeof sectionOverrideSchema>;
/** Where frontmatter settings are, for error lines. */
type Lines = Pick<SourceFrontmatterBlock, 'lineOf' | 'has'>;

/** Validates raw frontmatter, naming the first wrong field, its value and its line. */
export function readSourceFrontmatter(
  block: SourceFrontmatterBlock,
  file: string,
): SourceFrontmatter {
  const result = sourceFrontmatterSchema.safeParse(block.data);
  if (!result.success) {
    const { path, field, quotedValue, message } = firstSchemaIssue(result.error, block.data);
    throw new SourceError(
      file,
      `frontmatter field "${printable(field)}"${quotedValue}: ${message}`,
      'correct it or remove it to use the inferred value',
      block.lineOf(path),
    );
  }
  const { startDate, endDate } = result.data;
  if (startDate && endDate && endDate < startDate) {
    throw new SourceError(
      file,
      `endDate ${endDate} is before startDate ${startDate}`,
      'correct one of the two dates',
      block.lineOf(['endDate']),
    );
  }
  return result.data;
}

/**
 * Applies section overrides. Unknown section keys, two pages given one URL and relations to no
 * conclusion are errors: each would otherwise lose a page or a link without a word.
 */
export function applySectionOverrides(
  meeting: Meeting,
  overrides: SourceFrontmatter,
  file: string,
  block: Lines,
): Meeting {
  const entries = Object.entries(overrides.sections ?? {});
  const bySlug = new Map(meeting.sections.map((s) => [s.slug, s]));
  for (const [key] of entries) {
    if (!bySlug.has(key)) {
      const known = meeting.sections.map((s) => s.slug).join(', ');
      throw new SourceError(
        file,
        `frontmatter names section "${printable(key)}", which the text does not have`,
        `use one of: ${known}`,
        block.lineOf(['sections', key]),
      );
    }
  }
  const renamed = new Map(entries.flatMap(([key, o]) => (o.slug ? [[key, o.slug] as const] : [])));
  assertRelationsExist(meeting.sections, entries, renamed, file, block);
  const sections = meeting.sections.map((section): Section => {
    const override = overrides.sections?.[section.slug];
    const related = override?.relatedConclusions?.map((slug) => ({
      slug: renamed.get(slug) ?? slug,
      derived: false,
      score: 1,
      reason: 'stated by the editor',
    }));
    return {
      ...section,
      slug: override?.slug ?? section.slug,
      title: override?.title ?? section.title,
      shortTitle: override?.shortTitle ?? override?.title ?? section.shortTitle,
      relatedConclusions:
        related ??
        section.relatedConclusions.map((r) => ({ ...r, slug: renamed.get(r.slug) ?? r.slug })),
    };
  });
  assertUniquePages(sections, meeting.sections, file, block);
  return { ...meeting, sections };
}

/** A relation must name a key conclusion, by the slug the text gave it or the one frontmatter gives it. */
function assertRelationsExist(
  sections: Section[],
  entries: [string, SectionOverride][],
  renamed: Map<string, string>,
  file: string,
  block: Lines,
): void {
  const conclusions = sections.filter((s) => s.kind === 'conclusion').map((s) => s.slug);
  const known = new Set([...conclusions, ...conclusions.map((slug) => renamed.get(slug) ?? slug)]);
  for (const [key, override] of entries) {
    const index = (override.relatedConclusions ?? []).findIndex((slug) => !known.has(slug));
    if (index === -1) continue;
    const missing = override.relatedConclusions![index]!;
    throw new SourceError(
      file,
      `section "${key}" relates to conclusion "${printable(missing)}", which the text does not have`,
      `use one of: ${conclusions.join(', ') || '(no key conclusions were found)'}`,
      block.lineOf(['sections', key, 'relatedConclusions']),
    );
  }
}

/** Pages of one kind share a folder: two with one slug would overwrite each other. */
function assertUniquePages(
  sections: Section[],
  inferred: Section[],
  file: string,
  block: Lines,
): void {
  const seen = new Map<string, string>();
  sections.forEach((section, i) => {
    if (section.kind === 'overview') return;
    const key = `${section.kind}/${section.slug}`;
    const clash = section.slug === 'index' ? 'the list of pages' : seen.get(key);
    if (clash !== undefined) {
      const overridden = block.has(['sections', inferred[i]!.slug, 'slug'])
        ? inferred[i]!.slug
        : clash;
      throw new SourceError(
        file,
        `two ${section.kind} pages would both have the slug "${section.slug}" (${clash} and ${inferred[i]!.slug})`,
        'give each section its own slug in the frontmatter',
        block.lineOf(['sections', overridden, 'slug']),
      );
    }
    seen.set(key, inferred[i]!.slug);
  });
}

/**
 * The publisher's word on speakers: correct a name, role, organization, country or group, or
 * remove a person the splitter took for a speaker. Ids stay (they are published URLs); an unknown
 * id or a country no dataset knows is an error, so a typo cannot pass silently. The group follows a
 * corrected affiliation unless it is given too.
 */
export function applySpeakerOverrides(
  entities: Entities,
  overrides: SourceFrontmatter,
  file: string,
): Entities {
  const entries = Object.entries(overrides.speakers ?? {});
  if (entries.length === 0) return entities;
  const known = new Set(entities.speakers.map((s) => s.id));
  for (const [id, override] of entries) {
    if (!known.has(id)) {
      const list = entities.speakers.map((s) => s.id).join(', ') || '(none found)';
      throw new SourceError(
        file,
        `frontmatter names speaker "${id}", whom the text does not have`,
        `use one of: ${list}`,
        1,
      );
    }
    if (override && override.country && !countryOf(override.country)) {
      throw new SourceError(
        file,
        `frontmatter field "speakers.${id}.country": "${override.country}" is not a country name Readout knows`,
        'write the country\'s English name, e.g. "Viet Nam" or "United States"',
        1,
      );
    }
  }
  const speakers = entities.speakers.flatMap((speaker) => {
    const override = overrides.speakers?.[speaker.id];
    if (override === false) return [];
    if (override === undefined) return [speaker];
    const given = Object.fromEntries(
      Object.entries(override).filter(([, value]) => value !== undefined),
    ) as Partial<typeof speaker>;
    const corrected = { ...speaker, ...given };
    if (override.country) corrected.countryCode = countryOf(override.country)!;
    if (!override.group && (override.role || override.organization || override.country)) {
      corrected.group = classifyStakeholder(
        [corrected.role, corrected.organization, corrected.country].filter(Boolean).join(', '),
      );
    }
    return [corrected];
  });
  return { ...entities, speakers };
}

function countryOf(name: string): string | undefined {
  return (countryCalled(name) ?? findCountries(name).find((c) => c.written === name.trim()))?.code;
}
