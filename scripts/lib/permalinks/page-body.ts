/**
 * The order of a page's body: its paragraphs, with each retired anchor's note placed right
 * after what it stood after (notes of anchors that opened the page come first).
 */
import type { Paragraph, RetiredParagraph, Section } from '../../../src/schemas/meeting.ts';

/** One item of a page body: a paragraph or a retired anchor's note. */
export type BodyItem = { paragraph: Paragraph } | { retired: RetiredParagraph };

/** The page's paragraphs and retired-anchor notes in reading order. */
export function pageBody(section: Pick<Section, 'paragraphs' | 'retired'>): BodyItem[] {
  const notes = section.retired ?? [];
  const present = new Set([...section.paragraphs.map((p) => p.id), ...notes.map((r) => r.id)]);
  const following = new Map<string, RetiredParagraph[]>();
  const opening: RetiredParagraph[] = [];
  for (const note of notes) {
    if (note.after && present.has(note.after) && note.after !== note.id)
      following.set(note.after, [...(following.get(note.after) ?? []), note]);
    else opening.push(note);
  }
  const items: BodyItem[] = [];
  const placed = new Set<string>();
  const placeAfter = (id: string) => {
    for (const note of following.get(id) ?? []) {
      if (placed.has(note.id)) continue;
      placed.add(note.id);
      items.push({ retired: note });
      placeAfter(note.id);
    }
  };
  for (const note of opening) {
    placed.add(note.id);
    items.push({ retired: note });
    placeAfter(note.id);
  }
  for (const paragraph of section.paragraphs) {
    items.push({ paragraph });
    placeAfter(paragraph.id);
  }
  return items;
}

/**
 * The MDX tag of a body item; `literal` makes a string a safe JavaScript literal. Each tag passes
 * on the `page` prop the route gives the MDX content (`<Content page={…} />`): the paragraph's
 * meeting, citation and headings come from the page that renders it, visibly, as props.
 */
export function paragraphTag(item: BodyItem, literal: (text: string) => string): string {
  if ('retired' in item)
    return `<Paragraph id="${item.retired.id}" retired={${literal(JSON.stringify(item.retired))}} ${PAGE_PROP} />`;
  const p = item.paragraph;
  return `<Paragraph n={${p.n}}${p.label ? ` label="${p.label}"` : ''} id="${p.id}" text={${literal(p.text)}} ${PAGE_PROP} />`;
}

/** Forwards the MDX content's `page` prop to each paragraph (MDX exposes its props as `props`). */
const PAGE_PROP = 'page={props.page}';
