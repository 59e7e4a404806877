/**
 * Step 3a: infers the sections of a plain-text summary from the genre's cues. Sessions come
 * before the sentence announcing the conclusions; key conclusions after it, each opening with a
 * thesis; a closing heading starts the outcome. Paragraphs that belong to no session (the
 * introduction, the programme, the announcement) stay on the overview.
 */
import type { SectionKind, SessionRole } from '../../src/schemas/meeting.ts';
import {
  announcesConclusions,
  CLOSING_CUE,
  findEnumeratedItems,
  findNamedSession,
  OPENING_CUE,
  opensWithThesis,
} from './cues.ts';
import { isHeadingLike, withoutListMarker, type Block } from './normalize.ts';
import { capitalize, splitSentences } from './text.ts';

/** A section before slugs, numbers and relations are assigned. */
export interface DraftSection {
  kind: SectionKind;
  role?: SessionRole;
  title: string;
  statement?: string;
  programmeNumber?: number;
  blocks: Block[];
  /** Heading blocks this section consumed: its own heading, its parts, a container above it. */
  headings?: Block[];
  /** Sub-headings inside the page, each before the paragraph it opens (none at the very end). */
  parts?: { title: string; before?: Block }[];
  /** The container heading the section stands under ("Report of the workshop"). */
  under?: string;
  /** For a conclusion a session states itself: that session, which links to it. */
  statedIn?: DraftSection;
}

/** Splits the body blocks (everything after the title block) into draft sections. */
export function inferSections(body: Block[], meetingTitle: string): DraftSection[] {
  const overview: DraftSection = { kind: 'overview', title: meetingTitle, blocks: [] };
  const outcomeAt = findOutcomeHeading(body);
  const beforeOutcome = outcomeAt === -1 ? body : body.slice(0, outcomeAt);
  const markerAt = beforeOutcome.findIndex((block) => announcesConclusions(block.text));
  const sessions = inferSessions(
    markerAt === -1 ? beforeOutcome : beforeOutcome.slice(0, markerAt),
    overview,
  );
  // The announcement introduces the conclusions, which the overview lists: it stays there.
  if (markerAt !== -1) overview.blocks.push(beforeOutcome[markerAt]!);
  const conclusions = markerAt === -1 ? [] : inferConclusions(beforeOutcome.slice(markerAt + 1));
  const outcome = outcomeAt === -1 ? [] : [toOutcome(body[outcomeAt]!, body.slice(outcomeAt + 1))];
  return [overview, ...sessions, ...conclusions, ...outcome];
}

/** The outcome starts at the last heading-like line of the body ("Conclusion", "Next steps"). */
function findOutcomeHeading(body: Block[]): number {
  for (let i = body.length - 1; i >= 0; i--) if (isHeadingLike(body[i]!)) return i;
  return -1;
}

function toOutcome(heading: Block, blocks: Block[]): DraftSection {
  return { kind: 'outcome', title: heading.text, blocks, headings: [heading] };
}

function inferSessions(blocks: Block[], overview: DraftSection): DraftSection[] {
  const sessions: DraftSection[] = [];
  let current = overview;
  const start = (role: SessionRole, title: string) => {
    current = { kind: 'session', role, title, blocks: [] };
    sessions.push(current);
  };
  for (const block of blocks) {
    const firstSentence = splitSentences(block.text)[0] ?? '';
    const named = findNamedSession(block.text);
    const programme = findEnumeratedItems(block.text);
    if (named) {
      start('named', named);
    } else if (programme) {
      sessions.push(...programme.map((item, i) => thematicSession(item, i + 1)));
      current = overview;
    } else if (CLOSING_CUE.test(firstSentence) && current.role !== 'closing') {
      start('closing', 'Closing session');
    } else if (OPENING_CUE.test(firstSentence) && current === overview && sessions.length === 0) {
      start('opening', 'Opening session');
    }
    current.blocks.push(block);
  }
  return sessions;
}

function thematicSession(item: string, programmeNumber: number): DraftSection {
  return {
    kind: 'session',
    role: 'thematic',
    title: capitalize(item),
    programmeNumber,
    blocks: [],
  };
}

/** Each paragraph that opens with a thesis starts a key conclusion; the others are its evidence. */
function inferConclusions(blocks: Block[]): DraftSection[] {
  const conclusions: DraftSection[] = [];
  for (const block of blocks) {
    const current = conclusions.at(-1);
    if (!current || opensWithThesis(block.text)) {
      const statement = splitSentences(withoutListMarker(block.text))[0]!;
      conclusions.push({
        kind: 'conclusion',
        title: statement.replace(/[.!]$/u, ''),
        statement,
        blocks: [block],
      });
    } else {
      current.blocks.push(block);
    }
  }
  return conclusions;
}
