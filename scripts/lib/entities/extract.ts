/**
 * Step 3d of the pipeline: who said what. Speakers, organizations, countries and key figures
 * of one meeting, each with the ids of the paragraphs that name them.
 */
import type { Entities, Section } from '../../../src/schemas/meeting.ts';
import { findCountries } from './countries.ts';
import { findFigures } from './figures.ts';
import { escapeRegExp, findMentions } from './mentions.ts';
import { classifyStakeholder } from './groups.ts';
import { findOrganizations } from './organizations.ts';
import { compact, findAttributions, type Attribution } from './speakers.ts';
import { HONORIFICS, NOT_NAMES, ROLE_WORDS } from './vocabulary.ts';
import { slugify, uniqueSlug } from '../text.ts';

interface Paragraph {
  id: string;
  text: string;
}

/** Every entity of a meeting, from its sections' paragraphs. */
export function extractEntities(sections: Section[]): Entities {
  const paragraphs = sections.flatMap((s) => s.paragraphs).sort((a, b) => a.n - b.n);
  const organizations = findOrganizations(paragraphs).map((o) => ({ id: slugify(o.acronym ?? o.name, 8), ...o })).filter(uniqueIds());
  return {
    speakers: collectSpeakers(paragraphs, organizations),
    organizations,
    countries: collectCountries(paragraphs),
    figures: paragraphs.flatMap((p) => findFigures(p.text, p.id)),
  };
}

function uniqueIds() {
  const taken = new Set<string>();
  return (entry: { id: string }) => {
    entry.id = uniqueSlug(entry.id, taken, 'organization');
    return true;
  };
}

/** One speaker per person: attributions of the same name are merged, fields filled from later ones. */
function collectSpeakers(paragraphs: Paragraph[], organizations: Entities['organizations']): Entities['speakers'] {
  const byName = new Map<string, Attribution[]>();
  for (const p of paragraphs) {
    for (const attribution of findAttributions(p.text, p.id)) {
      const key = slugify(attribution.name, 10);
      byName.set(key, [...(byName.get(key) ?? []), attribution]);
    }
  }
  const taken = new Set<string>();
  const people = [...byName.values()];
  const tails = surnameForms(people.map((a) => a[0]!.name));
  const mentions = findMentions(new Map(people.map((a) => [a[0]!.name, [a[0]!.name, ...(tails.get(a[0]!.name) ?? [])]])), paragraphs);
  return people.map((attributions) => {
    const first = attributions[0]!;
    const pick = <K extends 'role' | 'organization' | 'country' | 'honorific'>(key: K) => attributions.find((a) => a[key])?.[key];
    const country = pick('country');
    const countryCode = country ? findCountries(country)[0]?.code : undefined;
    const raw = attributions.map((a) => a.raw);
    return {
      id: uniqueSlug(slugify(first.name, 10), taken, 'speaker'),
      name: first.name,
      ...compact({ honorific: pick('honorific'), role: pick('role'), organization: pick('organization'), country, countryCode }),
      group: classifyStakeholder(expandAcronyms(raw.join('; '), organizations)),
      attribution: first.raw,
      attributions: [...new Set(raw)],
      mentions: mentions.get(first.name)!,
    };
  });
}

/**
 * The shorter forms a speaker is named by later ("Dr Ruiz", "Director General Okafor"): the
 * last one or two words of the name, when no other speaker shares them and they are not a
 * common capitalized word.
 */
function surnameForms(names: string[]): Map<string, string[]> {
  const candidates = names.map((name) => {
    const words = name.split(' ');
    const forms = [words.slice(-2).join(' '), words.at(-1)!].filter((f, i) => (i === 0 ? words.length >= 3 : f.length >= 3));
    return [name, forms] as const;
  });
  const count = new Map<string, number>();
  for (const [, forms] of candidates) for (const f of forms) count.set(f, (count.get(f) ?? 0) + 1);
  return new Map(
    candidates.map(([name, forms]) => [
      name,
      forms.filter((f) => count.get(f) === 1 && !NOT_NAMES.has(f) && !ROLE_WORDS.has(f) && !HONORIFICS.has(f) && findCountries(f).length === 0),
    ]),
  );
}

function collectCountries(paragraphs: Paragraph[]): Entities['countries'] {
  const byCode = new Map<string, Entities['countries'][number]>();
  for (const p of paragraphs) {
    for (const match of findCountries(p.text)) {
      const entry = byCode.get(match.code) ?? { code: match.code, name: match.name, written: [], mentions: [] };
      if (!entry.written.includes(match.written)) entry.written.push(match.written);
      if (!entry.mentions.includes(p.id)) entry.mentions.push(p.id);
      byCode.set(match.code, entry);
    }
  }
  return [...byCode.values()];
}

/**
 * "Director, GWPC" is classified as "Director, Global Water Partnership Council (GWPC)". Each
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
    expanded = expanded.replace(new RegExp(`(?<![\\p{L}(])${escapeRegExp(o.acronym!)}(?![\\p{L})])`, 'gu'), `${o.name} (${o.acronym})`);
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
      if (o.acronym && o.acronym !== o.name) byAcronym.set(o.acronym, [...(byAcronym.get(o.acronym) ?? []), i]);
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
        if (end > start && before !== '(' && after !== ')') found.push(...(byAcronym.get(run[0].slice(start, end)) ?? []));
      }
    });
  }
  return found;
}


