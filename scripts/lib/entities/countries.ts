/**
 * Country names from two maintained datasets — world-countries (common, official and UN-style
 * names: "Plurinational State of Bolivia", "Viet Nam") and i18n-iso-countries (English aliases such as
 * "Turkey") — so no country list is typed by hand.
 */
import countries from 'world-countries';
import isoCountries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

isoCountries.registerLocale(english);

/** A country as Readout names it: ISO code and common English name. */
export interface CountryName {
  code: string;
  name: string;
}

/** Every English alias of every country, longest first so "Republic of Korea" beats "Korea". */
function buildAliases(): [string, CountryName][] {
  const aliases = new Map<string, CountryName>();
  const iso = isoCountries.getNames('en', { select: 'all' });
  for (const country of countries) {
    const entry = { code: country.cca2, name: country.name.common };
    const names = [
      country.name.common,
      country.name.official,
      ...country.altSpellings,
      ...(iso[country.cca2] ?? []),
    ];
    // Short upper-case codes ("SL", "PT") are acronyms of other things far more often than
    // countries; "USA" and "UK" are kept because both datasets list them.
    const both = new Set(iso[country.cca2] ?? []);
    for (const name of names) {
      const isCode = /^[A-Z.]{2,4}$/.test(name);
      if (name.length < 4 && !(isCode && both.has(name) && name.length === 3)) continue;
      if (isCode && !both.has(name)) continue;
      if (/,/.test(name)) continue;
      if (!aliases.has(name)) aliases.set(name, entry);
    }
  }
  return [...aliases.entries()].sort((a, b) => b[0].length - a[0].length);
}

let aliasIndex:
  { byAlias: Map<string, CountryName>; firstWords: Set<string>; maxWords: number } | undefined;

function getAliasIndex() {
  if (!aliasIndex) {
    const aliases = buildAliases();
    // A word that starts no alias starts no look-up: most capitalized words are not countries.
    const firstWords = new Set(aliases.map(([alias]) => alias.match(WORD)?.[0] ?? alias));
    aliasIndex = {
      byAlias: new Map(aliases),
      firstWords,
      maxWords: Math.max(...aliases.map(([alias]) => alias.split(/\s+/).length)),
    };
  }
  return aliasIndex;
}

/** A country named in a text: what was written, where, and which country it is. */
export interface CountryMatch extends CountryName {
  written: string;
  index: number;
}

const WORD = /[\p{L}\p{N}'’.-]+/gu;

/**
 * Every country named in `text`, in order, matched case-sensitively as whole words. Each
 * capitalized word starts a look-up of the longest run of words that is a known name: a few
 * map look-ups per word instead of one huge regular expression.
 */
export function findCountries(text: string): CountryMatch[] {
  const { byAlias, firstWords, maxWords } = getAliasIndex();
  const words = [...text.matchAll(WORD)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  const found: CountryMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!/^\p{Lu}/u.test(text[words[i]!.start]!)) continue;
    const first = text.slice(words[i]!.start, words[i]!.end);
    if (!firstWords.has(first) && !firstWords.has(withoutSuffix(first))) continue;
    for (let length = Math.min(maxWords, words.length - i); length >= 1; length--) {
      const start = words[i]!.start;
      const written = matchAlias(text.slice(start, words[i + length - 1]!.end), byAlias);
      if (!written) continue;
      found.push({ ...byAlias.get(written)!, written, index: start });
      i += length - 1;
      break;
    }
  }
  return found;
}

/** The alias a span is, allowing a sentence's full stop after it ("… in Haiti."). */
function matchAlias(span: string, byAlias: Map<string, CountryName>): string | undefined {
  if (byAlias.has(span)) return span;
  const bare = withoutSuffix(span);
  return bare !== span && byAlias.has(bare) ? bare : undefined;
}

/** "Haiti's" and "Haiti." → "Haiti". */
function withoutSuffix(span: string): string {
  return /[.’'\-s]$/u.test(span) ? span.replace(/(?:['’]s)?[.’'-]*$/u, '') : span;
}

let shortCodes: Map<string, CountryName> | undefined;

/**
 * The country a whole phrase names, when it is nothing but a country: a name, or a short code
 * the datasets list ("US", "UK"). Short codes are left out of running-text search (they are
 * acronyms of other things too often), but a phrase that is only a code — "(UK)", "…, US" — is
 * the genre's way of writing a person's country.
 */
export function countryCalled(phrase: string): CountryMatch | undefined {
  if (calledCache.has(phrase)) return calledCache.get(phrase);
  if (calledCache.size > 100_000) calledCache.clear();
  const result = lookUpCountryCalled(phrase);
  calledCache.set(phrase, result);
  return result;
}

/** Summaries repeat the same short phrases; each is looked up once. */
const calledCache = new Map<string, CountryMatch | undefined>();

function lookUpCountryCalled(phrase: string): CountryMatch | undefined {
  const written = phrase.trim();
  const whole = findCountries(written);
  if (whole.length === 1 && whole[0]!.written.length >= written.replace(/[.:]$/, '').length)
    return whole[0];
  if (!/^[A-Z]{2}$/.test(written)) return undefined;
  shortCodes ??= new Map(
    countries.flatMap((c) =>
      c.altSpellings
        .filter((s) => /^[A-Z]{2}$/.test(s))
        .map((s) => [s, { code: c.cca2, name: c.name.common }] as const),
    ),
  );
  const entry = shortCodes.get(written);
  return entry ? { ...entry, written, index: 0 } : undefined;
}
