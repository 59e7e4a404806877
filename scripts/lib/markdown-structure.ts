/**
 * Step 3a for texts with headings (Markdown at any level, or plain-text headings: capitals lines,
 * "Session 2:", numbered lines): the headings form an outline. Its top-level units become pages —
 * sessions, key conclusions, the outcome, and parts that are not sessions (background, annexes
 * such as upcoming meetings) — and deeper headings are anchored parts of the page they stand in.
 * A container heading ("Report of the workshop") holds units; text directly under it that opens
 * the meeting is the opening. A conclusions sub-heading inside a session ("Conclusions:", "Chair's
 * summary") becomes a key-conclusion page that the session links to.
 */
import { announcesConclusions, findEnumeratedItems, OPENING_CUE, opensWithThesis } from './cues.ts';
import {
  classifyHeading,
  headingOf,
  isBareUnitLabel,
  isMarkedPlainHeading,
  namesCountry,
  unitNumber,
  type Heading,
  type HeadingClass,
} from './headings.ts';
import { isCapitalsLine, withoutListMarker, type Block } from './normalize.ts';
import {
  countsSubItems,
  opensOwnUnit,
  opensSitting,
  REPORTS_ADOPTION,
  statesAdoptedText,
  statesRecommendations,
} from './report-cues.ts';
import type { DraftSection } from './structure.ts';
import { capitalize, splitSentences } from './text.ts';

/**
 * True when the body is laid out with headings: any Markdown heading, or at least three
 * plain-text headings in capitals or numbered. Otherwise the textual cues infer the structure.
 */
export function hasMarkdownHeadings(body: Block[]): boolean {
  if (body.some((block) => /^#{1,6}\s/.test(block.text) && block.lines.length === 1)) return true;
  return body.filter(isMarkedPlainHeading).length >= 3;
}

interface Item {
  block: Block;
  heading: Heading | undefined;
  kind: HeadingClass | undefined;
}

/** "Working group reports", "Reports of the breakout groups", "Report back to plenary". */
const GROUP_REPORTS =
  /\b(?:groups?|break-?outs?)\b.*\breports?\b|\breports? of the (?:working |breakout |break-out )?groups?\b|\breport(?:s|ing)?[- ]back\b/i;
/** "Group I:", "GROUP A - Water", "Breakout group 2". */
const GROUP_PART =
  /^(?:(?:working|breakout|break-out|discussion) )?groups? (?:[A-Z]|\d+|[IVX]+)\b/i;

type Mode = 'report' | 'background' | 'annex' | 'conclusions';

/** Splits a body with headings into draft sections along its outline. */
export function sectionsFromHeadings(body: Block[], meetingTitle: string): DraftSection[] {
  // A stray "## Heading" in a plain text must not hide the text's own headings.
  const marked = body.filter(
    (block) => /^#{1,6}\s/.test(block.text) && block.lines.length === 1,
  ).length;
  const markdownOnly = marked > 0 && marked >= body.filter(isMarkedPlainHeading).length;
  const items: Item[] = body.map((block) => {
    const heading = headingOf(block, markdownOnly);
    return { block, heading, kind: heading ? classifyHeading(heading.title) : undefined };
  });
  markEvidenceContainers(items);
  markAgendaLabels(items);
  return new OutlineBuilder(
    meetingTitle,
    items.some((i) => i.kind === 'named'),
  ).build(items);
}

/**
 * "ITEM 3:" alone, no title after its number: a label, not a unit's title. Right under a titled
 * heading ("ADP OPENING PLENARY") it names the agenda item that unit took up, a part of it. When
 * one such label follows another, the labels are the units of the report and stay units.
 */
function markAgendaLabels(items: Item[]): void {
  const headings = items.filter((item) => item.heading);
  const bare = (item: Item | undefined) =>
    item?.heading?.level === undefined && isBareUnitLabel(item?.heading?.title ?? '');
  const titled = (item: Item | undefined) =>
    !!item && !bare(item) && item.kind !== 'background' && item.kind !== 'annex';
  const labels = headings.filter((item) => bare(item));
  if (labels.every((label) => titled(headings[headings.indexOf(label) - 1])))
    for (const label of labels) label.kind = 'part';
}

/**
 * A Markdown heading whose own sub-headings include two or more units by evidence (named or
 * numbered sessions, an opening or closing, or items that state their own conclusions) holds
 * units: it is a container, like "Report of the workshop", though its words do not say so.
 */
function markEvidenceContainers(items: Item[]): void {
  const top = Math.min(...items.map((item) => item.heading?.level ?? 7));
  items.forEach((item, i) => {
    const level = item.heading?.level;
    if (level === undefined || level !== top || item.kind !== 'plain') return;
    let evidence = 0;
    for (let j = i + 1; j < items.length; j++) {
      const other = items[j]!;
      if (!other.heading) continue;
      if ((other.heading.level ?? 0) <= level) break;
      if (other.kind === 'named' || other.kind === 'opening' || other.kind === 'closing')
        evidence++;
      else if (other.kind === 'plain' && nextHeading(items, j)?.kind === 'conclusion-part')
        evidence++;
    }
    if (evidence >= 2) item.kind = 'container';
  });
}

function nextHeading(items: Item[], from: number): Item | undefined {
  for (let j = from + 1; j < items.length; j++) if (items[j]!.heading) return items[j];
  return undefined;
}

interface Unit {
  section: DraftSection;
  level: number | undefined;
}

class OutlineBuilder {
  private readonly overview: DraftSection;
  private readonly sections: DraftSection[];
  private current: DraftSection;
  private mode: Mode = 'report';
  private modeLevel: number | undefined;
  private unit: Unit | undefined;
  private unitLevel: number | undefined;
  private containerLevel: number | undefined;
  private container:
    { block: Block; title: string; holder: DraftSection; used: boolean } | undefined;
  /** Text under a container began with lead paragraphs: the opening may still follow. */
  private awaitingOpening = false;
  /** The session whose groups are reporting back, after a "Group reports" sub-heading. */
  private reportsFrom: DraftSection | undefined;
  private pendingParts: { section: DraftSection; part: { title: string; before?: Block } }[] = [];
  /**
   * Plain text only: a unit whose sub-items follow as headings of the same look — its heading
   * stands with no text of its own, or its first paragraph counts them ("three sub-items").
   */
  private parent:
    { section: DraftSection; remaining: number | undefined; taken: number } | undefined;

  private readonly hasNamedUnits: boolean;
  /** Units of plain title that follow numbered ones as their peers (see `afterClosingLabel`). */
  private readonly peers = new Set<DraftSection>();

  constructor(meetingTitle: string, hasNamedUnits: boolean) {
    this.hasNamedUnits = hasNamedUnits;
    this.overview = { kind: 'overview', title: meetingTitle, blocks: [], headings: [], parts: [] };
    this.sections = [this.overview];
    this.current = this.overview;
  }

  build(items: Item[]): DraftSection[] {
    items.forEach((item, i) => {
      if (item.heading && item.kind && this.isBrokenTitleLine(item, items[i - 1], items[i + 1]))
        this.paragraph(item.block);
      else if (item.heading && item.kind)
        this.heading(item.block, item.heading, item.kind, items[i + 1], () =>
          textUntilNextHeading(items, i),
        );
      else this.paragraph(item.block);
    });
    this.closeContainer();
    return mergeProgramme(this.sections).map(finishConclusion);
  }

  /**
   * In a list of entries (upcoming meetings, contacts), a plain line standing between two
   * entry headings with no text around it is a line of a title broken over several: it stays text,
   * as the Markdown of the same document has it, rather than becoming an empty entry.
   */
  private isBrokenTitleLine(
    item: Item,
    previous: Item | undefined,
    next: Item | undefined,
  ): boolean {
    return (
      this.mode === 'annex' &&
      item.heading?.level === undefined &&
      item.kind === 'plain' &&
      !!previous?.heading &&
      !!next?.heading &&
      previous.heading.level === undefined &&
      this.unit?.section.headings?.[0] !== previous.block
    );
  }

  private heading(
    block: Block,
    heading: Heading,
    kind: HeadingClass,
    next: Item | undefined,
    partText: () => string,
  ): void {
    const firstParagraph = next?.heading ? undefined : next?.block;
    this.awaitingOpening = false;
    const level = heading.level;
    const deeper = level !== undefined && this.unit?.level !== undefined && level > this.unit.level;
    if (this.mode === 'conclusions') {
      const inGroup =
        level !== undefined
          ? this.modeLevel !== undefined && level > this.modeLevel
          : kind === 'plain';
      if (inGroup) {
        this.startConclusion(block, heading.title);
        return;
      }
    }
    if (this.mode === 'annex' || this.mode === 'background') {
      // In plain text, a history's parts each have text; a heading with none over a plain heading
      // holds sub-items of its own: the report has begun.
      const holdsSubItems =
        level === undefined &&
        this.mode === 'background' &&
        kind === 'plain' &&
        next?.kind === 'plain';
      // An annex heading right under another with no text between ("THINGS TO LOOK FOR" /
      // "UPCOMING WORKSHOPS") is its first entry, not a second annex.
      const firstEntry =
        this.mode === 'annex' &&
        kind === 'annex' &&
        this.unit?.section.blocks.length === 0 &&
        (this.unit.section.parts?.length ?? 0) === 0;
      const stays =
        level !== undefined
          ? deeper || (this.mode === 'annex' && kind === 'plain')
          : ((kind === 'plain' || kind === 'part') && !holdsSubItems) || firstEntry;
      if (stays && this.unit) {
        this.addPart(this.unit.section, block, heading.title);
        return;
      }
    }
    if (
      this.unit &&
      (kind === 'conclusion-part' ||
        ((kind === 'conclusion' || kind === 'conclusion-group') && deeper))
    ) {
      this.startStatedConclusion(block, heading.title, this.unit.section);
      return;
    }
    // After "Working group reports", each group's report is its recommendations.
    if (this.unit && this.reportsFrom === this.unit.section && GROUP_PART.test(heading.title)) {
      this.startStatedConclusion(block, heading.title, this.unit.section);
      return;
    }
    this.reportsFrom =
      this.unit && GROUP_REPORTS.test(heading.title) ? this.unit.section : undefined;
    // "Closing remarks" inside the closing session is a part of it, whatever the levels say.
    if (
      this.unit?.section.role &&
      (kind === 'opening' || kind === 'closing') &&
      this.unit.section.role === kind &&
      level === undefined
    ) {
      this.addPart(this.unit.section, block, heading.title);
      return;
    }
    if (this.takesSubItem(heading, kind, firstParagraph)) {
      this.addSessionPart(this.parent!.section, block, heading.title, partText);
      return;
    }
    if (this.unit && this.unit.section.kind === 'session') {
      const unitsLevel = this.unitLevel ?? this.unit.level;
      const nested = level !== undefined && unitsLevel !== undefined && level > unitsLevel;
      const partLike =
        kind === 'part' ||
        (level === undefined &&
          kind === 'plain' &&
          !this.afterClosingLabel(heading.title) &&
          (namesCountry(heading.title) ||
            (this.hasNamedUnits &&
              !this.peers.has(this.unit.section) &&
              !(firstParagraph && opensSitting(firstParagraph.text))) ||
            isLowerStyle(heading.title, this.unit.section.title) ||
            opensWithPresenter(firstParagraph)));
      if (nested || partLike) {
        this.addSessionPart(this.unit.section, block, heading.title, partText);
        return;
      }
    }
    const peer =
      level === undefined &&
      kind === 'plain' &&
      this.hasNamedUnits &&
      this.unit?.section.kind === 'session';
    this.topLevel(block, heading, kind);
    // A titled unit after the numbered sessions: the plain headings after it are its peers too.
    if (peer && this.unit) this.peers.add(this.unit.section);
    this.parent = undefined;
    const unit = this.unit?.section;
    if (
      heading.level === undefined &&
      unit?.kind === 'session' &&
      unit.headings?.at(-1) === block
    ) {
      const count = firstParagraph ? countsSubItems(firstParagraph.text) : undefined;
      // A label ("Presentations", "Discussion") right under it opens the unit's own text instead.
      if (next?.kind === 'plain' || count !== undefined)
        this.parent = { section: unit, remaining: count, taken: 0 };
    }
  }

  /**
   * Under a parent, a plain heading is its next sub-item — the first one always (a parent has no
   * text before it), later ones unless they open a unit of their own: dated like a new sitting
   * ("On Thursday morning, …"), calling themselves an agenda item, or past the number of
   * sub-items the parent announced.
   */
  private takesSubItem(
    heading: Heading,
    kind: HeadingClass,
    firstParagraph: Block | undefined,
  ): boolean {
    const parent = this.parent;
    if (!parent || heading.level !== undefined || this.unit?.section !== parent.section)
      return false;
    if ((kind !== 'plain' && kind !== 'part') || parent.remaining === 0) return false;
    if (
      parent.taken > 0 &&
      parent.remaining === undefined &&
      firstParagraph &&
      opensOwnUnit(firstParagraph.text)
    )
      return false;
    if (parent.remaining !== undefined) parent.remaining--;
    parent.taken++;
    return true;
  }

  private topLevel(block: Block, heading: Heading, kind: HeadingClass): void {
    this.pendingParts = [];
    if (kind === 'container') {
      this.openContainer(block, heading.title, heading.level);
      return;
    }
    if (kind === 'conclusion-group') {
      this.mode = 'conclusions';
      this.modeLevel = heading.level;
      this.unit = undefined;
      this.current = this.overview;
      this.addPart(this.overview, block, heading.title);
      return;
    }
    const section = this.newSection(block, heading.title, kind);
    this.mode =
      section.kind === 'background' ? 'background' : section.kind === 'annex' ? 'annex' : 'report';
    this.modeLevel = heading.level;
    this.unit = { section, level: heading.level };
    // Units nested in a container set the units' level; one at the container's own level does not.
    const level = heading.level;
    const inside =
      this.containerLevel === undefined || (level !== undefined && level > this.containerLevel);
    if (
      section.kind === 'session' &&
      inside &&
      (this.unitLevel === undefined || (level ?? 0) < this.unitLevel)
    )
      this.unitLevel = level;
    if (section.kind !== 'session') this.containerLevel = undefined;
  }

  private newSection(block: Block, title: string, kind: HeadingClass): DraftSection {
    const section: DraftSection = {
      ...sectionKind(kind),
      title,
      blocks: [],
      headings: [],
      parts: [],
    };
    if (this.container && section.kind === 'session') {
      section.under = this.container.title;
      if (!this.container.used) {
        section.headings!.push(this.container.block);
        this.container.used = true;
      }
    }
    section.headings!.push(block);
    this.sections.push(section);
    this.current = section;
    return section;
  }

  private openContainer(block: Block, title: string, level: number | undefined): void {
    this.closeContainer();
    const holder: DraftSection = {
      kind: 'session',
      role: 'opening',
      title,
      blocks: [],
      headings: [block],
      parts: [],
    };
    this.container = { block, title, holder, used: false };
    this.mode = 'report';
    this.unit = undefined;
    this.unitLevel = undefined;
    this.containerLevel = level;
    this.current = holder;
  }

  /** A container heading that no text and no unit took is still the overview's part. */
  private closeContainer(): void {
    if (this.container && !this.container.used)
      this.addPart(this.overview, this.container.block, this.container.title, false);
    this.container = undefined;
  }

  /**
   * A part of a session in which its participants or groups state recommendations (a break-out
   * group's report, "Participants recommended …") is a conclusion the session states: a
   * key-conclusion page the session links to, like a "Conclusions:" sub-heading.
   */
  private addSessionPart(
    session: DraftSection,
    block: Block,
    title: string,
    partText: () => string,
  ): void {
    if (session.kind === 'session' && statesRecommendations(partText())) {
      this.startStatedConclusion(block, title, session);
      return;
    }
    this.addPart(session, block, title);
  }

  /**
   * Numbered sessions end with their "DISCUSSION:" label; when the label has the look of the
   * session headings (capitals, as flat as they are), a titled heading after it (no colon of a
   * label) is the next unit of the report, not a part of the session that has closed. A label in
   * a lower style ("Discussion:") is a level below, and titled headings after it stay parts.
   */
  private afterClosingLabel(title: string): boolean {
    const last = this.unit?.section.parts?.at(-1)?.title;
    return (
      !!last &&
      isCapitalsLine(last) &&
      classifyHeading(last) === 'part' &&
      /discussion|q\s?&\s?a|question/i.test(last) &&
      !/:\s*$/u.test(title) &&
      title.split(/\s+/).length >= 4
    );
  }

  private addPart(section: DraftSection, block: Block, title: string, moveTo = true): void {
    const part = { title };
    (section.parts ??= []).push(part);
    (section.headings ??= []).push(block);
    this.pendingParts.push({ section, part });
    if (moveTo) this.current = section;
  }

  private startConclusion(block: Block, title: string): void {
    this.pendingParts = [];
    const statement = /[.!]$/u.test(title) ? title : `${title}.`;
    this.current = {
      kind: 'conclusion',
      title,
      statement,
      blocks: [],
      headings: [block],
      parts: [],
    };
    this.sections.push(this.current);
  }

  private startStatedConclusion(block: Block, title: string, session: DraftSection): void {
    this.pendingParts = [];
    const conclusion: DraftSection = {
      kind: 'conclusion',
      title,
      blocks: [],
      headings: [block],
      parts: [{ title }],
      statedIn: session,
    };
    this.pendingParts.push({ section: conclusion, part: conclusion.parts![0]! });
    this.sections.push(conclusion);
    this.current = conclusion;
  }

  private paragraph(block: Block): void {
    if (this.container && this.current === this.container.holder) this.containerText(block);
    else if (this.awaitingOpening && this.current === this.overview && opensMeeting(block.text)) {
      // Under a container, lead text may come first; the paragraph that opens the meeting starts the opening.
      this.awaitingOpening = false;
      const opening: DraftSection = {
        kind: 'session',
        role: 'opening',
        title: 'Opening session',
        blocks: [],
        headings: [],
        parts: [],
      };
      this.sections.push(opening);
      this.unit = { section: opening, level: undefined };
      this.current = opening;
    }
    const unit = this.unit;
    const runIn =
      this.mode === 'report' && unit?.section.kind === 'session'
        ? runInUnitTitle(block.text)
        : undefined;
    if (runIn && unit) {
      // A unit whose heading was lost runs its title into its first paragraph, which stays whole.
      this.pendingParts = [];
      const section: DraftSection = {
        kind: 'session',
        role: 'named',
        title: runIn,
        blocks: [],
        headings: [],
        parts: [],
      };
      if (this.container) section.under = this.container.title;
      this.sections.push(section);
      this.unit = { section, level: unit.level };
      this.current = section;
    }
    if (this.mode === 'conclusions' && this.current.kind === 'overview') {
      this.conclusionText(block);
      return;
    }
    if (this.mode === 'report' && this.unit?.section.kind === 'outcome') {
      this.outcomeText(block, this.unit.section);
      return;
    }
    this.current.blocks.push(block);
    this.settleParts(block);
    if (this.current === this.overview) {
      findEnumeratedItems(block.text)?.forEach((item, i) =>
        this.sections.push({
          kind: 'session',
          role: 'thematic',
          title: capitalize(item),
          programmeNumber: i + 1,
          blocks: [],
        }),
      );
    }
  }

  /**
   * An outcome that tells its adopted text in prose ("The conclusions on finance note …", "The
   * resolution urges …", "The Board requested …"): each such paragraph starts a key conclusion
   * the outcome states, the paragraphs after it are its evidence, and the one reporting the
   * adoption ("… were then adopted") ends the run; the rest stays on the outcome's page.
   */
  private outcomeText(block: Block, outcome: DraftSection): void {
    if (statesAdoptedText(block.text)) {
      this.current = {
        kind: 'conclusion',
        title: '',
        blocks: [],
        headings: [],
        parts: [],
        statedIn: outcome,
      };
      this.sections.push(this.current);
    }
    this.current.blocks.push(block);
    this.settleParts(block);
    if (this.current !== outcome && REPORTS_ADOPTION.test(block.text)) this.current = outcome;
  }

  /** Text right under a container: the opening when it opens the meeting, else the overview's. */
  private containerText(block: Block): void {
    const container = this.container!;
    if (container.used) return;
    container.used = true;
    if (opensMeeting(block.text)) {
      this.sections.push(container.holder);
      this.unit = { section: container.holder, level: undefined };
    } else {
      this.addPart(this.overview, container.block, container.title);
      this.awaitingOpening = true;
    }
  }

  /** Under a key-conclusions heading, a paragraph opening with a thesis starts a conclusion. */
  private conclusionText(block: Block): void {
    if (!announcesConclusions(block.text) && opensWithThesis(block.text)) {
      const statement = splitSentences(withoutListMarker(block.text))[0]!;
      this.current = {
        kind: 'conclusion',
        title: statement.replace(/[.!]$/u, ''),
        statement,
        blocks: [block],
        headings: [],
        parts: [],
      };
      this.sections.push(this.current);
      this.current = this.overview;
      return;
    }
    const target = this.sections.findLast((s) => s.kind === 'conclusion') ?? this.overview;
    target.blocks.push(block);
    this.settleParts(block);
  }

  private settleParts(block: Block): void {
    for (const pending of this.pendingParts)
      if (pending.section.blocks.includes(block)) pending.part.before = block;
    this.pendingParts = this.pendingParts.filter(
      (pending) => !pending.section.blocks.includes(block),
    );
  }
}

function textUntilNextHeading(items: Item[], at: number): string {
  const texts: string[] = [];
  for (let j = at + 1; j < items.length && !items[j]!.heading; j++)
    texts.push(items[j]!.block.text);
  return texts.join('\n');
}

/**
 * A programme listed in the lead ("(1) mapping exposure; (2) …") names the sessions that the
 * headings then report: an item whose session has a heading — numbered as the item ("Session 1:
 * …") or titled with its words — is that session, numbered by the programme, not a second,
 * empty page. Items no heading reports keep their own (thematic) pages.
 */
function mergeProgramme(sections: DraftSection[]): DraftSection[] {
  const reported = sections.filter((s) => s.kind === 'session' && s.role !== 'thematic');
  const merged = new Set<DraftSection>();
  for (const item of sections) {
    if (
      item.role !== 'thematic' ||
      !item.programmeNumber ||
      item.blocks.length > 0 ||
      (item.headings?.length ?? 0) > 0
    )
      continue;
    const words = foldTitle(item.title);
    const session =
      reported.find((s) => unitNumber(s.title) === item.programmeNumber) ??
      reported.find((s) => words.length >= 6 && foldTitle(s.title).includes(words));
    if (!session || session.programmeNumber) continue;
    session.programmeNumber = item.programmeNumber;
    merged.add(item);
  }
  return sections.filter((s) => !merged.has(s));
}

const foldTitle = (title: string) => title.toLowerCase().replace(/[^\p{L}\d]+/gu, '');

/** A paragraph whose first sentence opens the meeting ("… opened the workshop", "in her opening remarks"). */
function opensMeeting(text: string): boolean {
  const first = splitSentences(text)[0] ?? '';
  return (
    OPENING_CUE.test(first) ||
    /\bopened\b|\bwelcomed\s+(?:the\s+)?(?:participants|delegates|attendees)\b/i.test(first)
  );
}

/**
 * Plain text has no heading levels, but its styles rank: a "Label:" in mixed case under a
 * heading in capitals is a part of it, not a unit of its own.
 */
function isLowerStyle(title: string, unitTitle: string): boolean {
  return /:$/u.test(title) && !isCapitalsLine(title) && isCapitalsLine(unitTitle);
}

/**
 * A heading whose text opens with someone presenting ("Ana Lopes, Delta Institute, presented …",
 * "Forum Chair Ana Lopes outlined …") is a presentation within the session, not a session.
 */
function opensWithPresenter(block: Block | undefined): boolean {
  if (!block) return false;
  const first = splitSentences(block.text)[0] ?? '';
  const subject = first.match(
    /^(.{3,160}?)\s(?:presented|outlined|introduced|described|gave (?:a|an) (?:overview|presentation)|provided (?:a|an) (?:overview|presentation)|spoke|reported)\b/u,
  )?.[1];
  return (
    !!subject &&
    /^\p{Lu}\p{L}*(?:\s+\p{Lu}[\p{L}'’.-]*){1,}/u.test(subject) &&
    !DETERMINER.test(subject)
  );
}

const DETERMINER =
  /^(?:The|This|These|That|Those|A|An|On|At|In|During|After|Before|Delegates|Parties|Participants|Several|Many|Some)\b/;

/**
 * "AGENDA ITEM 3 STRENGTHENING COMMITMENTS The US said …": a numbered unit's title in capitals
 * run into the paragraph that opens it. Sub-items ("ITEM 3(a)") stay in their unit's text.
 */
function runInUnitTitle(text: string): string | undefined {
  const match = text.match(
    /^((?:AGENDA ITEM|ITEM|SESSION|PANEL|PART)\s+(?:\d+|[IVXLC]+)(?![\s]*\([a-z]\))(?:\s+(?:[\p{Lu}\d][\p{Lu}\d.,'’/&-]*|\([a-z]\)))+?)\s+(?=\p{Lu}\p{Ll})/u,
  );
  if (
    !match ||
    !isCapitalsLine(match[1]!.replace(/\([a-z]\)/g, '')) ||
    match[1]!.split(/\s+/).length < 4
  )
    return undefined;
  return match[1]!.replace(/\s+/g, ' ');
}

function sectionKind(kind: HeadingClass): Pick<DraftSection, 'kind' | 'role'> {
  switch (kind) {
    case 'background':
      return { kind: 'background' };
    case 'annex':
      return { kind: 'annex' };
    case 'conclusion':
    case 'conclusion-part':
    case 'conclusion-group':
      return { kind: 'conclusion' };
    case 'outcome':
      return { kind: 'outcome' };
    case 'opening':
      return { kind: 'session', role: 'opening' };
    case 'closing':
      return { kind: 'session', role: 'closing' };
    default:
      return { kind: 'session', role: 'named' };
  }
}

/**
 * A conclusion a session states under a sub-heading ("Conclusions:") is titled by its first
 * sentence, like every key conclusion; the sub-heading stays on its page as an anchored part.
 */
function finishConclusion(section: DraftSection): DraftSection {
  if (section.kind !== 'conclusion' || !section.statedIn || section.blocks.length === 0)
    return section;
  const statement = splitSentences(withoutListMarker(section.blocks[0]!.text))[0]!;
  return { ...section, title: statement.replace(/[.!]$/u, ''), statement };
}
