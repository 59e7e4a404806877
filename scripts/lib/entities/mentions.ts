/**
 * Finds where each entity is named with one pass over the text: every written form of every
 * entity goes into a trie of words, and at each word of the text the trie is walked for the
 * longest form that starts there. One huge alternation of forms would test every form at every
 * position (quadratic when a text names thousands of things); the walk is as long as the
 * longest form, whatever the number of forms.
 */

interface Paragraph {
  id: string;
  text: string;
}

/** A word (a run of letters and digits) or any single other character. */
const TOKEN = /[\p{L}\p{N}]+|[^]/gu;
/** A form is a whole word: no letter, digit or hyphen may touch it on either side. */
const WORD_CHAR = /[\p{L}\p{N}-]/u;

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The form that ends at this node, if one does. */
  form?: string;
}

/** For each owner, the ids of the paragraphs that hold one of its forms as a whole word. */
export function findMentions(
  formsByOwner: Map<string, string[]>,
  paragraphs: Paragraph[],
): Map<string, string[]> {
  const ownerOf = new Map<string, string>();
  for (const [owner, forms] of formsByOwner)
    for (const form of forms) if (form !== '' && !ownerOf.has(form)) ownerOf.set(form, owner);
  const mentions = new Map<string, string[]>([...formsByOwner.keys()].map((owner) => [owner, []]));
  if (ownerOf.size === 0) return mentions;
  const trie = buildTrie([...ownerOf.keys()]);
  for (const paragraph of paragraphs) {
    for (const { form } of matchForms(paragraph.text, trie)) {
      const list = mentions.get(ownerOf.get(form)!)!;
      if (list.at(-1) !== paragraph.id) list.push(paragraph.id);
    }
  }
  return mentions;
}

function buildTrie(forms: string[]): TrieNode {
  const root: TrieNode = { next: new Map() };
  for (const form of forms) {
    let node = root;
    for (const [token] of form.matchAll(TOKEN)) {
      let child = node.next.get(token);
      if (!child) node.next.set(token, (child = { next: new Map() }));
      node = child;
    }
    node.form = form;
  }
  return root;
}

/** Where an owner's form is named: the paragraph and the form's span in its text. */
export interface MentionPlace {
  paragraph: string;
  start: number;
  end: number;
}

/**
 * For each owner, every place one of its forms is named, in reading order: the same matches as
 * `findMentions`, with their spans, so whoever shows the text links exactly what was counted.
 */
export function findMentionPlaces(
  formsByOwner: Map<string, string[]>,
  paragraphs: Paragraph[],
): Map<string, MentionPlace[]> {
  const ownerOf = new Map<string, string>();
  for (const [owner, forms] of formsByOwner)
    for (const form of forms) if (form !== '' && !ownerOf.has(form)) ownerOf.set(form, owner);
  const places = new Map<string, MentionPlace[]>(
    [...formsByOwner.keys()].map((owner) => [owner, []]),
  );
  if (ownerOf.size === 0) return places;
  const trie = buildTrie([...ownerOf.keys()]);
  for (const paragraph of paragraphs) {
    for (const { form, start, end } of matchForms(paragraph.text, trie))
      places.get(ownerOf.get(form)!)!.push({ paragraph: paragraph.id, start, end });
  }
  return places;
}

/** The forms named in `text`, left to right, longest first where two start at one place, with their spans. */
function* matchForms(
  text: string,
  trie: TrieNode,
): Generator<{ form: string; start: number; end: number }> {
  for (let position = 0; position < text.length;) {
    const token = tokenAt(text, position);
    const first = touchesWord(text, position - 1) ? undefined : trie.next.get(token);
    const match = first && longestMatch(text, position + token.length, first);
    if (match) yield { form: match.form, start: position, end: match.end };
    position = match ? match.end : position + token.length;
  }
}

/** Walks the trie from `node` (whose token ends at `from`) for the longest form that ends on a word boundary. */
function longestMatch(
  text: string,
  from: number,
  node: TrieNode,
): { form: string; end: number } | undefined {
  let match: { form: string; end: number } | undefined;
  for (let end = from, at: TrieNode | undefined = node; at;) {
    if (at.form !== undefined && !touchesWord(text, end)) match = { form: at.form, end };
    if (end >= text.length) break;
    const token = tokenAt(text, end);
    at = at.next.get(token);
    end += token.length;
  }
  return match;
}

const WORD_RUN = /[\p{L}\p{N}]+/uy;

/** The token that starts at `position` (`TOKEN`'s tokenization, read lazily). */
function tokenAt(text: string, position: number): string {
  WORD_RUN.lastIndex = position;
  return WORD_RUN.exec(text)?.[0] ?? String.fromCodePoint(text.codePointAt(position)!);
}

/** True when the character at `index` is a letter, digit or hyphen (a form cannot stop or start next to it). */
function touchesWord(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.codePointAt(index)!;
  // A low surrogate: look at the whole character it ends.
  const char =
    code >= 0xdc00 && code <= 0xdfff && index > 0
      ? String.fromCodePoint(text.codePointAt(index - 1)!)
      : String.fromCodePoint(code);
  return WORD_CHAR.test(char);
}

/** Escapes text for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
