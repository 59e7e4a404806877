/** A meeting's numbers for its overview, counted from the document model, never typed. */
import type { Meeting } from '../schemas/meeting.ts';
import { groupSpeakers } from './stakeholder-groups.ts';

/** A figure as the text states it. */
type Figure = NonNullable<Meeting['figures']>[number];

/** Key figures shown at most; the rest stay in the JSON data. */
export const MAX_KEY_FIGURES = 8;

/** What the overview's "At a glance" shows. */
export interface Glance {
  sessions: number;
  conclusions: number;
  speakers: number;
  countries: number;
  organizations: number;
  /** Counts of the meeting's own participants ("47 speakers"), in reading order. */
  participation: Figure[];
  /** Other figures, in reading order, at most MAX_KEY_FIGURES. */
  keyFigures: Figure[];
  /** Figures the text states beyond participation, shown or not. */
  figureCount: number;
  /** Speakers per stakeholder group, in GROUP_LABELS order, groups without speakers left out. */
  groups: { label: string; id: string; count: number }[];
}

/** The overview's numbers for `meeting`. */
export function atAGlance(meeting: Meeting): Glance {
  const figures = meeting.figures;
  const others = figures.filter((f) => !f.participation);
  return {
    sessions: meeting.sections.filter((s) => s.kind === 'session').length,
    conclusions: meeting.sections.filter((s) => s.kind === 'conclusion').length,
    speakers: meeting.speakers.length,
    countries: meeting.countries.length,
    organizations: meeting.organizations.length,
    participation: figures.filter((f) => f.participation),
    keyFigures: others.slice(0, MAX_KEY_FIGURES),
    figureCount: others.length,
    groups: groupSpeakers(meeting.speakers).map(({ label, id, speakers }) => ({
      label,
      id,
      count: speakers.length,
    })),
  };
}

/**
 * The sentence around a figure, cut at word boundaries to about `max` characters with the
 * figure kept in view; the cuts are marked with an ellipsis.
 */
export function figureContext(
  figure: Pick<Figure, 'text' | 'sentence'>,
  max = 180,
): { before: string; figure: string; after: string } {
  const at = figure.sentence.indexOf(figure.text);
  if (at === -1) return { before: '', figure: figure.text, after: '' };
  let before = figure.sentence.slice(0, at);
  let after = figure.sentence.slice(at + figure.text.length);
  const room = Math.max(0, max - figure.text.length);
  if (before.length + after.length > room) {
    // Half the room each side; a side that needs less gives the rest to the other.
    const keepAfter = Math.min(after.length, room - Math.min(before.length, Math.floor(room / 2)));
    const keepBefore = Math.min(before.length, room - keepAfter);
    if (keepBefore < before.length)
      before = `…${before.slice(before.length - keepBefore).replace(/^\S*\s/, '')}`;
    if (keepAfter < after.length)
      after = `${after
        .slice(0, keepAfter)
        .replace(/\s\S*$/, '')
        .replace(/[\s,;:–—-]+$/, '')}…`;
  }
  return { before, figure: figure.text, after };
}
