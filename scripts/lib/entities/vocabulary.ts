/**
 * The words of the genre that tell people from organizations: job titles, honorifics, the
 * head nouns of organization names, and the acronyms of the UN system (a public, stable list).
 * Nothing here names one document's speakers or organizations.
 */

/** Words that make a phrase a job title. */
export const ROLE_WORDS = new Set(
  'Facilitator Discussant Scientist Author Engineer Director Director-General Directors Minister Ministers Ambassador Mayor President Vice-President Chair Co-Chair Chairperson Chairman Chairwoman Secretary Secretary-General Under-Secretary-General Commissioner Officer Founder Co-Founder Representative Head Coordinator Councilor Councillor Counsellor Adviser Advisor Professor Manager Observer Envoy Rapporteur Chief Lead Leader Researcher Fellow Dean Governor Senator Judge Delegate Spokesperson Administrator Partner Expert Consultant Analyst Specialist Attaché Consul Commander Moderator Panellist Panelist Attorney Lawyer Economist Activist Member'.split(
    ' ',
  ),
);

/** Words that qualify a job title ("Deputy", "Acting", "General"): part of a title, never of a name. */
export const ROLE_MODIFIERS = new Set(
  'Deputy Executive Managing Vice Assistant Associate Acting Senior Special Permanent General Principal Programme Program Chief Interim'.split(
    ' ',
  ),
);

/** Titles written before a name ("Dr Guerra", "Mayor Ferreira"). */
export const HONORIFICS = new Set(
  'Amb Amb. Dr Dr. Mr Mr. Mrs Mrs. Ms Ms. Mx Prof Prof. Professor Sir Dame H.E. Excellency Ambassador Mayor Minister Senator Judge Governor President Deputy Director General Secretary-General Director-General Chair'.split(
    ' ',
  ),
);

/** Head nouns of organization names. */
export const ORGANIZATION_HEADS = new Set(
  'Organization Organisation Agency Union Forum Fund Programme Program Bank Banque Office Department Ministry Council Commission Conference Network Foundation Alliance Centre Center Institute Institution University Universidad Université College School Faculty Committee Platform Division Directorate Secretariat Association Federation Authority Board Bureau Collective Company Corporation Group Mission Service Services Coalition Society Initiative Partnership Trust Unit Branch Section Commission Parliament Assembly Court Observatory Academy Chamber Cooperative Consortium Centres Centers Agencies Organizations City Municipality'.split(
    ' ',
  ),
);

/** Capitalized words that start sentences or name places and things, never a person. */
export const NOT_NAMES = new Set(
  'The A An In On At For From To Of And But Also Others Another Speaking Among After Before During Drawing Together Through With Without Although However Moreover Furthermore Similarly Likewise Many Some Several Both Each Every This That These Those Their His Her Its Our We They He She It Currently Right Now Thus Then Today Yesterday First Second Third Fourth Fifth Finally Session Sessions Panel Panels Goal Goals Agenda Summary Conclusion Dialogue Migration Global United Nations National Regional International Republic State States City Government Sustainable Development Human Rights Mobility New Central North South East West African Asian European American Arab Islamic Federal Democratic People Peoples Kingdom Union Council Secretary General Member January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(
    ' ',
  ),
);

/** Acronyms of the United Nations system: funds, programmes, specialized and related agencies. */
export const UN_SYSTEM_ACRONYMS = new Set(
  'UN UNICEF UNHCR UNDP UNEP UNESCO UNFPA UN-Habitat UNODC OHCHR WFP IOM IFAD ILO FAO WHO ITU UNCTAD UNIDO UNWTO WMO IMO ICAO UPU WIPO IAEA UNAIDS UNDESA DESA OCHA UNITAR UNOPS UNRWA UNU UNECE ESCAP ECA ECLAC ESCWA UNHABITAT UNWomen IMF'.split(
    ' ',
  ),
);

/**
 * Verbs with which a summary reports what a person said: the core list, which a key conclusion's
 * thesis never holds (cues.ts), and the first part of the reporting cues below.
 */
export const REPORTING_VERBS: readonly string[] = [
  'said',
  'says',
  'stated',
  'noted',
  'stressed',
  'described',
  'presented',
  'spoke',
  'explained',
  'discussed',
  'argued',
  'emphasi[sz]ed',
  'highlighted',
  'reminded',
  'talked',
  'underlined',
  'underscored',
  'pointed out',
  'mentioned',
  'reiterated',
  'recalled',
  'observed',
  'urged',
  'called for',
  'shared',
  'showcased',
  'reported',
  'welcomed',
  'announced',
  'outlined',
  'added',
  'concluded',
];

/** Reporting cues: a sentence with one of these presents someone as speaking. */
export const REPORTING_CUE = new RegExp(
  `\\b(?:${[
    ...REPORTING_VERBS,
    ...[
      'speaking',
      'emphasi[sz]ing',
      'offered',
      'contributed',
      'made',
      'promoted',
      'hailed',
      'moderated',
      'chaired',
      'addressed',
      'addressing',
      'opened',
      'closed',
      'introduced',
      'helped',
      'gave',
      'delivered',
      'warned',
      'proposed',
      'recommended',
      'insisted',
      'agreed',
      'acknowledged',
      'expressed',
      'affirmed',
      'cautioned',
      'invited',
      'thanked',
      'was the first speaker',
      'speaker was',
    ],
  ].join('|')})\\b`,
  'i',
);
