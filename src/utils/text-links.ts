/**
 * A paragraph's text cut into pieces at the places that link somewhere: a speaker's first
 * mention and every reference to a session. Joined, the pieces are the text unchanged.
 */
import type { Meeting } from '../schemas/meeting.ts';
import type { TextPiece } from './mention-links.ts';

/** A piece of text and, when it links, where to and what kind of link it is. */
export interface LinkedPiece {
  text: string;
  /** Set on a linked piece. */
  link?: { href: string; kind: 'mention' | 'session' };
}

/** A reference to a session at a place in a paragraph's text. */
export interface PlacedLink {
  /** Offset of the reference in the paragraph's text. */
  start: number;
  /** The reference as written. */
  text: string;
  /** The session's page. */
  href: string;
}

/**
 * Cuts the unlinked pieces of `pieces` at each reference whose text is where the model says it
 * is; a reference that overlaps a mention, or no longer matches the text, is left unlinked.
 */
export function linkReferences(
  pieces: readonly TextPiece[],
  references: readonly PlacedLink[],
): LinkedPiece[] {
  const linked: LinkedPiece[] = [];
  let offset = 0;
  for (const piece of pieces) {
    const end = offset + piece.text.length;
    if (piece.target) {
      linked.push({ text: piece.text, link: { href: piece.target.href, kind: 'mention' } });
    } else {
      let at = offset;
      const inside = references
        .filter((r) => r.start >= offset && r.start + r.text.length <= end)
        .sort((a, b) => a.start - b.start);
      for (const reference of inside) {
        if (
          reference.start < at ||
          piece.text.slice(
            reference.start - offset,
            reference.start - offset + reference.text.length,
          ) !== reference.text
        )
          continue;
        if (reference.start > at)
          linked.push({ text: piece.text.slice(at - offset, reference.start - offset) });
        linked.push({ text: reference.text, link: { href: reference.href, kind: 'session' } });
        at = reference.start + reference.text.length;
      }
      if (at < end || piece.text.length === 0) linked.push({ text: piece.text.slice(at - offset) });
    }
    offset = end;
  }
  return linked;
}

/** For each paragraph id of a meeting, its references to sessions; `hrefOf` gives a session's page. */
export function sessionLinks(
  meeting: Pick<Meeting, 'sections'>,
  hrefOf: (sessionSlug: string) => string,
): Map<string, PlacedLink[]> {
  const byParagraph = new Map<string, PlacedLink[]>();
  for (const section of meeting.sections) {
    for (const reference of section.sessionReferences ?? []) {
      const link = {
        start: reference.start,
        text: reference.text,
        href: hrefOf(reference.session),
      };
      byParagraph.set(reference.paragraph, [...(byParagraph.get(reference.paragraph) ?? []), link]);
    }
  }
  return byParagraph;
}
