/**
 * Cues inside the units of a report with headings: which parts state conclusions (a group's
 * recommendations, an outcome's adopted text told in prose), how many sub-items a unit
 * announces, and which paragraphs open a unit of their own. General wordings of meeting
 * summaries, never one document's.
 */
import { splitSentences } from './text.ts';

/**
 * Recommendations a group states, not one speaker's advice: "participants recommended",
 * "the group also recommended", "five recommendations emerged from the group", "On
 * recommendations, she identified …" (a rapporteur reporting back).
 */
const GROUP_RECOMMENDS =
  /\b(?:participants|(?:the|each|both) (?:break-?out |working |sub-?)?groups?|they)\s+(?:also\s+|then\s+|further\s+)?(?:recommended|suggested|proposed (?:the following |a number of )?recommendations|put forward (?:a number of )?recommendations|identified (?:a (?:wide )?range of |the following |a number of )?recommendations|formulated (?:a number of )?recommendations)\b|\brecommendations (?:emerged|were made)\b|\b(?:actions|measures|steps|options) were (?:suggested|proposed|recommended)\b|\bformulated a number of recommendations\b|^On recommendations\b|[.;]\s+On recommendations\b/imu;

export function statesRecommendations(text: string): boolean {
  return GROUP_RECOMMENDS.test(text);
}

const OPERATIVE_VERB =
  '(?:notes?|recogni[sz]es?|lists?|urges?|decides?|requests?|invites?|endorses?|welcomes?|reaffirms?|reconfirms?|agrees?|calls? (?:on|upon)|encourages?|emphasi[sz]es?|stresses|takes? note|includes?|points? to|states?|recommends?|adopts?|approves?)';

/** An adopted text as the subject of an operative verb: "The draft conclusions on finance (L.2) note …". */
const ADOPTED_TEXT_SAYS = new RegExp(
  `\\b(?:conclusions?|resolution|decision|declaration)(?:\\s+on\\s+[^.;:]{1,140}?)?(?:\\s*\\([^)]{1,80}\\))?,?\\s+(?:also\\s+|further\\s+|inter alia,?\\s+)?${OPERATIVE_VERB}\\b`,
  'iu',
);
/** "The Board requested …", "The SBX invited …": the meeting's body acting in its outcome. */
const BODY_ACTS =
  /^The\s+(?:\p{Lu}[\p{Lu}\d-]+|\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,3})\s+(?:also\s+)?(?:requested|invited|decided|urged|encouraged|agreed|endorsed|recommended)\b/u;
// Within one sentence: a full stop inside a symbol ("L.2") is no sentence end.
export const REPORTS_ADOPTION =
  /\b(?:conclusions|report|resolution|decisions?|texts?)\b(?:[^.]|\.(?!\s)){0,160}?\b(?:were|was) (?:then |subsequently |finally )?adopted\b/i;

export function statesAdoptedText(text: string): boolean {
  const first = splitSentences(text)[0] ?? '';
  return (
    ADOPTED_TEXT_SAYS.test(text) ||
    /\bthe (?:draft )?conclusions? on\b/i.test(first) ||
    BODY_ACTS.test(first)
  );
}

const COUNT_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "… included three sub-items on …", "The presentations focused on three related topics": the count. */
export function countsSubItems(text: string): number | undefined {
  const first = splitSentences(text).slice(0, 2).join(' ');
  const match = first.match(
    /\b(two|three|four|five|six|seven|eight|nine|ten|[2-9])\s+(?:related\s+|main\s+)?(?:sub-?items|sub-?topics|sub-?themes|topics|themes|parts)\b/i,
  );
  if (!match) return undefined;
  const word = match[1]!.toLowerCase();
  return /\d/.test(word) ? Number(word) : COUNT_WORDS.indexOf(word) + 2;
}

const DATED_SITTING =
  /^(?:On|During)\s+(?:the\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|morning|afternoon|evening)\b/u;

/**
 * A paragraph that opens a unit of its own: it places itself in time as a new sitting does
 * ("On Thursday morning, 10 April, participants met …") or calls its subject an agenda item.
 */
export function opensOwnUnit(text: string): boolean {
  const first = splitSentences(text)[0] ?? '';
  return DATED_SITTING.test(first) || /\bagenda item\b/i.test(first);
}

/** "On Thursday morning, 25 April, participants met …": a paragraph opening a sitting of its own. */
export function opensSitting(text: string): boolean {
  return DATED_SITTING.test(text);
}
