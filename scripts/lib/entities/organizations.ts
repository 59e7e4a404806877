/**
 * Organizations named in a summary: "Full Name (ACR)" definitions link name and acronym both
 * ways; capitalized names ending in an organization noun ("… Foundation", "… Forum") and the UN
 * system's acronyms are found too. Sub-units written alone ("Ministry of Foreign Affairs") are
 * left out: without their country they would merge different bodies.
 */
import { findCountries } from './countries.ts';
import { findMentions } from './mentions.ts';
import { ORGANIZATION_HEADS, ROLE_MODIFIERS, ROLE_WORDS, UN_SYSTEM_ACRONYMS } from './vocabulary.ts';

/** An organization and where the text names it. */
export interface OrganizationFound {
  name: string;
  acronym?: string;
  /** Ids of the paragraphs that name it (by name or acronym). */
  mentions: string[];
}

interface Paragraph {
  id: string;
  text: string;
}

const WORD = String.raw`(?:\p{Lu}[\p{L}'’\-/&]*|of|for|and|the|on|to|in|de|du|des|la|le|&|against)`;
/** Names run through "to" and "in" only inside a definition ("Programme on HIV/AIDS (UNAIDS)"). */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’\-/&]*|of|for|and|the|on|de|du|des|la|le|&|against)`;
const DEFINITION = new RegExp(String.raw`((?:${WORD}\s+)*${WORD})\s+\((\p{Lu}[\p{L}-]*\p{Lu}s?|\p{Lu}{2,}-\p{Lu}\p{Ll}+)\)`, 'gu');
const NAMED = new RegExp(String.raw`\p{Lu}[\p{L}'’\-&]*(?:\s+${NAME_WORD})*`, 'gu');
const ACRONYM = /(?<![\p{L}-])(\p{Lu}[\p{Lu}-]*\p{Lu}(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}-])/gu;
const SUB_UNITS = /^(?:Ministry|Department|Division|Office|Programme|Program|Section|Branch|Unit|Bureau|Directorate|Secretariat|Faculty|Mission|Service|Services|Group|Initiative|Partnership|Mayor's Office)\b/u;
const CONNECTOR = /^(?:of|for|and|the|on|to|in|de|du|des|la|le|&|against)$/;

/** Every organization in the paragraphs, in order of first mention. */
export function findOrganizations(paragraphs: Paragraph[]): OrganizationFound[] {
  const byKey = new Map<string, OrganizationFound>();
  const add = (name: string, acronym?: string) => {
    const key = acronym ?? name;
    const existing = byKey.get(key) ?? [...byKey.values()].find((o) => o.name === name);
    if (existing) {
      if (acronym && !existing.acronym) existing.acronym = acronym;
      if (existing.name === existing.acronym && name !== acronym) existing.name = name;
      return;
    }
    byKey.set(key, { name, ...(acronym ? { acronym } : {}), mentions: [] });
  };
  for (const { text } of paragraphs) {
    for (const m of text.matchAll(DEFINITION)) {
      const name = trimToAcronym(m[1]!, m[2]!) ?? (UN_SYSTEM_ACRONYMS.has(m[2]!) ? fromInstitutionalStart(m[1]!) : undefined);
      if (name && isOrganizationName(name, m[2]!)) add(name, m[2]!);
    }
  }
  for (const { text } of paragraphs) {
    // "the Centre and the Matrix" names two things.
    for (const part of [...text.matchAll(NAMED)].flatMap((m) => m[0].split(/ and the /))) {
      const name = trimName(part);
      if (name && !byKey.has(name) && isOrganizationName(name) && !SUB_UNITS.test(name)) add(name);
    }
    for (const m of text.matchAll(ACRONYM)) {
      if (UN_SYSTEM_ACRONYMS.has(m[1]!) && ![...byKey.values()].some((o) => o.acronym === m[1])) add(m[1]!, m[1]!);
    }
  }
  const organizations = [...byKey.values()];
  const forms = new Map(organizations.map((o, i) => [String(i), [o.name, o.acronym].filter((f): f is string => Boolean(f))]));
  const mentions = findMentions(forms, paragraphs);
  organizations.forEach((o, i) => (o.mentions = mentions.get(String(i))!));
  return organizations.filter((o) => o.mentions.length > 0);
}

/** "Mobility Partnership between the European Union (EU)" → "European Union". */
function trimToAcronym(phrase: string, acronym: string): string | undefined {
  const words = phrase.split(/\s+/);
  const letters = acronym.replace(/s$/, '').replace(/-/g, '').toUpperCase();
  for (let start = words.length - 1; start >= 0; start--) {
    const candidate = words.slice(start);
    if (CONNECTOR.test(candidate[0]!)) continue;
    const initials = candidate.filter((w) => !CONNECTOR.test(w)).map((w) => w.replace(/[^\p{L}]/gu, '')[0] ?? '').join('').toUpperCase();
    if (isSubsequence(letters.replace(/^UN/, ''), initials) && initials[0] === letters[0] || initials === letters) return candidate.join(' ');
    if (initials.length > letters.length + 3) break;
  }
  return undefined;
}

function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (const c of haystack) if (c === needle[i]) i++;
  return i === needle.length;
}

/** UN bodies' acronyms are rarely initialisms (UNICEF): take the name from "United Nations…". */
function fromInstitutionalStart(phrase: string): string | undefined {
  const words = phrase.split(/\s+/);
  const start = words.findLastIndex((w, i) => /^(?:United|Joint|World|International)$/.test(w) && (i === 0 || !/^(?:Joint|United)$/.test(words[i - 1]!)));
  return start === -1 ? undefined : words.slice(start).join(' ');
}

/**
 * Leading "The", job titles and trailing connectors are not part of a name; in "Title of the
 * Organization" or "Name of the City of X" only the part after "of the" is.
 */
function trimName(phrase: string): string | undefined {
  const ofThe = phrase.indexOf(' of the ');
  if (ofThe !== -1 && !phrase.slice(0, ofThe).split(/\s+/).some((w) => ORGANIZATION_HEADS.has(w))) phrase = phrase.slice(ofThe + 8);
  const words = phrase.split(/\s+/);
  if (/^\p{Lu}{2,}$/u.test(words[0]!) && words[1] === 'and') words.splice(0, 2);
  while (words.length > 0 && (CONNECTOR.test(words[0]!) || /^(?:The|A|An|In|For|Also|Among|With|By)$/.test(words[0]!) || ROLE_WORDS.has(words[0]!) || ROLE_MODIFIERS.has(words[0]!))) words.shift();
  while (words.length > 0 && CONNECTOR.test(words.at(-1)!)) words.pop();
  return words.length >= 2 ? words.join(' ') : undefined;
}

function isOrganizationName(name: string, acronym?: string): boolean {
  if (acronym && UN_SYSTEM_ACRONYMS.has(acronym)) return true;
  const words = name.split(/\s+/);
  if (findCountries(name).some((c) => c.written === name)) return false;
  return words.some((w) => ORGANIZATION_HEADS.has(w)) && !/^(?:City|Municipality)\b|\bCity$/.test(name);
}
