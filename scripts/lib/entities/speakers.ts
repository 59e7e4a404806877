/**
 * Finds the people a summary presents as speaking, from the genre's attribution forms:
 * "Name, Title, Organization, said", "Title, Name, said", "Mayor Name of the City of X", with
 * "Speaking on behalf of Name" excluded (that person did not speak). Precision over recall: a
 * capitalized run counts as a person only in one of these forms.
 */
import { findCountries } from './countries.ts';
import { HONORIFICS, NOT_NAMES, ORGANIZATION_HEADS, REPORTING_CUE, ROLE_MODIFIERS, ROLE_WORDS, UN_SYSTEM_ACRONYMS } from './vocabulary.ts';
import { splitSentences, textBefore } from '../text.ts';

/** One attribution of a speaker as the text writes it, parsed into fields. */
export interface Attribution {
  name: string;
  /** Title written before the name ("Dr", "Mayor", "IOM Director General"). */
  honorific?: string;
  role?: string;
  organization?: string;
  country?: string;
  /** The attribution exactly as written. */
  raw: string;
  /** Id of the paragraph it stands in. */
  paragraph: string;
}

const TOKEN = String.raw`\p{Lu}[\p{Ll}'’]*(?:-\p{Lu}?[\p{Ll}'’]+)*\.?`;
const PARTICLE = String.raw`(?:da|de|del|della|der|di|dos|du|van|von|bin|ibn|al|el|la|le)`;
/** A capitalized run is TOKEN, then (space, TOKEN or a particle before a capital)*, read one word at a time. */
const RUN_START = new RegExp(TOKEN, 'gu');
const RUN_NEXT = new RegExp(String.raw`\s+(?:${TOKEN}|${PARTICLE}(?=\s+\p{Lu}))`, 'uy');
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'on', 'to', 'in', 'at', 'de', 'du', 'des', 'la', 'le', 'against', 'with', '&']);

/** Every attribution in a paragraph, in order. */
export function findAttributions(text: string, paragraph: string): Attribution[] {
  const found: Attribution[] = [];
  for (const sentence of splitSentences(text)) {
    const reported = REPORTING_CUE.test(sentence);
    for (const match of capitalizedRuns(sentence)) {
      const attribution = readAttribution(sentence, match.index, match.run, paragraph, reported);
      if (attribution) found.push(attribution);
    }
  }
  return found;
}

/**
 * Every capitalized run of two words or more (a single word is never a name) in a sentence. One
 * expression for the whole run overflowed the regexp backtracking stack on a run of a million words.
 */
function capitalizedRuns(sentence: string): { index: number; run: string }[] {
  const runs: { index: number; run: string }[] = [];
  RUN_START.lastIndex = 0;
  for (let start = RUN_START.exec(sentence); start; start = RUN_START.exec(sentence)) {
    const first = start.index + start[0].length;
    let end = first;
    for (RUN_NEXT.lastIndex = end; RUN_NEXT.exec(sentence); RUN_NEXT.lastIndex = end) end = RUN_NEXT.lastIndex;
    if (end > first) runs.push({ index: start.index, run: sentence.slice(start.index, end) });
    RUN_START.lastIndex = end;
  }
  return runs;
}

/**
 * `reported` says whether the sentence has a reporting verb. Only the text near the run is read
 * (`textBefore`, a bounded appositive), so a sentence of thousands of runs stays linear.
 */
function readAttribution(sentence: string, start: number, run: string, paragraph: string, reported: boolean): Attribution | undefined {
  const words = run.split(/\s+/);
  // "For Name, Chair, …", "Also, Name": a sentence's first word is not part of the name.
  let first = 0;
  while (words.length - first > 2 && NOT_NAMES.has(words[first]!) && !HONORIFICS.has(words[first]!)) first++;
  let nameFirst = first;
  while (nameFirst < words.length && (HONORIFICS.has(words[nameFirst]!) || isRoleWord(words[nameFirst]!.replace(/\.$/, '')) || ROLE_MODIFIERS.has(words[nameFirst]!))) nameFirst++;
  const leading = words.slice(first, nameFirst);
  const tokens = words.slice(nameFirst);
  if (!isPersonName(tokens)) return undefined;
  const name = tokens.join(' ');
  const nameStart = start + run.lastIndexOf(name);
  const before = textBefore(sentence, nameStart);
  const after = sentence.slice(nameStart + name.length);
  if (/on behalf of\s+(?:the\s+)?$/i.test(before)) return undefined;
  // "Head of Water Cooperation", "Ministry of Foreign Affairs": a run after a preposition is
  // part of a title or a name of something, not a person.
  if (leading.length === 0 && /\b(?:of|for|and|on|at|in|to|the)\s+$/.test(before)) return undefined;
  const honorific = readHonorific(leading, before);
  const appositive = after.startsWith(', ') ? cutAppositive(after.slice(2)) : after.startsWith(' of ') ? cutAppositive(after.slice(1)) : '';
  const leftTitle = before.endsWith(', ') ? before.slice(0, -2).split(/,\s|^In [^,]*$/).at(-1)!.trim() : '';
  const afterHonorific = leading.length > 0 && after.startsWith(' of ');
  const strongForm = hasRoleWord(appositive.split(/,\s/)[0] ?? '');
  const fields = appositive !== '' && (afterHonorific || describesPosition(appositive)) && (reported || strongForm) ? parseAppositive(appositive) : undefined;
  if (fields) {
    const raw = `${honorific ? `${honorific} ` : ''}${name}${after.startsWith(' of ') ? ' ' : ', '}${appositive}`;
    return compact({ name, honorific, ...fields, role: fields.role ?? (leading.length ? honorific : undefined), raw, paragraph });
  }
  if (leftTitle && hasRoleWord(leftTitle) && REPORTED_NEXT.test(after)) {
    return compact({ name, ...parseAppositive(leftTitle), raw: `${leftTitle}, ${name}`, paragraph });
  }
  if (honorific && reported && leading.some((w) => isRoleWord(w))) {
    const { role, organization } = parseAppositive(honorific);
    return compact({ name, honorific, role: role ?? honorific, organization, raw: `${honorific} ${name}`, paragraph });
  }
  return undefined;
}

/** 2–5 capitalized words that are not place words, job titles or organization heads. */
function isPersonName(tokens: string[]): boolean {
  if (tokens.length < 2 || tokens.length > 5) return false;
  const words = tokens.filter((t) => !new RegExp(`^${PARTICLE}$`, 'u').test(t));
  if (words.some((t) => NOT_NAMES.has(t) || isRoleWord(t) || ROLE_MODIFIERS.has(t) || ORGANIZATION_HEADS.has(t) || /^\p{Lu}{2,}/u.test(t) || t.endsWith('.'))) return false;
  if (/['’]s$/u.test(tokens.at(-1)!)) return false;
  return findCountries(tokens.join(' ')).length === 0;
}

/** The title before a name, with an organization acronym before it ("IOM Director General"). */
function readHonorific(leading: string[], before: string): string | undefined {
  if (leading.length === 0) return undefined;
  const acronym = before.match(/(?:^|\s)(\p{Lu}[\p{Lu}-]+)\s+$/u)?.[1];
  return `${acronym && leading.some(isRoleWord) ? `${acronym} ` : ''}${leading.join(' ')}`;
}

/**
 * The appositive runs while words are capitalized, connectors or commas: it stops at the first
 * lowercase word that is not a connector ("…, Panama, described" → "…, Panama").
 */
export function cutAppositive(text: string): string {
  // Words and the spaces after them, at most MAX_APPOSITIVE_WORDS: a run of thousands of
  // capitalized words after every name would otherwise be read once per name.
  const words: string[] = [];
  for (const m of text.matchAll(/(\S*)(\s*)/g)) {
    if (m[0] === '' || words.length >= 2 * MAX_APPOSITIVE_WORDS) break;
    words.push(m[1]!, m[2]!);
  }
  let end = 0;
  let lastSolid = 0;
  for (let i = 0; i < words.length; i += 2) {
    const word = words[i]!.replace(/^[("“]+/, '');
    const bare = word.replace(/[,;:)”"]+$/, '');
    if (/^\p{Ll}/u.test(bare) && !CONNECTORS.has(bare)) break;
    end = i + 1;
    if (!CONNECTORS.has(bare)) lastSolid = i + 1;
    if (/[;:]$/.test(word) || /[.!?]$/.test(word)) break;
  }
  return words.slice(0, Math.min(end, lastSolid)).join('').replace(/[,;:.\s]+$/u, '');
}

/** No title, organization and country together are longer. */
const MAX_APPOSITIVE_WORDS = 40;

/** "Co-Chair" and "Vice-President" are titles as much as "Chair" is. */
function isRoleWord(word: string): boolean {
  return ROLE_WORDS.has(word) || word.split('-').some((part) => ROLE_WORDS.has(part));
}

function hasRoleWord(text: string): boolean {
  return text.split(/[\s,]+/).some(isRoleWord);
}

/** A reporting verb right after the name: "…, Ana Ruiz, said". */
const REPORTED_NEXT = new RegExp(`^,?\\s+(?:\\p{Ll}+ly\\s+)?${REPORTING_CUE.source.replace(/^\\b/, '')}`, 'iu');

function describesPosition(appositive: string): boolean {
  return appositive.split(/[\s,]+/).some((w) => isRoleWord(w) || ORGANIZATION_HEADS.has(w) || UN_SYSTEM_ACRONYMS.has(w.replace(/[()]/g, '')));
}

/** Splits "Title, Organization, Country" into fields, keeping each as written. */
export function parseAppositive(appositive: string): { role?: string; organization?: string; country?: string } {
  const parts = appositive.replace(/^(?:the|of the|of)\s+/i, '').split(/,\s+/);
  const countries = findCountries(appositive);
  const country = countries.at(-1)?.written;
  const rest = parts.filter((part) => part !== country && !(countries.length && findCountries(part)[0]?.written === part));
  const roleParts: string[] = [];
  while (rest.length > 0 && hasRoleWord(rest[0]!) && (roleParts.length === 0 || !looksLikeOrganization(rest[0]!))) roleParts.push(rest.shift()!);
  let role = roleParts.join(', ') || undefined;
  let organization = rest.join(', ') || undefined;
  if (!organization && role) {
    const inner = role.match(/\b(?:of|at|for|in)\s+(?:the\s+)?((?:\p{Lu}[\p{L}'’-]*|\(\p{Lu}+\)|of|for|and|the|on)(?:\s+(?:\p{Lu}[\p{L}'’-]*|\(\p{Lu}+\)|of|for|and|the|on))*)$/u)?.[1];
    if (inner && looksLikeOrganization(inner)) organization = inner;
  }
  if (!role && !organization) return {};
  if (role === undefined && organization && !looksLikeOrganization(organization)) [role, organization] = [organization, undefined];
  return compact({ role, organization, country });
}

/** A phrase names an organization when it has an organization noun or an acronym: a bare name is not enough. */
export function looksLikeOrganization(text: string): boolean {
  return text.split(/[\s,]+/).some((w) => ORGANIZATION_HEADS.has(w) || /^\(?\p{Lu}[\p{Lu}-]{1,}\)?$/u.test(w));
}

/** Drops empty fields, so optional ones are absent rather than undefined. */
export function compact<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as never;
}
