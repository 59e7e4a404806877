/**
 * Step 3d of the pipeline: who said what. Speakers, organizations, countries and key figures
 * of one meeting, each with the ids of the paragraphs that name them.
 */
import type { Entities, Section } from '../../../src/schemas/meeting.ts';
import { countryCalled, findCountries } from './countries.ts';
import { findFigures } from './figures.ts';
import { escapeRegExp, findMentionPlaces, findMentions } from './mentions.ts';
import { classifyStakeholder } from './groups.ts';
import { findOrganizations } from './organizations.ts';
import { compact, findAttributions, type Attribution } from './speakers.ts';
import { HONORIFICS, NOT_NAMES, ORGANIZATION_HEADS, ROLE_WORDS } from './vocabulary.ts';
import { slugify, uniqueSlug } from '../text.ts';

interface Paragraph {
  id: string;
  text: string;
}

/** Every entity of a meeting, from its sections' paragraphs. */
export function extractEntities(sections: Section[]): Entities {
  const paragraphs = sections.flatMap((s) => s.paragraphs).sort((a, b) => a.n - b.n);
  const organizations = findOrganizations(paragraphs)
    .map((o) => ({ id: slugify(o.acronym ?? o.name, 8), ...o }))
    .filter(uniqueIds());
  // History and annexes (upcoming meetings, contacts) name people who did not speak at this meeting.
  const outside = outsideTheMeeting(sections);
  const ofTheMeeting = paragraphs.filter((p) => !outside.has(p.id));
  return {
    speakers: collectSpeakers(ofTheMeeting, organizations, headedAffiliations(sections)),
    organizations,
    countries: collectCountries(paragraphs),
    figures: paragraphs.flatMap((p) => findFigures(p.text, p.id)),
  };
}

/** Ids of the paragraphs of background and annex pages. */
function outsideTheMeeting(sections: Section[]): Set<string> {
  return new Set(
    sections
      .filter((s) => s.kind === 'background' || s.kind === 'annex')
      .flatMap((s) => s.paragraphs.map((p) => p.id)),
  );
}

function uniqueIds() {
  const taken = new Set<string>();
  return (entry: { id: string }) => {
    entry.id = uniqueSlug(entry.id, taken, 'organization');
    return true;
  };
}

/** One speaker per person: attributions of the same name are merged, fields filled from later ones. */
function collectSpeakers(
  paragraphs: Paragraph[],
  organizations: Entities['organizations'],
  headed: Map<string, HeadingAffiliation>,
): Entities['speakers'] {
  const byName = new Map<string, Attribution[]>();
  const context = { commonWords: lowercaseWords(paragraphs) };
  const weak: Attribution[] = [];
  for (const p of paragraphs) {
    findAttributions(p.text, p.id, context).forEach((found, i) => {
      const attribution = i === 0 ? withHeading(found, headed.get(p.id)) : found;
      if (attribution.weak) return void weak.push(attribution);
      const key = slugify(attribution.name, 10);
      byName.set(key, [...(byName.get(key) ?? []), attribution]);
    });
  }
  const taken = new Set<string>();
  const people = mergeVariants([...byName.values()]);
  // "Ana Ruiz (Chile) was elected" says who a speaker is, though not that she spoke there.
  const bySurname = new Map<string, Attribution[]>();
  for (const w of weak)
    bySurname.set(surnameKey(w.name), [...(bySurname.get(surnameKey(w.name)) ?? []), w]);
  const filling = new Map(
    people.map((group) => [
      group,
      (bySurname.get(surnameKey(group[0]!.name)) ?? []).filter(
        (w) => mergeVariants([group, [w]]).length === 1,
      ),
    ]),
  );
  const tails = surnameForms(people.map((a) => a[0]!.name));
  const forms = new Map(
    people.map((a) => [a[0]!.name, [a[0]!.name, ...(tails.get(a[0]!.name) ?? [])]]),
  );
  const mentions = findMentions(forms, paragraphs);
  // The site links these very places: what the indexes count is what the text links.
  const places = findMentionPlaces(forms, paragraphs);
  return people.map((attributions) => {
    const first = attributions[0]!;
    const pick = <K extends 'role' | 'organization' | 'country' | 'honorific'>(key: K) =>
      [...attributions, ...filling.get(attributions)!].find((a) => a[key])?.[key];
    const country = pick('country');
    const countryCode = country
      ? (countryCalled(country) ?? findCountries(country)[0])?.code
      : undefined;
    const raw = attributions.map((a) => a.raw);
    return {
      id: uniqueSlug(slugify(first.name, 10), taken, 'speaker'),
      name: first.name,
      ...compact({
        honorific: pick('honorific'),
        role: pick('role'),
        organization: fullestForm(
          pick('organization'),
          attributions.map((a) => a.organization),
        ),
        country,
        countryCode,
      }),
      group: classifyStakeholder(expandAcronyms(raw.join('; '), organizations)),
      attribution: first.raw,
      attributions: [...new Set(raw)],
      mentions: mentions.get(first.name)!,
      forms: forms.get(first.name)!,
      places: places.get(first.name)!,
    };
  });
}

/**
 * A person's body as its fullest naming in the summary: "Ana Ruiz, Director of the UNEP's Water
 * Unit" and later "Ana Ruiz, UNEP Secretariat" name one body, first by its acronym and then whole.
 * Only a naming that starts with the picked one is taken, so a person's second, different body
 * does not replace the first.
 */
function fullestForm(
  picked: string | undefined,
  named: (string | undefined)[],
): string | undefined {
  if (!picked) return picked;
  return named.reduce<string>(
    (best, other) =>
      other && other.length > best.length && other.startsWith(`${best} `) ? other : best,
    picked,
  );
}

/** What a heading says about the people under it: only a country ("### China:", "SPAIN") or an organization. */
interface HeadingAffiliation {
  country?: string;
  organization?: string;
}

/**
 * In panel-style summaries a sub-heading names the presenter's country or body and the paragraph
 * under it opens with the bare name. The heading is a section title, or, where the splitter kept it
 * as text, a paragraph that is nothing but the name of a country.
 */
function headedAffiliations(sections: Section[]): Map<string, HeadingAffiliation> {
  const headed = new Map<string, HeadingAffiliation>();
  for (const section of sections) {
    const first = section.paragraphs[0];
    const fromTitle = section.kind === 'overview' ? undefined : readHeading(section.title);
    if (first && fromTitle) headed.set(first.id, fromTitle);
    section.paragraphs.forEach((p, i) => {
      const next = section.paragraphs[i + 1];
      const fromParagraph = next ? readHeading(p.text) : undefined;
      if (next && fromParagraph?.country) headed.set(next.id, fromParagraph);
    });
    // A sub-heading of the page ("### China") heads the paragraph it stands before.
    for (const part of section.parts ?? []) {
      const fromPart = part.before ? readHeading(part.title) : undefined;
      if (part.before && fromPart) headed.set(part.before, fromPart);
    }
  }
  return headed;
}

/** "China:", "PAPUA NEW GUINEA", "European Commission" → what it names, if that is all the line is. */
function readHeading(line: string): HeadingAffiliation | undefined {
  const text = line.trim().replace(/\s*:$/, '').replace(/\s+/g, ' ');
  if (text.length < 3 || text.length > 60 || /[.!?,;]$/.test(text)) return undefined;
  const cased = /\p{Ll}/u.test(text)
    ? text
    : text
        .toLowerCase()
        .replace(
          /(^|[\s-])(\p{L})/gu,
          (_, gap: string, letter: string) => gap + letter.toUpperCase(),
        )
        .replace(/(?<=\s)(?:Of|And|The)(?=\s)/g, (w) => w.toLowerCase());
  if (countryCalled(cased)) return { country: cased };
  const words = cased.split(' ');
  if (
    /\p{Ll}/u.test(text) &&
    words.length >= 2 &&
    words.every((w) => /^\p{Lu}/u.test(w) || /^(?:of|for|and|the|on)$/.test(w)) &&
    words.some((w) => ORGANIZATION_HEADS.has(w))
  )
    return { organization: text };
  return undefined;
}

/** The heading fills what the attribution leaves open, for the first person the paragraph names. */
function withHeading(
  attribution: Attribution,
  heading: HeadingAffiliation | undefined,
): Attribution {
  if (!heading || attribution.country || attribution.organization) return attribution;
  return { ...attribution, ...heading };
}

function surnameKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/\s+/).at(-1)!;
}

/**
 * One person written two ways is one speaker: "Dr Fuentes Arce" after "Mariela Fuentes Arce" (the
 * later form is the end of the earlier one), and a one-letter slip in a first name ("Harold" for
 * "Harald") before the same surname. The fuller name leads.
 */
function mergeVariants(groups: Attribution[][]): Attribution[][] {
  const words = (name: string) =>
    name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[\s]+/);
  const samePerson = (a: string, b: string) => {
    const [x, y] = [words(a), words(b)];
    const [short, long] = x.length <= y.length ? [x, y] : [y, x];
    if (
      short.length >= 2 &&
      short.length < long.length &&
      long.slice(-short.length).join(' ') === short.join(' ')
    )
      return true;
    // "William Agyemang-Bonsu" and "William Kojo Agyemang-Bonsu": a middle name left out.
    if (
      short.length >= 2 &&
      short.length < long.length &&
      short[0] === long[0] &&
      short.at(-1) === long.at(-1)
    )
      return true;
    return (
      x.length === y.length &&
      x.at(-1) === y.at(-1) &&
      x.every(
        (w, i) => w === y[i] || (w[0] === y[i]![0] && w.length > 3 && editDistance(w, y[i]!) <= 1),
      )
    );
  };
  const merged: Attribution[][] = [];
  for (const group of groups) {
    const host = merged.findIndex((m) => samePerson(m[0]!.name, group[0]!.name));
    if (host === -1) merged.push(group);
    else
      merged[host] =
        group[0]!.name.length > merged[host]![0]!.name.length
          ? [...group, ...merged[host]!]
          : [...merged[host]!, ...group];
  }
  return merged;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** Every word the document writes in lowercase: such a word is a common word, not a name. */
function lowercaseWords(paragraphs: Paragraph[]): Set<string> {
  const words = new Set<string>();
  for (const p of paragraphs)
    for (const word of p.text.split(/[^\p{L}'’-]+/u)) if (/^\p{Ll}/u.test(word)) words.add(word);
  return words;
}

/**
 * The shorter forms a speaker is named by later ("Dr Ruiz", "Director General Okafor"): the
 * last one or two words of the name, when no other speaker shares them and they are not a
 * common capitalized word.
 */
function surnameForms(names: string[]): Map<string, string[]> {
  const candidates = names.map((name) => {
    const words = name.split(' ');
    const forms = [words.slice(-2).join(' '), words.at(-1)!].filter((f, i) =>
      i === 0 ? words.length >= 3 : f.length >= 3,
    );
    return [name, forms] as const;
  });
  const count = new Map<string, number>();
  for (const [, forms] of candidates) for (const f of forms) count.set(f, (count.get(f) ?? 0) + 1);
  return new Map(
    candidates.map(([name, forms]) => [
      name,
      forms.filter(
        (f) =>
          count.get(f) === 1 &&
          !NOT_NAMES.has(f) &&
          !ROLE_WORDS.has(f) &&
          !HONORIFICS.has(f) &&
          findCountries(f).length === 0,
      ),
    ]),
  );
}

function collectCountries(paragraphs: Paragraph[]): Entities['countries'] {
  const byCode = new Map<string, Entities['countries'][number]>();
  for (const p of paragraphs) {
    for (const match of findCountries(p.text)) {
      const entry = byCode.get(match.code) ?? {
        code: match.code,
        name: match.name,
        written: [],
        mentions: [],
      };
      if (!entry.written.includes(match.written)) entry.written.push(match.written);
      if (!entry.mentions.includes(p.id)) entry.mentions.push(p.id);
      byCode.set(match.code, entry);
    }
  }
  return [...byCode.values()];
}

/**
 * "Director, GLC" is classified as "Director, Global Lakes Council (GLC)". Each
 * organization's acronym is expanded in turn, in the organizations' order (an expanded name may
 * hold a later acronym); only the acronyms the text holds are tried, so the cost follows the
 * text, not the number of organizations.
 */
function expandAcronyms(text: string, organizations: Entities['organizations']): string {
  const index = acronymIndex(organizations);
  // An expansion adds acronyms only through the name it inserts: those join the queue.
  const pending = new Set(acronymsIn(text, index));
  let expanded = text;
  while (pending.size > 0) {
    const next = [...pending].reduce((a, b) => Math.min(a, b));
    pending.delete(next);
    const o = organizations[next]!;
    expanded = expanded.replace(
      new RegExp(`(?<![\\p{L}(])${escapeRegExp(o.acronym!)}(?![\\p{L})])`, 'gu'),
      `${o.name} (${o.acronym})`,
    );
    for (const i of acronymsIn(o.name, index)) if (i > next) pending.add(i);
  }
  return expanded;
}

interface AcronymIndex {
  /** Acronym → positions of the organizations it stands for (when it differs from the name). */
  byAcronym: Map<string, number[]>;
  /** The most hyphens an acronym has ("UN-Habitat": 1). */
  maxHyphens: number;
}

const acronymIndexes = new WeakMap<Entities['organizations'], AcronymIndex>();

function acronymIndex(organizations: Entities['organizations']): AcronymIndex {
  let index = acronymIndexes.get(organizations);
  if (!index) {
    const byAcronym = new Map<string, number[]>();
    organizations.forEach((o, i) => {
      if (o.acronym && o.acronym !== o.name)
        byAcronym.set(o.acronym, [...(byAcronym.get(o.acronym) ?? []), i]);
    });
    const maxHyphens = Math.max(0, ...[...byAcronym.keys()].map((a) => a.split('-').length - 1));
    acronymIndexes.set(organizations, (index = { byAcronym, maxHyphens }));
  }
  return index;
}

/**
 * Positions of the organizations whose acronym `text` holds as a whole word (no letter or "("
 * before it, no letter or ")" after it). Acronyms are letters and hyphens, so each starts where a
 * run of letters and hyphens starts or after a hyphen, and ends at the run's end or a hyphen.
 */
function acronymsIn(text: string, { byAcronym, maxHyphens }: AcronymIndex): number[] {
  const found: number[] = [];
  if (byAcronym.size === 0) return found;
  for (const run of text.matchAll(/[\p{L}-]+/gu)) {
    const hyphens = [...run[0].matchAll(/-/g)].map((m) => m.index);
    const starts = [0, ...hyphens.map((h) => h + 1)];
    const ends = [...hyphens, run[0].length];
    starts.forEach((start, i) => {
      for (const end of ends.slice(i, i + maxHyphens + 1)) {
        const before = text[run.index + start - 1];
        const after = text[run.index + end];
        if (end > start && before !== '(' && after !== ')')
          found.push(...(byAcronym.get(run[0].slice(start, end)) ?? []));
      }
    });
  }
  return found;
}
