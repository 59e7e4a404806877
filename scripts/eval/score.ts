/**
 * Scores one split meeting against its answer key: paragraphs kept, sessions found and
 * spurious, conclusions found and extra, speakers, title, dates and venue. Pure: the caller
 * reads the files and prints.
 */
import type { Meeting, Section } from '../../src/schemas/meeting.ts';
import type { AnswerKey, KeySection } from './answer-key.ts';
import { scoreSpeakers, type SpeakerScore } from './score-speakers.ts';

export interface DocumentScore {
  paragraphs: number;
  paragraphsLost: number;
  /** The first lost paragraph's opening words, to find it. */
  firstLost?: string;
  sessionsExpected: number;
  sessionsFound: number;
  /** Session pages of the split. */
  sessionPages: number;
  /** Session pages that are no session, conclusion or outcome of the key. */
  sessionsSpurious: number;
  conclusionsExpected: number;
  conclusionsFound: number;
  conclusionPages: number;
  /** Conclusion pages holding none of the key's conclusions. */
  conclusionsExtra: number;
  speakers: SpeakerScore;
  titleRight: boolean;
  datesRight: boolean;
  venueRight: boolean;
}

/** Case and white space folded away, for "does this text hold that excerpt" questions. */
/**
 * The keys keep U+0085 (a lost ellipsis) as written; the splitter reads stray control characters
 * as spaces (and counts them), so both sides fold them with white space.
 */
export function fold(text: string): string {
  return text.toLowerCase().replace(/[ \t\r\n\p{Cc}]+/gu, '');
}

const collapse = (text: string) => text.replace(/[ \t\r\n\p{Cc}]+/gu, ' ').trim();
const headingKey = (text: string) => fold(text).replace(/[:.\s]+$/u, '');

/**
 * The key's paragraphs: maximal runs of non-blank lines of the Markdown body that are not
 * heading lines, after the title line and the abstract.
 */
export function keyParagraphs(markdown: string): string[] {
  const runs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) runs.push(current.join(' '));
    current = [];
  };
  for (const line of markdown.split('\n')) {
    if (/^[ \t\r]*$/.test(line)) flush();
    else if (/^#{1,6}\s/.test(line)) flush();
    else current.push(line);
  }
  flush();
  // The title line and the abstract come first and are the title block.
  return runs.slice(2);
}

function sectionText(section: Section): string {
  return [section.title, section.statement ?? '', ...section.paragraphs.map((p) => p.text)].join(
    ' ',
  );
}

function opening(section: Section): string {
  return fold(`${section.title} ${section.paragraphs[0]?.text ?? ''}`);
}

function matchesSection(section: Section, expected: KeySection): boolean {
  const words = fold(expected.firstWords);
  const first = fold(section.paragraphs[0]?.text ?? '');
  if (words && (first.startsWith(words) || opening(section).startsWith(words))) return true;
  if (expected.title && headingKey(section.title) === headingKey(expected.title)) return true;
  if (expected.runInTitle && headingKey(section.title) === headingKey(expected.runInTitle))
    return true;
  return false;
}

/** One-to-one matching of key sections to split sections, in reading order. */
function matchSections(candidates: Section[], expected: KeySection[]): Map<KeySection, Section> {
  const used = new Set<Section>();
  const matches = new Map<KeySection, Section>();
  for (const wanted of expected) {
    const hit = candidates.find((s) => !used.has(s) && matchesSection(s, wanted));
    if (hit) {
      used.add(hit);
      matches.set(wanted, hit);
    }
  }
  return matches;
}

export function scoreDocument(
  meeting: Meeting,
  key: AnswerKey,
  paragraphs: string[],
): DocumentScore {
  const pages = meeting.sections;
  const held = pages.flatMap((s) =>
    s.paragraphs
      .map((p, i) => (i === 0 ? [fold(p.text), fold(`${s.title} ${p.text}`)] : [fold(p.text)]))
      .flat(),
  );
  const lost = paragraphs.filter((text) => {
    const wanted = fold(text);
    return !held.some((h) => h.includes(wanted));
  });

  const sessionPages = pages.filter((s) => s.kind === 'session');
  const keySessions = key.sections.filter((s) => s.kind === 'session');
  const foundSessions = matchSections(sessionPages, keySessions);
  const legit = matchSections(
    sessionPages,
    key.sections.filter((s) => s.kind !== 'background' && s.kind !== 'other'),
  );

  const conclusionPages = pages.filter((s) => s.kind === 'conclusion');
  const excerpts = key.conclusions.map((c) => fold(c.split(' — ').at(-1)!));
  const pageTexts = conclusionPages.map((s) => fold(sectionText(s)));
  const conclusionsFound = excerpts.filter((e) => pageTexts.some((t) => t.includes(e))).length;
  const conclusionsExtra = pageTexts.filter((t) => !excerpts.some((e) => t.includes(e))).length;

  return {
    paragraphs: paragraphs.length,
    paragraphsLost: lost.length,
    ...(lost[0] ? { firstLost: collapse(lost[0]).slice(0, 60) } : {}),
    sessionsExpected: keySessions.length,
    sessionsFound: foundSessions.size,
    sessionPages: sessionPages.length,
    sessionsSpurious: sessionPages.length - legit.size,
    conclusionsExpected: key.conclusions.length,
    conclusionsFound,
    conclusionPages: conclusionPages.length,
    conclusionsExtra,
    speakers: scoreSpeakers(meeting.speakers, {
      speakers: key.speakers,
      notSpeakers: key.notSpeakers,
    }),
    titleRight: collapse(meeting.title) === collapse(key.title),
    datesRight:
      (meeting.startDate ?? null) === key.startDate && (meeting.endDate ?? null) === key.endDate,
    venueRight: fold(meeting.venue ?? '') === fold(key.venue ?? ''),
  };
}
