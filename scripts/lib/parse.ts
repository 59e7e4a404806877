/**
 * Step 3: one source text in, one validated meeting out. Frontmatter (if any) is read first and
 * wins over everything inferred; Markdown headings win over textual cues.
 */
import matter from 'gray-matter';
import { meetingSchema, type Meeting } from '../../src/schemas/meeting.ts';
import { assembleSections, fallbackTitle } from './assemble.ts';
import { SourceError } from './errors.ts';
import { hasMarkdownHeadings, sectionsFromHeadings } from './markdown-structure.ts';
import { isBodyParagraph, normalizeText, type NormalizeReport } from './normalize.ts';
import { applySectionOverrides, readSourceFrontmatter } from './overrides.ts';
import { extractEntities } from './entities/extract.ts';
import { inferSections } from './structure.ts';
import { linkSessions } from './session-links.ts';
import { readTitleBlock } from './title-block.ts';

/** A parsed meeting and what the parse noticed on the way. */
export interface ParsedMeeting {
  meeting: Meeting;
  report: NormalizeReport;
  warnings: string[];
}

/** Parses one source's text; `file` names it in errors, `slug` is the default meeting slug. */
export function parseMeeting(text: string, file: string, slug: string): ParsedMeeting {
  const { data, content, lineOffset } = splitFrontmatter(text, file);
  const overrides = readSourceFrontmatter(data, file);
  const { blocks, report } = normalizeText(content);
  // Running text, or an editor's section heading, ends the title block.
  const bodyStart = blocks.findIndex((block) => isBodyParagraph(block) || /^#{2,6}\s/.test(block.text));
  if (bodyStart === -1) {
    throw new SourceError(file, 'no paragraph of running text was found', 'separate paragraphs with blank lines and end sentences with a full stop', lineOffset + 1);
  }
  const titleBlock = blocks.slice(0, bodyStart);
  const body = blocks.slice(bodyStart).map((block) => ({ ...block, line: block.line + lineOffset }));
  const facts = readTitleBlock(titleBlock);
  const { sections: _ignored, ...meetingOverrides } = overrides;
  const info = { ...facts, ...meetingOverrides, slug: overrides.slug ?? slug, source: file };
  const title = fallbackTitle(info, info.slug);
  const drafts = hasMarkdownHeadings(body) ? sectionsFromHeadings(body, title) : inferSections(body, title);
  const sections = assembleSections(drafts);
  const meeting = applySectionOverrides({ ...info, title, sections }, overrides, file);
  meeting.sections = linkSessions(meeting.sections);
  Object.assign(meeting, extractEntities(meeting.sections));
  return { meeting: validateMeeting(meeting, file), report, warnings: findWarnings(meeting) };
}

function splitFrontmatter(text: string, file: string): { data: Record<string, unknown>; content: string; lineOffset: number } {
  if (!text.startsWith('---')) return { data: {}, content: text, lineOffset: 0 };
  try {
    const parsed = matter(text);
    const lineOffset = text.slice(0, text.length - parsed.content.length).split('\n').length - 1;
    return { data: parsed.data, content: parsed.content, lineOffset };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new SourceError(file, `the frontmatter is not valid YAML (${reason})`, 'fix the YAML between the two --- lines', 1);
  }
}

function validateMeeting(meeting: Meeting, file: string): Meeting {
  const result = meetingSchema.safeParse(meeting);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new SourceError(file, `the document model is invalid at ${issue.path.join('.')}: ${issue.message}`, 'set this value in the frontmatter', 1);
}

/** Things an editor should look at; they do not stop the build. */
function findWarnings(meeting: Meeting): string[] {
  const warnings: string[] = [];
  const count = (kind: string) => meeting.sections.filter((s) => s.kind === kind).length;
  if (count('session') === 0) warnings.push('no sessions found: mark them with "## " headings in a Markdown source');
  if (count('conclusion') === 0) warnings.push('no key conclusions found: no sentence announces them ("… are summarized below")');
  if (!meeting.startDate) warnings.push('no meeting date found in the title block: set startDate in frontmatter');
  for (const s of meeting.sections) {
    if (s.role === 'thematic' && s.relatedConclusions.length === 0) warnings.push(`thematic session "${s.shortTitle}" relates to no key conclusion`);
  }
  return warnings;
}
