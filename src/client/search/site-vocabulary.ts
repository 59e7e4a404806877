/**
 * Whether a typed word is on the site at all. Pagefind never answers "nothing": a word it does
 * not hold is cut shorter until some prefix matches ("colour" finds "co-organized"), so its result
 * count cannot tell a word that is there from one that is not. The site's vocabulary can: it
 * holds every indexed word of three letters or more. A word counts as held when a site word starts
 * with it (a word being typed) or shares its stem (traffickers, trafficking); a misspelling that
 * only shares a shorter stem ("goverance") is corrected instead, and the page says so.
 */
import { stemmer } from 'stemmer';
import { allowedEdits, editDistance, normalizeWord } from './typo-correction.ts';

/** Words the vocabulary can judge: letters only, as long as the shortest word it lists. */
const JUDGED_WORD = /^\p{L}{3,}$/u;

/** Most edits between a typed word and a suggested one. */
const MAX_SUGGESTION_EDITS = 2;

/** The site's words (most frequent first), and what they say about typed words. */
export class SiteVocabulary {
  /** The words, most frequent first. */
  readonly words: readonly string[];
  #stems: Set<string> | undefined;

  constructor(words: readonly string[]) {
    this.words = words;
  }

  /** The stems of the words, computed on first need only: most typed words are found without. */
  #stemSet(): Set<string> {
    return (this.#stems ??= new Set(this.words.map((word) => stemmer(word))));
  }

  /**
   * Whether the vocabulary can say if `word` is on the site: it must be non-empty, and the word
   * a run of letters it would list (numbers, short and hyphenated words are not listed).
   */
  judges(word: string): boolean {
    return this.words.length > 0 && JUDGED_WORD.test(normalizeWord(word));
  }

  /** Whether the site holds `word`: a site word starts with it or has the same stem. */
  holds(word: string): boolean {
    const typed = normalizeWord(word);
    return (
      this.words.some((known) => known.startsWith(typed)) || this.#stemSet().has(stemmer(typed))
    );
  }

  /**
   * A word to offer as "Did you mean …?" for a word the site does not hold: the closest within
   * one edit more than an automatic correction may make (two at most: a word three edits away is
   * another word), the most frequent on a tie.
   */
  suggestion(word: string): string | undefined {
    const typed = normalizeWord(word);
    const limit = Math.min(allowedEdits(typed) + 1, MAX_SUGGESTION_EDITS);
    let best: { word: string; distance: number } | undefined;
    for (const known of this.words) {
      const distance = editDistance(typed, known, best ? best.distance - 1 : limit);
      if (distance <= limit && (!best || distance < best.distance))
        best = { word: known, distance };
    }
    return best?.word;
  }
}
