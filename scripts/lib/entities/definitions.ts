/**
 * Finds "Full Name (ACR)" definitions in linear time. A regular expression that takes a run of
 * capitalized words and then requires "(ACR)" after it backtracks over the whole run at every
 * word, so a long line of capitals made the split quadratic; here each "(ACR)" is found first
 * and the words before it are read backwards, once.
 */

/** A name and the acronym written after it in parentheses. */
export interface Definition {
  /** The run of name words before the parenthesis, as written. */
  phrase: string;
  acronym: string;
}

/** An acronym in parentheses after white space: "(IOM)", "(UNAIDS)", "(G-Sevens)". */
const ACRONYM_IN_PARENS = /(?<=\s)\((\p{Lu}[\p{L}-]*\p{Lu}s?|\p{Lu}{2,}-\p{Lu}\p{Ll}+)\)/gu;
/** A word that can belong to a name: capitalized, or a connector ("of", "for", "&"). */
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’\-/&]*|of|for|and|the|on|to|in|de|du|des|la|le|&|against)$/u;
const CONNECTOR_SUFFIX = /(?:of|for|and|the|on|to|in|de|du|des|la|le|&|against)$/u;
const NAME_CHAR = /^[\p{L}'’\-/&]$/u;
const UPPER = /^\p{Lu}$/u;
/** No name is longer: reading further back would only cost time. */
const MAX_WORDS = 40;

/** Every definition in `text`, left to right, never overlapping. */
export function findDefinitions(text: string): Definition[] {
  const found: Definition[] = [];
  let floor = 0;
  for (const match of text.matchAll(ACRONYM_IN_PARENS)) {
    const phraseStart = readNameBackwards(text, match.index, floor);
    if (phraseStart === undefined) continue;
    const phrase = text.slice(phraseStart, match.index).trimEnd();
    found.push({ phrase, acronym: match[1]! });
    floor = match.index + match[0].length;
  }
  return found;
}

/** Where the run of name words ending before `end` starts (not before `floor`), if there is one. */
function readNameBackwards(text: string, end: number, floor: number): number | undefined {
  let start: number | undefined;
  let position = end;
  for (let words = 0; words < MAX_WORDS; words++) {
    let wordEnd = position;
    while (wordEnd > floor && /\s/.test(text[wordEnd - 1]!)) wordEnd--;
    if (wordEnd === position || wordEnd === floor) return start;
    let wordStart = wordEnd;
    while (wordStart > floor && !/\s/.test(text[wordStart - 1]!)) wordStart--;
    const word = text.slice(wordStart, wordEnd);
    const whole = wordStart > floor || wordStart === 0 || /\s/.test(text[wordStart - 1]!);
    if (whole && NAME_WORD.test(word)) {
      start = wordStart;
      position = wordStart;
      continue;
    }
    // A word cut by the previous match, or glued to other characters ("x-Foo"): the name can
    // start inside it, at its longest tail that is a name word.
    const tail = nameTail(word);
    return tail === undefined ? start : wordEnd - tail;
  }
  return start;
}

/** Length of the longest tail of `word` that is a name word, if any. */
function nameTail(word: string): number | undefined {
  const chars = Array.from(word);
  let longest: number | undefined;
  let length = 0;
  for (let i = chars.length - 1; i >= 0 && NAME_CHAR.test(chars[i]!); i--) {
    length += chars[i]!.length;
    if (UPPER.test(chars[i]!)) longest = length;
  }
  const connector = word.match(CONNECTOR_SUFFIX)?.[0].length;
  return connector !== undefined && (longest === undefined || connector > longest)
    ? connector
    : longest;
}
