/**
 * Scores the speakers a split found against an answer key's `speakers` and `notSpeakers`.
 *
 * The rules, decided once so every figure means the same thing:
 * - Names are compared after collapsing white space, dropping case, accents and the dots and
 *   spaces of initials ("T.R." = "T. R."), and closing hyphens broken by a space
 *   ("Zammit- Cutajar"). A key speaker's `aliases` name the same person.
 * - Recall counts key speakers with `speaks: true` that were found. Key speakers with
 *   `speaks: false` (named office-holders with no words) are neither required nor penalized: a
 *   found one counts for nothing either way.
 * - Precision is found people who are key speakers (speaking), over found people that are not
 *   `speaks: false` key entries. Anyone else — a `notSpeakers` name, a delegation, a made-up
 *   name — is a false positive, and so is a second entry for a person already found (the site
 *   would show the person twice).
 * - Affiliation is "fully right" when both the organization and the country are right, for each
 *   speaking key person found. A field is right when both sides are empty, or both are filled and
 *   name the same thing: the same text after normalizing (a leading "the" dropped), the same
 *   acronym or full name out of "Full Name (ACR)", or for countries the same country by the ISO
 *   datasets ("US" = "United States"). A filled field where the key has none is wrong.
 */
import { countryCalled, findCountries } from '../lib/entities/countries.ts';

/** What the scorer needs of a found speaker. */
export interface FoundSpeaker {
  name: string;
  organization?: string | undefined;
  country?: string | undefined;
  /** The attribution as written, carried into misses for reading. */
  attribution?: string | undefined;
}

/** A speaker of an answer key. */
export interface KeySpeaker {
  name: string;
  aliases?: string[] | null | undefined;
  role?: string | null | undefined;
  organization?: string | null | undefined;
  country?: string | null | undefined;
  speaks: boolean;
}

/** The part of an answer key the scorer reads. */
export interface SpeakerKey {
  speakers: KeySpeaker[];
  notSpeakers?: string[];
}

/** One found speaker that did not count as right, and why. */
export interface SpeakerMiss {
  name: string;
  attribution?: string | undefined;
  why: 'not a speaker' | 'named but does not speak' | 'duplicate';
}

/** One found key speaker whose organization or country differs from the key. */
export interface AffiliationMiss {
  name: string;
  organization: {
    found?: string | undefined;
    expected?: string | null | undefined;
    right: boolean;
  };
  country: { found?: string | undefined; expected?: string | null | undefined; right: boolean };
}

export interface SpeakerScore {
  /** Found people who are speaking key speakers (distinct). */
  truePositives: number;
  /** Found entries that count against precision. */
  falsePositives: SpeakerMiss[];
  /** Speaking key people not found. */
  missed: string[];
  /** Speaking key people (the recall denominator). */
  expected: number;
  /** Found `speaks: false` office-holders: neither right nor wrong. */
  ignored: string[];
  precision: number;
  recall: number;
  /** Of the speaking key people found, those whose organization and country are both right. */
  affiliationRight: number;
  affiliationRate: number;
  affiliationMisses: AffiliationMiss[];
}

/** Lower-case, accent-free, initials closed up, white space collapsed. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/-\s+/g, '-')
    .replace(/\b(\p{L})\.\s*/gu, '$1 ')
    .replace(/[.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An affiliation's comparable forms: the whole, and "Full Name" and "ACR" out of "Full Name (ACR)". */
function affiliationForms(text: string): Set<string> {
  const norm = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/-\s+/g, '-')
      .replace(/[’']/g, "'")
      .replace(/\s+/g, ' ')
      .replace(/^the /, '')
      .replace(/[\s.,;:]+$/, '')
      .trim();
  const forms = new Set([norm(text)]);
  const defined = text.match(/^(.*?)\s*\(([^()]+)\)\s*$/);
  if (defined) {
    forms.add(norm(defined[1]!));
    forms.add(norm(defined[2]!));
  }
  return forms;
}

function sameOrganization(found: string | undefined, expected: string | null | undefined): boolean {
  if (!found || !expected) return !found && !expected;
  const a = affiliationForms(found);
  return [...affiliationForms(expected)].some((form) => a.has(form));
}

function sameCountry(found: string | undefined, expected: string | null | undefined): boolean {
  if (!found || !expected) return !found && !expected;
  const codes = (text: string) =>
    new Set([countryCalled(text), ...findCountries(text)].flatMap((c) => (c ? [c.code] : [])));
  const a = codes(found);
  const b = codes(expected);
  if (a.size > 0 && b.size > 0) return [...a].some((code) => b.has(code));
  return [...affiliationForms(found)].some((form) => affiliationForms(expected).has(form));
}

/** Scores `found` against `key`; see the module comment for the rules. */
export function scoreSpeakers(found: FoundSpeaker[], key: SpeakerKey): SpeakerScore {
  const byName = new Map<string, number>();
  key.speakers.forEach((speaker, index) => {
    for (const form of [speaker.name, ...(speaker.aliases ?? [])])
      byName.set(normalizeName(form), index);
  });
  const notSpeakers = new Set((key.notSpeakers ?? []).map(normalizeName));
  const matched = new Map<number, FoundSpeaker>();
  const falsePositives: SpeakerMiss[] = [];
  const ignored: string[] = [];
  for (const person of found) {
    const index = byName.get(normalizeName(person.name));
    if (index === undefined) {
      falsePositives.push({
        name: person.name,
        attribution: person.attribution,
        why: notSpeakers.has(normalizeName(person.name))
          ? 'named but does not speak'
          : 'not a speaker',
      });
      continue;
    }
    if (matched.has(index)) {
      falsePositives.push({ name: person.name, attribution: person.attribution, why: 'duplicate' });
      continue;
    }
    matched.set(index, person);
    if (!key.speakers[index]!.speaks) ignored.push(person.name);
  }
  const speaking = key.speakers.map((s, i) => [s, i] as const).filter(([s]) => s.speaks);
  const hits = speaking.filter(([, i]) => matched.has(i));
  const affiliationMisses: AffiliationMiss[] = [];
  for (const [expected, i] of hits) {
    const person = matched.get(i)!;
    const organization = {
      found: person.organization,
      expected: expected.organization,
      right: sameOrganization(person.organization, expected.organization),
    };
    const country = {
      found: person.country,
      expected: expected.country,
      right: sameCountry(person.country, expected.country),
    };
    if (!organization.right || !country.right)
      affiliationMisses.push({ name: expected.name, organization, country });
  }
  const truePositives = hits.length;
  const counted = truePositives + falsePositives.length;
  const affiliationRight = truePositives - affiliationMisses.length;
  return {
    truePositives,
    falsePositives,
    missed: speaking.filter(([, i]) => !matched.has(i)).map(([s]) => s.name),
    expected: speaking.length,
    ignored,
    precision: counted === 0 ? 1 : truePositives / counted,
    recall: speaking.length === 0 ? 1 : truePositives / speaking.length,
    affiliationRight,
    affiliationRate: truePositives === 0 ? 1 : affiliationRight / truePositives,
    affiliationMisses,
  };
}
