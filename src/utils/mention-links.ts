/**
 * Where a paragraph names a speaker: the text cut into pieces at each first mention, so a
 * component can wrap those pieces in links while the pieces, joined, are the text unchanged.
 */
import type { Speaker } from '../schemas/meeting.ts';

/** A speaker as a paragraph may name them, and where a mention links to. */
export interface MentionTarget {
  /** The speaker's name as written. */
  name: string;
  /** The forms that name them: the full name, then unambiguous short forms. */
  forms: string[];
  /** Where a mention links to. */
  href: string;
}

/** A piece of a paragraph's text; `target` is set on a mention. */
export interface TextPiece {
  text: string;
  target?: MentionTarget;
}

/**
 * The short forms a speaker is named by later ("Dr Ruiz", "Director General Okafor"): the last
 * two words of a name of three or more, and the last word, when no other speaker of the meeting
 * ends the same way. Lowercase words ("da", "de") never stand alone for a name.
 */
export function shortForms(speakers: readonly Pick<Speaker, 'id' | 'name'>[]): Map<string, string[]> {
  const candidates = speakers.map((speaker) => {
    const words = speaker.name.split(/\s+/);
    const forms = [words.length >= 3 ? words.slice(-2).join(' ') : '', words.at(-1) ?? ''].filter((form) => form.length >= 3 && form !== speaker.name && /^\p{Lu}/u.test(form));
    return [speaker.id, forms] as const;
  });
  const count = new Map<string, number>();
  for (const [, forms] of candidates) for (const form of forms) count.set(form, (count.get(form) ?? 0) + 1);
  return new Map(candidates.map(([id, forms]) => [id, forms.filter((form) => count.get(form) === 1)]));
}

/** Every form that names each of a meeting's speakers, by id: the full name, then the short forms. */
export function namingForms(speakers: readonly Pick<Speaker, 'id' | 'name'>[]): Map<string, string[]> {
  const shorts = shortForms(speakers);
  return new Map(speakers.map((speaker) => [speaker.id, [speaker.name, ...(shorts.get(speaker.id) ?? [])]]));
}

/**
 * For each paragraph id, the speakers the model says it names, with their forms and link.
 * `hrefOf` gives a speaker's page; speakers without one are left out.
 */
export function mentionTargets(speakers: readonly Speaker[], hrefOf: (speaker: Speaker) => string | undefined): Map<string, MentionTarget[]> {
  const forms = namingForms(speakers);
  const byParagraph = new Map<string, MentionTarget[]>();
  for (const speaker of speakers) {
    const href = hrefOf(speaker);
    if (!href) continue;
    const target = { name: speaker.name, forms: forms.get(speaker.id) ?? [speaker.name], href };
    for (const id of speaker.mentions) byParagraph.set(id, [...(byParagraph.get(id) ?? []), target]);
  }
  return byParagraph;
}

/** Escapes text for use inside a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every whole-word occurrence of a target's form, longest form first where two overlap. */
function findMentions(text: string, targets: readonly MentionTarget[]): { index: number; text: string; target: MentionTarget }[] {
  const owner = new Map<string, MentionTarget>();
  for (const target of targets) for (const form of target.forms) if (!owner.has(form)) owner.set(form, target);
  if (owner.size === 0) return [];
  const alternation = [...owner.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alternation})(?![\\p{L}\\p{N}-])`, 'gu');
  return [...text.matchAll(pattern)].map((match) => ({ index: match.index, text: match[0], target: owner.get(match[0])! }));
}

/**
 * Cuts `text` at the first mention of each target: a link per person per paragraph is enough,
 * and more would make the text a wall of links. Joining the pieces' text gives `text` back.
 */
export function splitAtMentions(text: string, targets: readonly MentionTarget[]): TextPiece[] {
  const linked = new Set<MentionTarget>();
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const mention of findMentions(text, targets)) {
    if (linked.has(mention.target)) continue;
    linked.add(mention.target);
    if (mention.index > at) pieces.push({ text: text.slice(at, mention.index) });
    pieces.push({ text: mention.text, target: mention.target });
    at = mention.index + mention.text.length;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at) });
  return pieces;
}

/** Sentence ends: a stop, then space, then a capital or an opening quote; not after "Dr." or an initial. */
const SENTENCE_END = /(?<!(?:^|[\s.])(?:Dr|Mr|Mrs|Ms|Prof|St|No|H\.E|[A-Z]))[.!?]["”’)]?\s+(?=[\p{Lu}"“‘(])/gu;

/** A paragraph's sentences, each with its closing stop; together they are the paragraph. */
export function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].trimEnd().length;
    sentences.push(text.slice(start, end));
    start = match.index + match[0].length;
  }
  sentences.push(text.slice(start));
  return sentences.filter((sentence) => sentence.length > 0);
}

/**
 * What a speaker's page quotes of a paragraph: the sentences that name them, in order, with
 * " … " where sentences between were left out. The whole paragraph when no sentence names
 * them by these forms.
 */
export function quoteNaming(text: string, target: MentionTarget): string {
  const sentences = sentencesOf(text);
  const naming = sentences.flatMap((sentence, index) => (findMentions(sentence, [target]).length > 0 ? [index] : []));
  if (naming.length === 0) return text;
  let quote = '';
  naming.forEach((index, i) => {
    const gap = i === 0 ? '' : index === naming[i - 1]! + 1 ? ' ' : ' … ';
    quote += `${gap}${sentences[index]}`;
  });
  return quote;
}
