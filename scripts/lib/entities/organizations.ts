/**
 * Organizations named in a summary: "Full Name (ACR)" definitions link name and acronym both
 * ways; capitalized names ending in an organization noun ("… Foundation", "… Forum") and the UN
 * system's acronyms are found too. Sub-units written alone ("Ministry of Foreign Affairs") are
 * left out: without their country they would merge different bodies.
 */
import { findCountries } from './countries.ts';
import { findDefinitions } from './definitions.ts';
import { findMentions } from './mentions.ts';
import {
  ORGANIZATION_HEADS,
  ROLE_MODIFIERS,
  ROLE_WORDS,
  UN_SYSTEM_ACRONYMS,
} from './vocabulary.ts';

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

/** Names run through "to" and "in" only inside a definition ("Programme on HIV/AIDS (UNAIDS)"). */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’\-/&]*|of|for|and|the|on|de|du|des|la|le|&|against)`;
const NAMED_START = /\p{Lu}[\p{L}'’\-&]*/gu;
const NAMED_NEXT = new RegExp(String.raw`\s+${NAME_WORD}`, 'uy');
const ACRONYM = /(?<![\p{L}-])(\p{Lu}[\p{Lu}-]*\p{Lu}(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}-])/gu;
const SUB_UNITS =
  /^(?:Ministry|Department|Division|Office|Programme|Program|Section|Branch|Unit|Bureau|Directorate|Secretariat|Faculty|Mission|Service|Services|Group|Initiative|Partnership|Mayor's Office)\b/u;
const CONNECTOR = /^(?:of|for|and|the|on|to|in|de|du|des|la|le|&|against)$/;

/** Every organization in the paragraphs, in order of first mention. */
export function findOrganizations(paragraphs: Paragraph[]): OrganizationFound[] {
  const found = new OrganizationIndex();
  for (const { text } of paragraphs) {
    for (const { phrase, acronym } of findDefinitions(text)) {
      const name =
        trimToAcronym(phrase, acronym) ??
        (UN_SYSTEM_ACRONYMS.has(acronym) ? fromInstitutionalStart(phrase) : undefined);
      if (name && isOrganizationName(name, acronym)) found.add(name, acronym);
    }
  }
  for (const { text } of paragraphs) {
    // "the Centre and the Matrix" names two things.
    for (const part of namedRuns(text).flatMap((run) => run.split(/ and the /))) {
      const name = trimName(part);
      if (name && !found.hasKey(name) && isOrganizationName(name) && !SUB_UNITS.test(name))
        found.add(name);
    }
    for (const m of text.matchAll(ACRONYM)) {
      const acronym = m[1];
      if (acronym && UN_SYSTEM_ACRONYMS.has(acronym) && !found.hasAcronym(acronym))
        found.add(acronym, acronym);
    }
  }
  const organizations = found.list();
  const forms = new Map(
    organizations.map((o, i) => [
      String(i),
      [o.name, o.acronym].filter((f): f is string => Boolean(f)),
    ]),
  );
  const mentions = findMentions(forms, paragraphs);
  organizations.forEach((o, i) => (o.mentions = mentions.get(String(i))!));
  return organizations.filter((o) => o.mentions.length > 0);
}

/**
 * Runs of capitalized words and connectors: "Capital (Name-word)*" read one word at a time. As
 * one regular expression, a run of a million words overflowed the engine's backtracking stack.
 */
function namedRuns(text: string): string[] {
  const runs: string[] = [];
  NAMED_START.lastIndex = 0;
  for (let start = NAMED_START.exec(text); start; start = NAMED_START.exec(text)) {
    let end = start.index + start[0].length;
    for (NAMED_NEXT.lastIndex = end; NAMED_NEXT.exec(text); NAMED_NEXT.lastIndex = end)
      end = NAMED_NEXT.lastIndex;
    runs.push(text.slice(start.index, end));
    NAMED_START.lastIndex = end;
  }
  return runs;
}

/** "Mobility Partnership between the European Union (EU)" → "European Union". */
function trimToAcronym(phrase: string, acronym: string): string | undefined {
  const words = phrase.split(/\s+/);
  const letters = acronym.replace(/s$/, '').replace(/-/g, '').toUpperCase();
  for (let start = words.length - 1; start >= 0; start--) {
    const candidate = words.slice(start);
    if (CONNECTOR.test(candidate[0]!)) continue;
    const initials = candidate
      .filter((w) => !CONNECTOR.test(w))
      .map((w) => w.replace(/[^\p{L}]/gu, '')[0] ?? '')
      .join('')
      .toUpperCase();
    if (
      (isSubsequence(letters.replace(/^UN/, ''), initials) && initials[0] === letters[0]) ||
      initials === letters
    )
      return candidate.join(' ');
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
  const start = words.findLastIndex(
    (w, i) =>
      /^(?:United|Joint|World|International)$/.test(w) &&
      (i === 0 || !/^(?:Joint|United)$/.test(words[i - 1]!)),
  );
  return start === -1 ? undefined : words.slice(start).join(' ');
}

/**
 * Leading "The", job titles and trailing connectors are not part of a name; in "Title of the
 * Organization" or "Name of the City of X" only the part after "of the" is.
 */
function trimName(phrase: string): string | undefined {
  const ofThe = phrase.indexOf(' of the ');
  if (
    ofThe !== -1 &&
    !phrase
      .slice(0, ofThe)
      .split(/\s+/)
      .some((w) => ORGANIZATION_HEADS.has(w))
  )
    phrase = phrase.slice(ofThe + 8);
  const words = phrase.split(/\s+/);
  let first = /^\p{Lu}{2,}$/u.test(words[0]!) && words[1] === 'and' ? 2 : 0;
  // An index, not shift(): a run of thousands of "A" would make shifting quadratic.
  while (
    first < words.length &&
    (CONNECTOR.test(words[first]!) ||
      /^(?:The|A|An|In|For|Also|Among|With|By)$/.test(words[first]!) ||
      ROLE_WORDS.has(words[first]!) ||
      ROLE_MODIFIERS.has(words[first]!))
  )
    first++;
  let last = words.length;
  while (last > first && CONNECTOR.test(words[last - 1]!)) last--;
  return last - first >= 2 ? words.slice(first, last).join(' ') : undefined;
}

/** No organization's name is longer; a longer run of capitals is not a name (and would slow mention finding). */
const MAX_NAME_WORDS = 20;

function isOrganizationName(name: string, acronym?: string): boolean {
  const words = name.split(/\s+/);
  if (words.length > MAX_NAME_WORDS) return false;
  if (acronym && UN_SYSTEM_ACRONYMS.has(acronym)) return true;
  if (findCountries(name).some((c) => c.written === name)) return false;
  return (
    words.some((w) => ORGANIZATION_HEADS.has(w)) && !/^(?:City|Municipality)\b|\bCity$/.test(name)
  );
}

/**
 * Organizations by the key they were first found under (acronym, else name), with indexes by
 * name and by acronym so each look-up is one map access instead of a scan of all found so far.
 */
class OrganizationIndex {
  readonly #byKey = new Map<string, OrganizationFound>();
  /** Name → organizations holding it, in the order they were found (a rename can make two). */
  readonly #byName = new Map<string, OrganizationFound[]>();
  readonly #order = new Map<OrganizationFound, number>();
  readonly #acronyms = new Set<string>();

  /** Records `name` (and `acronym`), merging with an organization of the same key or name. */
  add(name: string, acronym?: string): void {
    const key = acronym ?? name;
    const existing = this.#byKey.get(key) ?? this.#byName.get(name)?.[0];
    if (!existing) {
      const organization: OrganizationFound = {
        name,
        ...(acronym ? { acronym } : {}),
        mentions: [],
      };
      this.#byKey.set(key, organization);
      this.#order.set(organization, this.#order.size);
      this.#index(organization);
      if (acronym) this.#acronyms.add(acronym);
      return;
    }
    if (acronym && !existing.acronym) {
      existing.acronym = acronym;
      this.#acronyms.add(acronym);
    }
    if (existing.name === existing.acronym && name !== acronym) {
      const holders = this.#byName.get(existing.name)!;
      holders.splice(holders.indexOf(existing), 1);
      existing.name = name;
      this.#index(existing);
    }
  }

  hasKey(key: string): boolean {
    return this.#byKey.has(key);
  }

  hasAcronym(acronym: string): boolean {
    return this.#acronyms.has(acronym);
  }

  /** Every organization, in order of first mention. */
  list(): OrganizationFound[] {
    return [...this.#byKey.values()];
  }

  #index(organization: OrganizationFound): void {
    const holders = this.#byName.get(organization.name) ?? [];
    const at = holders.findIndex((o) => this.#order.get(o)! > this.#order.get(organization)!);
    holders.splice(at === -1 ? holders.length : at, 0, organization);
    this.#byName.set(organization.name, holders);
  }
}
