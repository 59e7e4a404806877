/**
 * Where a paragraph names a speaker, linked: the pipeline finds every place the text names each
 * speaker and stores it in the model (`speaker.places`), and this module only renders those
 * places, so the text links exactly the mentions that the indexes, CSV and search count. The
 * text is cut into pieces; joined, the pieces are the text unchanged.
 */
import type { MentionPlace, Speaker } from '../schemas/meeting.ts';
import { sentenceSpans, type SentenceSpan } from './sentences.ts';

/** A link to a speaker's page at one place of a paragraph. */
export interface MentionLink {
  /** Offset of the mention in the paragraph's text. */
  start: number;
  /** Offset just after it. */
  end: number;
  /** The speaker's name, for the person's page. */
  name: string;
  /** The speaker's page. */
  href: string;
}

/** A piece of a paragraph's text; `target` is set on a mention. */
export interface TextPiece {
  text: string;
  target?: { name: string; href: string };
}

/**
 * For each paragraph id, where to link each speaker it names: their first place in it, since a
 * link per person per paragraph is enough and more would make the text a wall of links.
 * `hrefOf` gives a speaker's page; speakers without one are left out.
 */
export function mentionLinks(
  speakers: readonly Speaker[],
  hrefOf: (speaker: Speaker) => string | undefined,
): Map<string, MentionLink[]> {
  const byParagraph = new Map<string, MentionLink[]>();
  for (const speaker of speakers) {
    const href = hrefOf(speaker);
    if (!href) continue;
    for (const place of firstPlaceByParagraph(speaker.places)) {
      byParagraph.set(place.paragraph, [
        ...(byParagraph.get(place.paragraph) ?? []),
        { start: place.start, end: place.end, name: speaker.name, href },
      ]);
    }
  }
  for (const links of byParagraph.values()) links.sort((a, b) => a.start - b.start);
  return byParagraph;
}

/** The first place in each paragraph, in reading order. */
function firstPlaceByParagraph(places: readonly MentionPlace[]): MentionPlace[] {
  const seen = new Set<string>();
  return places.filter((place) => !seen.has(place.paragraph) && Boolean(seen.add(place.paragraph)));
}

/**
 * Cuts `text` at each link's place. A place outside the text or overlapping an earlier one is a
 * model that does not belong to this text: an error, not a silently missing link.
 */
export function splitAtMentions(text: string, links: readonly MentionLink[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const link of [...links].sort((a, b) => a.start - b.start)) {
    if (link.start < at || link.end > text.length || link.end <= link.start) {
      throw new Error(
        `The mention of ${link.name} at ${link.start}–${link.end} does not fit the paragraph "${text.slice(0, 40)}…": split the source again (npm run split) so the model matches the text.`,
      );
    }
    if (link.start > at) pieces.push({ text: text.slice(at, link.start) });
    pieces.push({
      text: text.slice(link.start, link.end),
      target: { name: link.name, href: link.href },
    });
    at = link.end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at) });
  return pieces;
}

/**
 * What a speaker's page quotes of a paragraph: the sentences that hold one of the speaker's
 * `places` in it, in order, with " … " where sentences between were left out, the first place
 * linked to `target`. The whole paragraph when no sentence holds one.
 */
export function quoteNaming(
  text: string,
  places: readonly Pick<MentionPlace, 'start' | 'end'>[],
  target: { name: string; href: string },
): TextPiece[] {
  const sentences = sentenceSpans(text);
  const holds = (sentence: SentenceSpan) =>
    places.some(
      (place) =>
        place.start >= sentence.start && place.end <= sentence.start + sentence.text.length,
    );
  const naming = sentences.flatMap((sentence, index) => (holds(sentence) ? [index] : []));
  if (naming.length === 0) return [{ text }];
  const pieces: TextPiece[] = [];
  let linked = false;
  naming.forEach((index, i) => {
    if (i > 0) pieces.push({ text: index === naming[i - 1]! + 1 ? ' ' : ' … ' });
    const sentence = sentences[index]!;
    const place = linked
      ? undefined
      : places.find(
          (p) => p.start >= sentence.start && p.end <= sentence.start + sentence.text.length,
        );
    if (!place) return void pieces.push({ text: sentence.text });
    linked = true;
    const link = {
      start: place.start - sentence.start,
      end: place.end - sentence.start,
      ...target,
    };
    pieces.push(...splitAtMentions(sentence.text, [link]));
  });
  return pieces;
}
