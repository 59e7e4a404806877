/**
 * Step 3: one source text in, one validated meeting out. Frontmatter (if any) is read first and
 * wins over everything inferred; Markdown headings win over textual cues.
 */
import { meetingSchema, type Meeting } from '../../src/schemas/meeting.ts';
import { assertAccounted } from './account.ts';
import { assembleSections, fallbackTitle } from './assemble.ts';
import { SourceError } from './errors.ts';
import { readFrontmatterBlock, type SourceFrontmatterBlock } from './frontmatter.ts';
import { hasMarkdownHeadings, sectionsFromHeadings } from './markdown-structure.ts';
import { isBodyParagraph, normalizeText, type NormalizeReport } from './normalize.ts';
import {
  applySectionOverrides,
  applySpeakerOverrides,
  readSourceFrontmatter,
} from './overrides.ts';
import { extractEntities } from './entities/extract.ts';
import { inferSections } from './structure.ts';
import { linkSessions } from './session-links.ts';
import { readTitleBlock, venueFromLead } from './title-block.ts';

/** A parsed meeting and what the parse noticed on the way. */
export interface ParsedMeeting {
  meeting: Meeting;
  report: NormalizeReport;
  warnings: string[];
}

/** Parses one source's text; `file` names it in errors, `slug` is the default meeting slug. */
export function parseMeeting(text: string, file: string, slug: string): ParsedMeeting {
  const frontmatter = readFrontmatterBlock(text, file);
  const { content, lineOffset } = frontmatter;
  const overrides = readSourceFrontmatter(frontmatter, file);
  const { blocks, report, dropped } = normalizeText(content);
  // Running text, or an editor's section heading, ends the title block.
  const bodyStart = blocks.findIndex(
    (block) => isBodyParagraph(block) || /^#{2,6}\s/.test(block.text),
  );
  if (bodyStart === -1) {
    throw new SourceError(
      file,
      'no paragraph of running text was found',
      'separate paragraphs with blank lines and end sentences with a full stop',
      lineOffset + 1,
    );
  }
  const titleBlock = blocks.slice(0, bodyStart);
  const body = blocks
    .slice(bodyStart)
    .map((block) => ({ ...block, line: block.line + lineOffset }));
  const facts = readTitleBlock(titleBlock);
  const leadVenue = facts.venue ? undefined : venueFromLead(body[0]?.text);
  if (leadVenue) facts.venue = leadVenue;
  const { sections: _ignored, speakers: _speakers, ...meetingOverrides } = overrides;
  const info = { ...facts, ...meetingOverrides, slug: overrides.slug ?? slug, source: file };
  assertDatesInOrder(info, frontmatter, file);
  const title = fallbackTitle(info, info.slug);
  const drafts = hasMarkdownHeadings(body)
    ? sectionsFromHeadings(body, title)
    : inferSections(body, title);
  assertAccounted(file, content.split('\n'), lineOffset, dropped, [
    ...titleBlock,
    ...drafts.flatMap((d) => [...d.blocks, ...(d.headings ?? [])]),
  ]);
  const sections = assembleSections(drafts);
  const meeting = applySectionOverrides(
    { ...info, title, sections, speakers: [], organizations: [], countries: [], figures: [] },
    overrides,
    file,
    frontmatter,
  );
  meeting.sections = linkSessions(meeting.sections);
  Object.assign(meeting, applySpeakerOverrides(extractEntities(meeting.sections), overrides, file));
  return {
    meeting: validateMeeting(meeting, file, frontmatter),
    report,
    warnings: findWarnings(meeting),
  };
}

/** The title block may give one date and the frontmatter the other: together they must still be in order. */
function assertDatesInOrder(
  info: { startDate?: string | undefined; endDate?: string | undefined },
  frontmatter: SourceFrontmatterBlock,
  file: string,
): void {
  if (!info.startDate || !info.endDate || info.endDate >= info.startDate) return;
  const field = frontmatter.has(['endDate']) ? 'endDate' : 'startDate';
  throw new SourceError(
    file,
    `the meeting ends (${info.endDate}) before it starts (${info.startDate})`,
    `correct ${field} in the frontmatter, or set both dates there`,
    frontmatter.lineOf([field]),
  );
}

/** The fix names the frontmatter setting: to correct when it is set there, to add when it is not. */
function validateMeeting(
  meeting: Meeting,
  file: string,
  frontmatter: SourceFrontmatterBlock,
): Meeting {
  const result = meetingSchema.safeParse(meeting);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const [top, index, field] = issue.path;
  const setting =
    top === 'sections' && typeof index === 'number'
      ? ['sections', meeting.sections[index]?.slug ?? '…', ...(field === undefined ? [] : [field])]
      : [top ?? ''];
  const name = setting.map(String).join('.');
  const fix = frontmatter.has(setting)
    ? `correct ${name} in the frontmatter`
    : `set ${name} in the frontmatter`;
  throw new SourceError(
    file,
    `the document model is invalid at ${issue.path.join('.')}: ${issue.message}`,
    fix,
    frontmatter.has(setting) ? frontmatter.lineOf(setting) : 1,
  );
}

/** Things an editor should look at; they do not stop the build. */
function findWarnings(meeting: Meeting): string[] {
  const warnings: string[] = [];
  const count = (kind: string) => meeting.sections.filter((s) => s.kind === kind).length;
  if (count('session') === 0)
    warnings.push('no sessions found: mark them with "## " headings in a Markdown source');
  if (count('conclusion') === 0)
    warnings.push(
      'no key conclusions found: no sentence announces them ("… are summarized below")',
    );
  if (!meeting.startDate)
    warnings.push('no meeting date found in the title block: set startDate in frontmatter');
  for (const s of meeting.sections) {
    if (s.role === 'thematic' && s.relatedConclusions.length === 0)
      warnings.push(`thematic session "${s.shortTitle}" relates to no key conclusion`);
  }
  return warnings;
}
