/**
 * Scores found speakers against an answer key: a found speaker is right when its name matches
 * the key's name or one of its aliases (accents, case and spacing ignored); its affiliation is
 * right when organization and country both equal the key's (a missing value equals null).
 */

/** The part of a found speaker the score looks at. */
export interface FoundSpeaker {
  name: string;
  organization?: string | undefined;
  country?: string | undefined;
}

/** The part of a key speaker the score looks at. */
export interface ExpectedSpeaker {
  name: string;
  aliases?: string[] | undefined;
  organization?: string | null | undefined;
  country?: string | null | undefined;
  speaks: boolean;
}

export interface SpeakerScore {
  found: number;
  /** Found speakers that are people of the key (speaking or office-holders). */
  correct: number;
  /** Key speakers with `speaks: true`. */
  expected: number;
  /** Of those, how many were found. */
  recalled: number;
  /** Correct speakers whose organization and country are both right. */
  affiliationRight: number;
}

/** Folds accents, case, punctuation spacing: "Klas Österberg" = "klas osterberg". */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function sameValue(found: string | undefined, expected: string | null | undefined): boolean {
  const a = found ? foldName(found) : '';
  const b = expected ? foldName(expected) : '';
  return a === b;
}

export function scoreSpeakers(found: FoundSpeaker[], key: ExpectedSpeaker[]): SpeakerScore {
  const byName = new Map<string, ExpectedSpeaker>();
  for (const person of key) for (const name of [person.name, ...(person.aliases ?? [])]) byName.set(foldName(name), person);
  const matched = new Set<ExpectedSpeaker>();
  let correct = 0;
  let affiliationRight = 0;
  for (const speaker of found) {
    const person = byName.get(foldName(speaker.name));
    if (!person) continue;
    correct++;
    matched.add(person);
    if (sameValue(speaker.organization, person.organization) && sameValue(speaker.country, person.country)) affiliationRight++;
  }
  const speaking = key.filter((p) => p.speaks);
  return {
    found: found.length,
    correct,
    expected: speaking.length,
    recalled: speaking.filter((p) => matched.has(p)).length,
    affiliationRight,
  };
}
