/**
 * Country names from two maintained datasets — world-countries (common, official and UN-style
 * names: "Republic of Moldova", "Viet Nam") and i18n-iso-countries (English aliases such as
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
    const names = [country.name.common, country.name.official, ...country.altSpellings, ...(iso[country.cca2] ?? [])];
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

let matcher: { pattern: RegExp; byAlias: Map<string, CountryName> } | undefined;

function getMatcher() {
  if (!matcher) {
    const aliases = buildAliases();
    const escaped = aliases.map(([alias]) => alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    matcher = {
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:the )?(${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
      byAlias: new Map(aliases),
    };
  }
  return matcher;
}

/** A country named in a text: what was written, where, and which country it is. */
export interface CountryMatch extends CountryName {
  written: string;
  index: number;
}

/** Every country named in `text`, in order; names are matched case-sensitively as whole words. */
export function findCountries(text: string): CountryMatch[] {
  const { pattern, byAlias } = getMatcher();
  return [...text.matchAll(pattern)].map((m) => ({ ...byAlias.get(m[1]!)!, written: m[1]!, index: m.index + m[0].length - m[1]!.length }));
}
