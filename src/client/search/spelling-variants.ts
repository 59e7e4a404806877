/**
 * British and American spellings of the same word, so "labor" finds "labour" and "program"
 * finds "programme". A handful of suffix rules, applied in both directions; a variant that no
 * page contains simply finds nothing, so a rule may over-generate.
 */

/** One spelling rule: a word matching `from` may also be written with `to` in place of the match. */
interface VariantRule {
  from: RegExp;
  to: string;
}

/** Builds the two directions of a suffix rule: `british` ↔ `american`, each ending in one of `endings`. */
function bothWays(
  british: string,
  american: string,
  endings: string,
  minLength = 0,
): VariantRule[] {
  const stem = minLength > 0 ? `(?<=^.{${minLength},})` : '';
  return [
    { from: new RegExp(`${stem}${british}(${endings})$`), to: `${american}$1` },
    { from: new RegExp(`${stem}${american}(${endings})$`), to: `${british}$1` },
  ];
}

/** The rules, most specific first. */
const RULES: readonly VariantRule[] = [
  // labour/labor, behaviour/behavior, neighbour/neighbor (stems of at least three letters: not "four").
  ...bothWays('our', 'or', '|s|ed|ing|er|ers|able|ably|ite|ites|hood|hoods|ful|less', 3),
  // organisation/organization, recognise/recognize, mobilising/mobilizing.
  ...bothWays('is', 'iz', 'e|es|ed|ing|er|ers|ation|ations|ational', 2),
  // analyse/analyze, paralysed/paralyzed.
  ...bothWays('ys', 'yz', 'e|es|ed|ing|er|ers', 2),
  // programme/program.
  ...bothWays('gramme', 'gram', '|s'),
  // centre/center, metres/meters, centred/centered.
  ...bothWays('tre', 'ter', '|s', 3),
  ...bothWays('tred', 'tered', '', 3),
  // dialogue/dialog, catalogue/catalog.
  ...bothWays('ogue', 'og', '|s'),
  // enrolment/enrollment, fulfilment/fulfillment, skilful/skillful.
  { from: /(?<=^.{2,}[^l])l(ment|ments|ful)$/, to: 'll$1' },
  { from: /(?<=^.{2,})ll(ment|ments|ful)$/, to: 'l$1' },
  // travelled/traveled, counselling/counseling, modelling/modeling.
  { from: /(?<=^.{2,}[aeiou])ll(ed|ing|er|ers|or|ors)$/, to: 'l$1' },
  { from: /(?<=^.{2,}[aeiou])l(ed|ing|er|ers|or|ors)$/, to: 'll$1' },
  // defence/defense, licence/license, offence/offense, pretence/pretense.
  { from: /^(def|off|lic|pret)ence(s?)$/, to: '$1ense$2' },
  { from: /^(def|off|lic|pret)ense(s?)$/, to: '$1ence$2' },
  // paediatric/pediatric, haemorrhage/hemorrhage, oestrogen/estrogen.
  { from: /^pae/, to: 'pe' },
  { from: /^haem/, to: 'hem' },
  { from: /^oes/, to: 'es' },
];

/** Whole words with no rule: judgement/judgment, ageing/aging, grey/gray. */
const WORD_PAIRS: ReadonlyMap<string, string> = new Map(
  [
    ['judgement', 'judgment'],
    ['acknowledgement', 'acknowledgment'],
    ['ageing', 'aging'],
    ['grey', 'gray'],
    ['enrol', 'enroll'],
    ['enrols', 'enrolls'],
    ['fulfil', 'fulfill'],
    ['fulfils', 'fulfills'],
    ['cheque', 'check'],
    ['whilst', 'while'],
  ].flatMap(([british, american]) => [
    [british!, american!],
    [american!, british!],
  ]),
);

/** The other spellings of a lowercase word, without the word itself; empty when none apply. */
export function spellingVariants(word: string): string[] {
  const variants = new Set<string>();
  const paired = WORD_PAIRS.get(word);
  if (paired) variants.add(paired);
  for (const rule of RULES) {
    if (rule.from.test(word)) variants.add(word.replace(rule.from, rule.to));
  }
  variants.delete(word);
  return [...variants];
}
