/**
 * Explicit structure wins: a YAML frontmatter block at the top of a source overrides what the
 * splitter inferred — meeting facts, and per section (keyed by its inferred slug) the slug,
 * titles and the conclusions a session relates to.
 */
import { z } from 'astro/zod';
import type { Entities, Meeting, Section } from '../../src/schemas/meeting.ts';
import { slugSchema, stakeholderGroupSchema } from '../../src/schemas/meeting.ts';
import { countryCalled, findCountries } from './entities/countries.ts';
import { classifyStakeholder } from './entities/groups.ts';
import { SourceError } from './errors.ts';

/** YAML reads `2018-03-26` as a Date; the model wants the ISO string back. */
const dateLike = z.union([z.string(), z.date()]).transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value));

const sectionOverrideSchema = z.strictObject({
  /** New URL segment for the section. */
  slug: slugSchema.optional(),
  /** New full title. */
  title: z.string().min(1).optional(),
  /** New short title for navigation. */
  shortTitle: z.string().min(1).optional(),
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

/** The frontmatter a source may start with. Every field is optional. */
export const sourceFrontmatterSchema = z.strictObject({
  /** URL segment of the meeting. */
  slug: slugSchema.optional(),
  title: z.string().min(1).optional(),
  theme: z.string().min(1).optional(),
  organizer: z.string().min(1).optional(),
  startDate: dateLike.optional(),
  endDate: dateLike.optional(),
  venue: z.string().min(1).optional(),
  documentType: z.string().min(1).optional(),
  /** Per-section overrides keyed by the slug the splitter inferred. */
  sections: z.record(z.string(), sectionOverrideSchema).optional(),
  /** Per-speaker corrections keyed by the speaker's id (the slug of their page); `false` removes one. */
  speakers: z.record(z.string(), speakerOverrideSchema).optional(),
});
export type SourceFrontmatter = z.infer<typeof sourceFrontmatterSchema>;

/** Validates raw frontmatter, naming the first wrong field in the error. */
export function readSourceFrontmatter(data: Record<string, unknown>, file: string): SourceFrontmatter {
  const result = sourceFrontmatterSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.') || '(top level)';
  throw new SourceError(file, `frontmatter field "${field}": ${issue.message}`, 'correct it or remove it to use the inferred value', 1);
}

/** Applies section overrides; unknown section keys are an error, so a typo cannot pass silently. */
export function applySectionOverrides(meeting: Meeting, overrides: SourceFrontmatter, file: string): Meeting {
  const entries = Object.entries(overrides.sections ?? {});
  const bySlug = new Map(meeting.sections.map((s) => [s.slug, s]));
  for (const [key] of entries) {
    if (!bySlug.has(key)) {
      const known = meeting.sections.map((s) => s.slug).join(', ');
      throw new SourceError(file, `frontmatter names section "${key}", which the text does not have`, `use one of: ${known}`, 1);
    }
  }
  const renamed = new Map(entries.flatMap(([key, o]) => (o.slug ? [[key, o.slug] as const] : [])));
  const sections = meeting.sections.map((section): Section => {
    const override = overrides.sections?.[section.slug];
    const related = override?.relatedConclusions?.map((slug) => ({ slug: renamed.get(slug) ?? slug, derived: false, score: 1, reason: 'stated by the editor' }));
    return {
      ...section,
      slug: override?.slug ?? section.slug,
      title: override?.title ?? section.title,
      shortTitle: override?.shortTitle ?? override?.title ?? section.shortTitle,
      relatedConclusions: related ?? section.relatedConclusions.map((r) => ({ ...r, slug: renamed.get(r.slug) ?? r.slug })),
    };
  });
  return { ...meeting, sections };
}

/**
 * The publisher's word on speakers: correct a name, role, organization, country or group, or
 * remove a person the splitter took for a speaker. Ids stay (they are published URLs); an unknown
 * id or a country no dataset knows is an error, so a typo cannot pass silently. The group follows a
 * corrected affiliation unless it is given too.
 */
export function applySpeakerOverrides(entities: Entities, overrides: SourceFrontmatter, file: string): Entities {
  const entries = Object.entries(overrides.speakers ?? {});
  if (entries.length === 0) return entities;
  const known = new Set(entities.speakers.map((s) => s.id));
  for (const [id, override] of entries) {
    if (!known.has(id)) {
      const list = entities.speakers.map((s) => s.id).join(', ') || '(none found)';
      throw new SourceError(file, `frontmatter names speaker "${id}", whom the text does not have`, `use one of: ${list}`, 1);
    }
    if (override && override.country && !countryOf(override.country)) {
      throw new SourceError(file, `frontmatter field "speakers.${id}.country": "${override.country}" is not a country name Readout knows`, 'write the country\'s English name, e.g. "Viet Nam" or "United States"', 1);
    }
  }
  const speakers = entities.speakers.flatMap((speaker) => {
    const override = overrides.speakers?.[speaker.id];
    if (override === false) return [];
    if (override === undefined) return [speaker];
    const given = Object.fromEntries(Object.entries(override).filter(([, value]) => value !== undefined)) as Partial<typeof speaker>;
    const corrected = { ...speaker, ...given };
    if (override.country) corrected.countryCode = countryOf(override.country)!;
    if (!override.group && (override.role || override.organization || override.country)) {
      corrected.group = classifyStakeholder([corrected.role, corrected.organization, corrected.country].filter(Boolean).join(', '));
    }
    return [corrected];
  });
  return { ...entities, speakers };
}

function countryOf(name: string): string | undefined {
  return (countryCalled(name) ?? findCountries(name).find((c) => c.written === name.trim()))?.code;
}
