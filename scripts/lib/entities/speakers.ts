/**
 * Finds the people a summary presents as speaking, from the genre's attribution forms:
 * "Name, Title, Organization, said", "Title, Name, said", "Mayor Name of the City of X", with
 * "Speaking on behalf of Name" excluded (that person did not speak). Precision over recall: a
 * capitalized run counts as a person only in one of these forms.
 */
import { countryCalled, findCountries } from './countries.ts';
import {
  HONORIFICS,
  NOT_NAMES,
  ORGANIZATION_HEADS,
  REPORTING_CUE,
  ROLE_MODIFIERS,
  ROLE_WORDS,
  UN_SYSTEM_ACRONYMS,
} from './vocabulary.ts';
import { splitSentences } from '../text.ts';

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
  /**
   * A mention that says who the person is but not that they speak ("Ana Ruiz (Chile) was
   * elected"): it fills a speaker's fields, never makes one.
   */
  weak?: boolean;
}

/** Genre context that one sentence cannot give: the words the document writes in lowercase. */
export interface AttributionContext {
  /** Lowercase words of the whole document: a capitalized run made only of them is a phrase ("Review Teams"), not a name. */
  commonWords?: Set<string>;
}

// A name word: "Ana", "MacDicken", "O'Hara" (an inner capital only after a surname prefix, so
// "HydroSense" is a brand, not a name), "Zammit-Cutajar", "Zammit- Cutajar" (a hyphen broken by a
// space in conversion), "La'avasa", an initial "K.". All-capital words are acronyms or delegations.
const TOKEN = String.raw`(?:Mac|Mc|Fitz|De|Di|Da|La|Le|Van|Von|\p{Lu}['’])?\p{Lu}[\p{Ll}'’]*(?:-(?:\s?\p{Lu})?[\p{Ll}'’]+)*\.?`;
const PARTICLE = String.raw`(?:da|de|del|della|der|des|di|do|dos|du|van|von|bin|ibn|al|el|la|le)`;
/**
 * A capitalized run is TOKEN, then (space, TOKEN or a particle before a capital)*, read one word
 * at a time: as one expression, a run of a million capitalized words overflows the regexp
 * backtracking stack.
 */
const RUN_START = new RegExp(String.raw`(?<![\p{L}\p{N}'’/-])${TOKEN}`, 'gu');
const RUN_NEXT = new RegExp(String.raw`\s+(?:${TOKEN}|${PARTICLE}(?=\s+\p{Lu}))`, 'uy');

/** A title and a name fill a dozen words at most ("Working Group Chair Ana Ruiz"). */
const MAX_RUN_WORDS = 12;

/**
 * A run longer than a title and a name is read by its end, where a name before a reporting verb
 * stands ("… Forum Ana Ruiz said"): that keeps the work per run bounded on a line of capitals.
 */
function lastWords(sentence: string, from: number, end: number): { index: number; 0: string } {
  let start = end;
  for (let words = 0; words < MAX_RUN_WORDS && start > from; words++) {
    start = sentence.lastIndexOf(' ', start - 1);
    if (start < from) start = from;
    while (start > from && /\s/.test(sentence[start - 1]!)) start--;
  }
  const text = sentence.slice(start, end).trimStart();
  return { index: end - text.length, 0: text };
}

/** The capitalized runs of a sentence, in order: where each starts and its text. */
function capitalizedRuns(sentence: string): { index: number; 0: string }[] {
  const runs: { index: number; 0: string }[] = [];
  RUN_START.lastIndex = 0;
  for (let start = RUN_START.exec(sentence); start; start = RUN_START.exec(sentence)) {
    let end = start.index + start[0].length;
    for (RUN_NEXT.lastIndex = end; RUN_NEXT.exec(sentence); RUN_NEXT.lastIndex = end)
      end = RUN_NEXT.lastIndex;
    runs.push(lastWords(sentence, start.index, end));
    RUN_START.lastIndex = end;
  }
  return runs;
}
const PARTICLE_WORD = new RegExp(`^${PARTICLE}$`, 'u');
const CONNECTORS = new Set([
  'of',
  'for',
  'and',
  'the',
  'on',
  'to',
  'in',
  'at',
  'de',
  'du',
  'des',
  'la',
  'le',
  'against',
  'with',
  '&',
]);

/** Characters either side of a name that its attribution can span. */
const WINDOW = 400;

/** Contact lines of upcoming meetings name people who do not speak. */
const CONTACT = /\bcontact\s*:|\btel\s*:|\be-mail\s*:|\bfax\s*:/i;
/** People thanked, honoured or mourned are spoken of, not speaking. */
const SPOKEN_OF =
  /\b(?:thank(?:ed|ing|s)?|congratulat\w+|paid tribute to|pays? tribute to|in memory of|in honou?r of|mourn\w*|condolences (?:to|for)|succeed(?:ed|s|ing)?|replac(?:ed|es|ing))\s+(?:\p{Ll}+\s+){0,3}$/iu;

/** Every attribution in a paragraph, in order. */
export function findAttributions(
  text: string,
  paragraph: string,
  context: AttributionContext = {},
): Attribution[] {
  const found: Attribution[] = [];
  for (const sentence of splitSentences(text)) {
    if (CONTACT.test(sentence)) continue;
    const reported = REPORTING_CUE.test(sentence);
    for (const match of capitalizedRuns(sentence)) {
      // Only the words around a name bear on it: a window keeps a run-on line linear.
      const from = sentence.length > 4 * WINDOW ? Math.max(0, match.index - WINDOW / 2) : 0;
      const window =
        from === 0 && sentence.length <= 4 * WINDOW
          ? sentence
          : sentence.slice(from, match.index + match[0].length + WINDOW);
      const attribution = readAttribution(
        window,
        match.index - from,
        match[0],
        paragraph,
        context,
        reported,
      );
      if (attribution) found.push(attribution);
    }
  }
  return found;
}

function readAttribution(
  sentence: string,
  start: number,
  run: string,
  paragraph: string,
  context: AttributionContext,
  reported: boolean,
): Attribution | undefined {
  const tokens = run.split(/\s+/);
  // "For Name, Chair, …", "Also, Name": a sentence's first word is not part of the name.
  while (tokens.length > 2 && NOT_NAMES.has(tokens[0]!) && !HONORIFICS.has(tokens[0]!))
    tokens.shift();
  const leading: string[] = [];
  while (
    tokens.length > 0 &&
    (HONORIFICS.has(tokens[0]!) ||
      isRoleWord(tokens[0]!.replace(/\.$/, '')) ||
      ROLE_MODIFIERS.has(tokens[0]!))
  )
    leading.push(tokens.shift()!);
  // "…, Name said" where the run ran on into the verb's subject: the name is what the run ends with.
  // "Group I Rapporteur Ana Ruiz", "Working Group Chair Ana Ruiz": a title that names its group first.
  if (!isPersonName(tokens)) {
    const title = tokens.findLastIndex((t) => isRoleWord(t.replace(/\.$/, '')));
    if (title === -1 || !isPersonName(tokens.slice(title + 1))) return undefined;
    leading.push(...tokens.splice(0, title + 1));
  }
  const name = tokens.join(' ');
  // Converted text doubles spaces ("Cecilia  Baltazar"): find the name by its words, not its joined form.
  const words = [...run.matchAll(/\S+/g)];
  const first = words[words.length - tokens.length]!;
  const nameStart = start + first.index;
  const nameEnd = start + words.at(-1)!.index + words.at(-1)![0].length;
  const before = sentence.slice(0, nameStart);
  const after = sentence.slice(nameEnd);
  const near = before.slice(-80);
  if (/on behalf of\s+(?:the\s+)?$/i.test(near) || SPOKEN_OF.test(near)) return undefined;
  // "Head of Water Cooperation", "Ministry of Foreign Affairs": a run after a preposition is
  // part of a title or a name of something, not a person.
  if (
    leading.length === 0 &&
    (/\b(?:of|for|on|at|in|to|the|de|du|des|la|le)\s+$/.test(before) ||
      /\b\p{L}['’]$/u.test(before))
  )
    return undefined;
  // "co-chaired by Ana Ruiz (Chile) and Ola Berg (Norway)", "facilitated by Ana Ruiz, Water Fund":
  // after "by" or "and" a name is a person only with its own attribution.
  if (
    leading.length === 0 &&
    /\b(?:and|by)\s+$/.test(before) &&
    !BY_CUE.test(before) &&
    (!/(?:[),]|\bby)\s+(?:and\s+)?$/.test(before) ||
      (!/^\s*[(,]/.test(after) && !REPORTED_NEXT.test(after)))
  )
    return undefined;
  // "Economic Affairs", "Review Teams": a run of words the document also writes in lowercase.
  const common = (t: string) => context.commonWords?.has(t.toLowerCase()) ?? false;
  const nameWords = tokens.filter((t) => !PARTICLE_WORD.test(t));
  if (context.commonWords && nameWords.every((t) => common(t) || countryCalled(t)))
    return undefined;
  const honorific = readHonorific(
    leading,
    leading.length ? sentence.slice(0, start + run.indexOf(leading[0]!)) : before,
  );
  // "Name (Country)", "Name (Organization)": the genre's tightest attribution.
  const paren = readParenthetical(after, run);
  const rest = paren ? after.slice(paren.length) : after;
  const appositive = untilNextPerson(
    rest.startsWith(', ')
      ? cutAppositive(rest.slice(2).trimStart())
      : rest.startsWith(' of ') && !paren
        ? cutAppositive(rest.slice(1))
        : '',
    common,
  );
  const afterAppositive = appositive
    ? rest.slice(rest.indexOf(appositive) + appositive.length)
    : rest;
  // "On behalf of the President, Name, Minister, Other Name said": the first person did not speak.
  if (
    /\bon behalf of\b[^.;]*$/i.test(before) &&
    !paren &&
    (/^,\s+(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}(?:\(|\p{Ll})/u.test(afterAppositive) ||
      endsWithPerson(appositive))
  )
    return undefined;
  const behalf = rest.match(
    /^,?\s+((?:speaking\s+)?(?:on behalf of|for|representing)\s+[^,;]+)(,?)/u,
  );
  const speaksAfterBehalf = behalf
    ? REPORTED_NEXT.test(rest.slice(behalf[0].length - behalf[2]!.length))
    : false;
  const leftTitle = before.endsWith(', ')
    ? before
        .slice(0, -2)
        .split(/,\s|^In [^,]*$/)
        .at(-1)!
        .trim()
    : '';
  const afterHonorific = leading.length > 0 && rest.startsWith(' of ');
  const strongForm = hasRoleWord(appositive.split(/,\s/)[0] ?? '');
  const speaksNext = REPORTED_NEXT.test(afterAppositive);
  const byLeading = honorificFields(honorific, leading);
  const withParen = (fields: {
    role?: string | undefined;
    organization?: string | undefined;
    country?: string | undefined;
  }) =>
    compact({
      ...fields,
      organization: fields.organization ?? paren?.organization ?? byLeading.organization,
      country: paren?.country ?? fields.country ?? byLeading.country ?? labelled.country,
    });
  // "Mali: Ana Ruiz said": a country run in as a label before the name.
  const label = before
    .slice(-60)
    .match(/(?:^|[.;]\s+|\s)((?:\p{Lu}[\p{L}'’-]*\s+){0,3}\p{Lu}[\p{L}'’-]*):\s*$/u)?.[1];
  const labelled = label && countryCalled(label) ? { country: label } : {};
  const rawName = `${honorific ? `${honorific} ` : ''}${name}${paren ? paren.text : ''}`;
  if (
    appositive !== '' &&
    (afterHonorific || describesPosition(appositive) || speaksNext) &&
    (reported || strongForm || speaksNext)
  ) {
    const fields = parseAppositive(appositive);
    if (fields.role || fields.organization || fields.country || speaksNext) {
      const raw = `${rawName}${rest.startsWith(' of ') ? ' ' : ', '}${appositive}`;
      return compact({
        name,
        honorific,
        ...withParen(fields),
        role: fields.role ?? (leading.length ? honorific : undefined),
        raw,
        paragraph,
      });
    }
  }
  // "Ana Ruiz, Fundacion Natura, spoke": a capitalized run right after a name's comma is its appositive.
  const introClause =
    /^(?:On behalf of|Speaking (?:for|on behalf of)|For|On|In|At|During|After|Before|Following|Responding to|Turning to)\b[^,]*,\s*$/u.test(
      before,
    );
  const appositiveOfAnother = /\p{Lu}[\p{L}'’.-]*\)?,\s*$/u.test(before) && !introClause;
  // "a presentation by Name", "facilitated by Name, Org, and Name, Org": the person gave it.
  if (BY_CUE.test(before)) {
    const fields = appositive ? parseAppositive(appositive) : {};
    return compact({
      name,
      honorific,
      ...withParen(fields),
      raw: appositive ? `${rawName}, ${appositive}` : rawName,
      paragraph,
    });
  }
  // "Name, on behalf of the European Union, said"
  if (behalf && speaksAfterBehalf && !appositiveOfAnother) {
    return compact({
      name,
      honorific,
      ...withParen({ role: behalf[1]!.trim() }),
      raw: `${rawName}, ${behalf[1]!.trim()}`,
      paragraph,
    });
  }
  if (leftTitle && hasRoleWord(leftTitle) && REPORTED_NEXT.test(after)) {
    return compact({
      name,
      ...withParen(parseAppositive(leftTitle)),
      raw: `${leftTitle}, ${name}`,
      paragraph,
    });
  }
  if (
    honorific &&
    (reported || speaksNext || REPORTED_NEXT.test(rest)) &&
    leading.some((w) => isRoleWord(w))
  ) {
    return compact({
      name,
      honorific,
      ...withParen({ role: byLeading.role ?? honorific }),
      raw: rawName,
      paragraph,
    });
  }
  if (paren && (reported || leading.length > 0 || REPORTED_NEXT.test(rest))) {
    return compact({
      name,
      honorific,
      ...withParen({ role: leading.length ? honorific : undefined }),
      raw: rawName,
      paragraph,
    });
  }
  // "Name said": a bare name as the subject of a reporting verb, when no word of it is one the
  // document also writes in lowercase ("Review Teams noted" is not a person).
  if (
    (REPORTED_NEXT.test(rest) || (behalf && speaksAfterBehalf)) &&
    context.commonWords &&
    !nameWords.some(common) &&
    !appositiveOfAnother
  ) {
    return compact({
      name,
      honorific,
      ...withParen({ role: leading.length ? honorific : undefined }),
      raw: rawName,
      paragraph,
    });
  }
  if (paren) return { name, ...withParen({}), raw: rawName, paragraph, weak: true };
  return undefined;
}

/** "World Bank Institute, and Ian Burton, …": an appositive ends where the next person is named. */
function untilNextPerson(appositive: string, common: (word: string) => boolean): string {
  for (const m of appositive.matchAll(/,?\s+and\s+/g)) {
    const next = appositive
      .slice(m.index + m[0].length)
      .split(/[,(]/)[0]!
      .trim()
      .split(/\s+/);
    if (isPersonName(next) && !looksLikeOrganization(next.join(' ')) && !next.some(common))
      return appositive.slice(0, m.index);
  }
  return appositive;
}

/** "…, Minister for X, Ana Ruiz (Chile)": an appositive that ran on into the next person's name. */
function endsWithPerson(appositive: string): boolean {
  const parts = appositive.split(/,\s+/);
  if (parts.length < 2) return false;
  const last = parts.at(-1)!.replace(/\s*\(.*$/u, '');
  return isPersonName(last.split(/\s+/)) && !looksLikeOrganization(last);
}

/** "a presentation by", "co-chaired by", "facilitated by Ana Ruiz, Water Fund, and": the person after it spoke or chaired. */
const BY_CUE =
  /\b(?:presented|chaired|co-chaired|facilitated|co-facilitated|moderated|introduced|opened|given|delivered|made|presentations?|statements?|remarks|address|speech|briefing|keynote|overview|report)\s+by\s+(?:[^.;]*?(?:,\s*|\s)and\s+)?$/i;

/** The "(…)" right after a name, read as a country or an organization. */
function readParenthetical(
  after: string,
  run: string,
): { text: string; length: number; country?: string; organization?: string } | undefined {
  const m = after.match(/^(\s*\(([^()]{2,160})\))/u);
  if (!m) return undefined;
  const inside = m[2]!.replace(/\s+/g, ' ').trim();
  const country = countryCalled(inside);
  if (country) return { text: m[1]!, length: m[1]!.length, country: inside };
  // "Clean Development Mechanism (CDM)" defines an acronym; a person's initials are no organization.
  if (/[\d/]/.test(inside)) return undefined;
  if (/^[\p{Lu}-]+$/u.test(inside) && definesAcronym(inside, run)) return undefined;
  if (looksLikeOrganization(inside) || /^\p{Lu}[\p{Lu}\p{Ll}-]*\p{Lu}/u.test(inside))
    return { text: m[1]!, length: m[1]!.length, organization: inside };
  return undefined;
}

/** "Expert Review Team (ERT)", "… Technische Zusammenarbeit (GTZ)": the acronym spells the words before it. */
function definesAcronym(acronym: string, run: string): boolean {
  const letters = acronym.replace(/-/g, '');
  const initials = run
    .split(/[\s-]+/)
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();
  const subsequence = (needle: string, hay: string) => {
    let i = 0;
    for (const c of hay) if (c === needle[i]) i++;
    return i === needle.length;
  };
  return (
    (subsequence(initials.slice(-Math.min(initials.length, letters.length)), letters) &&
      letters.endsWith(initials.at(-1) ?? '')) ||
    subsequence(letters, initials)
  );
}

/** "WGX Chair", "ECWA Executive Secretary": the acronym before a title is the body the title is of. */
function honorificFields(
  honorific: string | undefined,
  leading: string[],
): { role?: string; organization?: string; country?: string } {
  if (!honorific || !leading.some((w) => isRoleWord(w))) return {};
  const acronym = honorific.match(/^\(?(\p{Lu}[\p{Lu}-]*\p{Lu})\)?\s/u)?.[1];
  return compact({ role: honorific, organization: acronym });
}

/** "Christopher West": a compass word ends a surname as often as it starts a region ("West Africa"). */
const COMPASS = new Set(['North', 'South', 'East', 'West']);

/** Names of texts and instruments end in these words ("Delhi Declaration", "Lisbon Protocol"): not people. */
const INSTRUMENTS = new Set(
  'Declaration Protocol Convention Accord Accords Agreement Mechanism Report Decision Resolution Framework Strategy Treaty Charter Statement Principles Guidelines Facility Parties Annex Article Amendment Plan Roadmap Mandate'.split(
    ' ',
  ),
);

/**
 * 2–5 capitalized words that are not place words, job titles or organization heads. Initials
 * ("Rajendra K. Pachauri") count; a name that contains a one-word country ("Chad Okoro") is
 * still a name, but a run that is a country of several words ("Cook Islands") is not.
 */
function isPersonName(tokens: string[]): boolean {
  if (tokens.length < 2 || tokens.length > 5) return false;
  const words = tokens.filter((t) => !PARTICLE_WORD.test(t));
  const initial = (t: string) => /^\p{Lu}\.$/u.test(t);
  if (
    words.some(
      (t, i) =>
        (NOT_NAMES.has(t) &&
          !(i > 0 && i === words.length - 1 && COMPASS.has(t) && !NOT_NAMES.has(words[i - 1]!))) ||
        isRoleWord(t) ||
        ROLE_MODIFIERS.has(t) ||
        ORGANIZATION_HEADS.has(t) ||
        /^\p{Lu}{2,}/u.test(t) ||
        (t.endsWith('.') && !initial(t)),
    )
  )
    return false;
  if (initial(tokens.at(-1)!) || words.every(initial) || words.some((t) => INSTRUMENTS.has(t)))
    return false;
  if (/['’]s$/u.test(tokens.at(-1)!) || /^\p{Ll}/u.test(tokens[0]!)) return false;
  return !namesCountry(tokens.join(' '));
}

const countryRuns = new Map<string, boolean>();

/** A run that is, or holds, a country of several words ("Cook Islands"); memoized, as runs repeat. */
function namesCountry(run: string): boolean {
  let found = countryRuns.get(run);
  if (found === undefined) {
    if (countryRuns.size > 100_000) countryRuns.clear();
    found = findCountries(run).some((c) => /\s/.test(c.written) || c.written === run);
    countryRuns.set(run, found);
  }
  return found;
}

/** The title before a name, with an organization acronym before it ("IOM Director General"). */
function readHonorific(leading: string[], before: string): string | undefined {
  if (leading.length === 0) return undefined;
  const acronym = before.match(/(?:^|\s)\(?(\p{Lu}[\p{Lu}-]*\p{Lu})\)?\s+$/u)?.[1];
  return `${acronym && leading.some(isRoleWord) ? `${acronym} ` : ''}${leading.join(' ')}`;
}

/**
 * The appositive runs while words are capitalized, connectors or commas: it stops at the first
 * lowercase word that is not a connector ("…, Panama, described" → "…, Panama").
 */
export function cutAppositive(text: string): string {
  const words = text.split(/(\s+)/);
  let end = 0;
  let lastSolid = 0;
  for (let i = 0; i < words.length; i += 2) {
    const word = words[i]!.replace(/^[("“]+/, '');
    const bare = word.replace(/[,;:)”"]+$/, '');
    if (/^\p{Ll}/u.test(bare) && !CONNECTORS.has(bare) && !joinsName(words, i)) break;
    end = i + 1;
    if (!CONNECTORS.has(bare)) lastSolid = i + 1;
    if (/[;:]$/.test(word) || /[.!?]$/.test(word)) break;
  }
  return words
    .slice(0, Math.min(end, lastSolid))
    .join('')
    .replace(/[,;:.\s]+$/u, '');
}

/**
 * Names of bodies keep their own language's small words: "Gesellschaft für Ländliche
 * Entwicklung", "Agence Nationale de l'Eau", "Alliance for a Clean Harbour". Such a word continues the name only when it is one of these function words (or
 * an elided article, "l'Eau") and a capitalized word follows it, so "…, Panama, described" still
 * ends the appositive; "a"/"an" count only right after a connector ("for a", "of an").
 */
function joinsName(words: string[], i: number): boolean {
  const word = words[i]!;
  if (/^[ldLD]['’]\p{Lu}/u.test(word)) return true;
  const next = words[i + 2];
  if (!next || !/^[("“']*\p{Lu}/u.test(next)) return false;
  if (FOREIGN_NAME_WORDS.has(word)) return true;
  return (word === 'a' || word === 'an') && i >= 2 && CONNECTORS.has(words[i - 2]!);
}
/** Function words of French, German, Spanish, Italian, Portuguese and Dutch names of bodies. */
const FOREIGN_NAME_WORDS = new Set(
  'für fur und der die das zur zum y e et del della delle dei di da do dos van von voor het pour sur aux'.split(
    ' ',
  ),
);

/** "Co-Chair" and "Vice-President" are titles as much as "Chair" is. */
function isRoleWord(word: string): boolean {
  if (ROLE_WORDS.has(word)) return true;
  if (!/^\p{Lu}/u.test(word)) return false;
  const bare = word.replace(/['’]s?$/u, '');
  const isRole = (w: string) =>
    ROLE_WORDS.has(w) || (w.includes('-') && w.split(/-\s*/).some((part) => ROLE_WORDS.has(part)));
  return isRole(bare) || (bare.endsWith('s') && isRole(bare.slice(0, -1)));
}

function hasRoleWord(text: string): boolean {
  return text.split(/[\s,]+/).some(isRoleWord);
}

/**
 * A reporting verb right after the name: "…, Ana Ruiz, said", "Ana Ruiz drew attention to". The
 * genre reports speech with many verbs beyond the shared cue list; these are the ones that take a
 * person as subject in summaries.
 */
const SPEECH_VERBS =
  /(?:drew attention|urged|recogni[sz]ed|suggested|questioned|asked|responded|replied|indicated|identified|focused|supported|opposed|remarked|briefed|lauded|requested|summari[sz]ed|elaborated|illustrated|proposed|reaffirmed|told|provided|listed|characteri[sz]ed|clarified|cited|advocated|commented|noting|stressing|reflected|examined|reviewed|considered|explored|detailed|informed|invited|encouraged|favou?red|queried|lamented|expressed|discussed|defined|compared|predicted|underscored|outlined|presented|said|stated|noted|stressed|highlighted|emphasi[sz]ed|explained|described|reported|observed|added|concluded|called|spoke|speaking (?:for|on behalf of)|welcomed|opened|closed|chaired|introduced|gave|delivered|made|raised|agreed|recommended|announced|acknowledged|addressed|argued|pointed|recalled|underlined|reiterated|warned|cautioned|thanked|congratulated|proposed|shared|offered|moderated|facilitated|co-chaired|chairing|opening|presenting|introducing|also)\b/iu;
const REPORTED_NEXT = new RegExp(
  `^,?\\s+(?:\\p{Ll}+ly\\s+)?(?:${SPEECH_VERBS.source}|${REPORTING_CUE.source.replace(/^\\b/, '')})`,
  'iu',
);

function describesPosition(appositive: string): boolean {
  return appositive
    .split(/[\s,]+/)
    .some(
      (w) =>
        isRoleWord(w) ||
        ORGANIZATION_HEADS.has(w) ||
        UN_SYSTEM_ACRONYMS.has(w.replace(/[()]/g, '')),
    );
}

/**
 * Splits "Title, Organization, Country" into fields, keeping each as written. A country is a
 * part that is only a country ("…, Canada", "…, US"), a trailing "of Poland" / "for Poland", or a
 * possessive ("Japan's Ministry of …"); a country word inside a name ("Bangladesh Centre for …",
 * "Swedish …") is not the person's country.
 */
export function parseAppositive(appositive: string): {
  role?: string;
  organization?: string;
  country?: string;
} {
  const written = appositive
    .replace(/^(?:the|of the|of)\s+/i, '')
    .replace(/\s+/g, ' ')
    .split(/,\s+/);
  // "…, Director of X, on Wednesday, 6 October": a circumstance after the affiliation is not part of it.
  const end = written.findIndex(
    (part, i) => i > 0 && (/^\d/.test(part) || (/^\p{Ll}/u.test(part) && !/^and\s/.test(part))),
  );
  const parts = joinSeries(end === -1 ? written : written.slice(0, end));
  let country: string | undefined;
  const rest: string[] = [];
  for (const part of parts) {
    const whole = countryCalled(part);
    if (whole) {
      country = part;
      continue;
    }
    country = countryOfPart(part) ?? country;
    rest.push(part);
  }
  const roleParts: string[] = [];
  while (
    rest.length > 0 &&
    hasRoleWord(rest[0]!) &&
    (roleParts.length === 0 || !looksLikeOrganization(rest[0]!))
  )
    roleParts.push(rest.shift()!);
  if (
    roleParts.length > 0 &&
    rest.length === 2 &&
    /^\p{Lu}[\p{L}-]*$/u.test(rest[0]!) &&
    !ORGANIZATION_HEADS.has(rest[0]!)
  )
    roleParts.push(rest.shift()!);
  let role = roleParts.join(', ') || undefined;
  let organization = rest.join(', ') || undefined;
  if (!organization && role) {
    const inner = innerOrganization(role);
    if (inner) organization = inner;
  }
  // "ECWA Consultant", "CTI Vice Chair", "GEF's Regional Manager": the acronym a title opens with is its body.
  if (!organization && role)
    organization = role.match(/^(\p{Lu}[\p{Lu}/-]*\p{Lu})(?:['’]s)?\s+\S/u)?.[1];
  if (!role && !organization) return compact({ country });
  if (
    role === undefined &&
    organization &&
    !looksLikeOrganization(organization) &&
    /^\p{Ll}/u.test(organization)
  )
    [role, organization] = [organization, undefined];
  return compact({ role, organization, country });
}

/**
 * "Ministry of Commerce, Industry and Energy": commas inside a series are part of one name, not
 * field separators — a part that ends the series ("…, Industry and Energy", "…, and Economics
 * Division") joins the part before it, with any one- or two-word items in between.
 */
function joinSeries(parts: string[]): string[] {
  const joined: string[] = [];
  const isItem = (part: string) =>
    part.split(' ').length <= 2 && !hasRoleWord(part) && !countryCalled(part);
  for (const part of parts) {
    const endsSeries =
      /^and\s/.test(part) ||
      (/^(?:\p{Lu}[\p{L}'’-]*\s+){1,3}and\s+\p{Lu}/u.test(part) &&
        !hasRoleWord(part.split(' and ')[0]!) &&
        !countryCalled(part));
    if (endsSeries && joined.length > 0) {
      let j = joined.length - 1;
      while (j > 0 && isItem(joined[j]!)) j--;
      if (/\b(?:of|for|on)\s+(?:the\s+)?\p{Lu}[^,]*$/u.test(joined[j]!) || /^and\s/.test(part)) {
        joined.splice(j, joined.length - j, [...joined.slice(j), part].join(', '));
        continue;
      }
    }
    joined.push(part);
  }
  return joined;
}

/**
 * "Environment Agency of Japan", "Minister of Water of the United Republic of Tanzania",
 * "Representative of Chile to the United Nations", "Japan's Ministry of …": the country a part
 * attaches to the person, not a country word inside a name.
 */
function countryOfPart(part: string): string | undefined {
  // "Côte d'Ivoire's …": a country's name may hold an elided particle.
  for (const m of part.matchAll(
    /((?:(?:\p{Lu}|d['’]\p{Lu})[\p{L}'’-]*\s+|of\s+|and\s+){0,4}(?:\p{Lu}|d['’]\p{Lu})[\p{L}'’-]*)['’]s\s/gu,
  )) {
    const words = m[1]!.split(/\s+/);
    for (let i = 0; i < words.length; i++)
      if (/^\p{Lu}/u.test(words[i]!) && countryCalled(words.slice(i).join(' ')))
        return words.slice(i).join(' ');
  }
  for (const m of part.matchAll(/\b(?:of|for|in)\s+(?:the\s+)?/g)) {
    const country = leadingCountry(part.slice(m.index + m[0].length));
    if (country) return country;
  }
  return stateBodyCountry(part);
}

/**
 * "Canada Transport Department", "the Ghana Agency for Land Use": a ministry, department
 * or agency named after a country is that country's government, so it gives the person's
 * country. Other bodies named after a country ("Kenya Centre for Soil Studies", "Kenya
 * Climate Programme") may be private or shared, so they do not.
 */
function stateBodyCountry(part: string): string | undefined {
  for (const m of part.matchAll(/(?:^|\s)(?=\p{Lu})/gu)) {
    const words = part.slice(m.index).trim().split(/\s+/);
    for (let n = Math.min(words.length - 1, 4); n >= 1; n--) {
      const country = words.slice(0, n).join(' ');
      if (!namesCountryPlainly(country)) continue;
      const name = words.slice(n).join(' ').match(STATE_BODY_NAME)?.[0] ?? '';
      if (STATE_BODY.test(name)) return country;
    }
  }
  return undefined;
}
/**
 * A country written as its common name, a code ("US") or a name of several words — not a
 * one-word alias such as "Thai", which in "Thai Harbour Department" is an adjective.
 */
function namesCountryPlainly(written: string): boolean {
  const country = countryCalled(written);
  return (
    country !== undefined &&
    (country.name === written || /^[A-Z]{2,3}$/.test(written) || written.includes(' '))
  );
}
/** The capitalized words that follow a country, up to the head of the body's name. */
const STATE_BODY_NAME = /^(?:\p{Lu}[\p{L}'’-]*\s+){0,4}\p{Lu}[\p{L}'’-]*/u;
const STATE_BODY = /\b(?:Ministry|Department|Agency)$/u;

/** The country a phrase starts with, when the phrase ends there or goes on with " to …". */
function leadingCountry(text: string): string | undefined {
  const words = text.split(/\s+/);
  for (let n = Math.min(words.length, 6); n >= 1; n--) {
    const candidate = words.slice(0, n).join(' ');
    if ((n === words.length || words[n] === 'to') && countryCalled(candidate)) return candidate;
  }
  return undefined;
}

// "(GLE)", "('ach')": a name's acronym in brackets, quoted when it is not in capitals.
const NAME_PART = String.raw`(?:\p{Lu}[\p{L}'’-]*|\p{Ll}['’]\p{Lu}[\p{L}'’-]*|\(\p{Lu}[\p{L}-]*\)|\(['‘’][\p{L}\d-]+['’]\)|of|for|and|the|on|de|du|des|la|le|l['’]\p{L}+|(?<=\b(?:for|of) )an?)`;
const INNER = new RegExp(
  String.raw`\b(of the|of|for the|for|at the|at|with the|with|from the|from|in the)\s+(?=(${NAME_PART}(?:(?:\s+|,\s+)${NAME_PART})*)$)`,
  'gu',
);

/** "Ministry of Foreign Affairs for the Kingdom of Norway" → "Ministry of Foreign Affairs". */
function withoutTrailingCountry(phrase: string): string {
  for (const m of phrase.matchAll(/\s+(?:of|for|in)\s+(?:the\s+)?/g))
    if (leadingCountry(phrase.slice(m.index + m[0].length))) return phrase.slice(0, m.index);
  return phrase;
}

/** "Republic of Korea's Ministry": the "of" belongs to the country's name. */
function insideCountryName(before: string, preposition: string, candidate: string): boolean {
  const first = candidate.split(/\s+/)[0]!.replace(/['’]s$/u, '');
  const words = before.trim().split(/\s+/).slice(-3);
  return words.some(
    (_, i) => countryCalled(`${words.slice(i).join(' ')} ${preposition} ${first}`) !== undefined,
  );
}

/**
 * The body a title is of, when no separate part names it: "Director of the Coastal Centre for
 * Advanced Studies", "Manager of Water Science for Example Power Institute", "Chair of WGX". The nearest body to the end wins; a minister's "of the Environment" is a portfolio, and a
 * country is not an organization.
 */
function innerOrganization(role: string): string | undefined {
  const matches = [...role.matchAll(INNER)].reverse();
  for (const m of matches) {
    const [, preposition, phrase] = m;
    if (leadingCountry(phrase!) || insideCountryName(role.slice(0, m.index), preposition!, phrase!))
      continue;
    const candidate = withoutTrailingCountry(phrase!);
    const minister = /\b(?:Minister|Ministers|Secretary of State)\b/.test(role.slice(0, m.index));
    const owner = candidate.match(/^(\p{Lu}[\p{Lu}-]*\p{Lu})['’]s\s/u)?.[1];
    if (owner) return owner;
    if (looksLikeOrganization(candidate)) return candidate;
    if (!minister && /^(?:of|for) the$/.test(preposition!)) return candidate;
  }
  return undefined;
}

/** A phrase names an organization when it has an organization noun or an acronym: a bare name is not enough. */
export function looksLikeOrganization(text: string): boolean {
  return text
    .split(/[\s,]+/)
    .some((w) => ORGANIZATION_HEADS.has(w) || /^\(?\p{Lu}[\p{Lu}-]{1,}\)?$/u.test(w));
}

/** Drops empty fields, so optional ones are absent rather than undefined. */
export function compact<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== ''),
  ) as never;
}
