/**
 * Step 3a for Markdown sources: the editor's headings are the structure. `##` headings start
 * sections whose kind follows from the heading ("Opening session", "Key conclusions",
 * "Conclusion"); `###` headings under a key-conclusions heading are the conclusions.
 */
import { announcesConclusions, CLOSING_CUE, findEnumeratedItems, OPENING_CUE, opensWithThesis } from './cues.ts';
import type { Block } from './normalize.ts';
import type { DraftSection } from './structure.ts';
import { capitalize, splitSentences } from './text.ts';

const HEADING = /^(#{1,6})\s+(.+?)\s*#*$/;
const OVERVIEW_HEADING = /^(?:introduction|overview|background|about the meeting)$/i;
const CONCLUSIONS_HEADING = /\b(?:key|main) (?:conclusions|messages|findings)\b|^conclusions and/i;
const OUTCOME_HEADING = /^(?:conclusions?|outcomes?|next steps|(?:the )?way forward|closing)$/i;

/** True when the body has Markdown headings below the title. */
export function hasMarkdownHeadings(body: Block[]): boolean {
  return body.some((block) => /^#{2,6}\s/.test(block.text));
}

/** Splits a Markdown body into draft sections along its headings. */
export function sectionsFromHeadings(body: Block[], meetingTitle: string): DraftSection[] {
  const overview: DraftSection = { kind: 'overview', title: meetingTitle, blocks: [] };
  const sections: DraftSection[] = [overview];
  let current = overview;
  let inConclusions = false;
  for (const block of body) {
    const heading = block.text.match(HEADING);
    if (!heading) {
      addParagraph(block, current, sections, inConclusions);
      continue;
    }
    const level = heading[1]!.length;
    const title = heading[2]!;
    if (level <= 2) {
      inConclusions = CONCLUSIONS_HEADING.test(title);
      current = inConclusions || OVERVIEW_HEADING.test(title) || level === 1 ? overview : startSection(title, sections);
    } else if (inConclusions) {
      current = { kind: 'conclusion', title, statement: /[.!]$/u.test(title) ? title : `${title}.`, blocks: [] };
      sections.push(current);
    } else {
      current = startSection(title, sections);
    }
  }
  return sections;
}

function startSection(title: string, sections: DraftSection[]): DraftSection {
  const section: DraftSection = OUTCOME_HEADING.test(title)
    ? { kind: 'outcome', title, blocks: [] }
    : { kind: 'session', role: sessionRole(title), title, blocks: [] };
  sections.push(section);
  return section;
}

function sessionRole(title: string): 'opening' | 'closing' | 'named' {
  if (OPENING_CUE.test(title) || /^opening\b/i.test(title)) return 'opening';
  if (CLOSING_CUE.test(title) || /^closing\b/i.test(title)) return 'closing';
  return 'named';
}

/**
 * Under a key-conclusions heading without sub-headings, theses still open conclusions; in the
 * overview, an enumerated programme still lists the thematic sessions.
 */
function addParagraph(block: Block, current: DraftSection, sections: DraftSection[], inConclusions: boolean): void {
  if (inConclusions && current.kind === 'overview' && !announcesConclusions(block.text) && opensWithThesis(block.text)) {
    const statement = splitSentences(block.text)[0]!;
    sections.push({ kind: 'conclusion', title: statement.replace(/[.!]$/u, ''), statement, blocks: [block] });
    return;
  }
  const lastConclusion = sections.findLast((s) => s.kind === 'conclusion');
  const target = inConclusions && current.kind === 'overview' && lastConclusion ? lastConclusion : current;
  target.blocks.push(block);
  const programme = current.kind === 'overview' && !inConclusions ? findEnumeratedItems(block.text) : undefined;
  programme?.forEach((item, i) =>
    sections.push({ kind: 'session', role: 'thematic', title: capitalize(item), programmeNumber: i + 1, blocks: [] }),
  );
}
