/**
 * Finds where each entity is named with one pass over the text: every written form of every
 * entity goes into a single alternation (longest first), instead of one regular expression per
 * form per paragraph.
 */

interface Paragraph {
  id: string;
  text: string;
}

/** For each owner, the ids of the paragraphs that hold one of its forms as a whole word. */
export function findMentions(formsByOwner: Map<string, string[]>, paragraphs: Paragraph[]): Map<string, string[]> {
  const ownerOf = new Map<string, string>();
  for (const [owner, forms] of formsByOwner) for (const form of forms) if (!ownerOf.has(form)) ownerOf.set(form, owner);
  const mentions = new Map<string, string[]>([...formsByOwner.keys()].map((owner) => [owner, []]));
  if (ownerOf.size === 0) return mentions;
  const alternation = [...ownerOf.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alternation})(?![\\p{L}\\p{N}-])`, 'gu');
  for (const paragraph of paragraphs) {
    for (const match of paragraph.text.matchAll(pattern)) {
      const list = mentions.get(ownerOf.get(match[0])!)!;
      if (list.at(-1) !== paragraph.id) list.push(paragraph.id);
    }
  }
  return mentions;
}

/** Escapes text for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
