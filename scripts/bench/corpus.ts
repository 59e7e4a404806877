/**
 * Variants of summaries for benchmarks: speaker names, numbers and the order of evidence
 * sentences are perturbed with a seeded generator, so N meetings are N different texts (a
 * search index cannot collapse them) with the same structure and the same cost to build.
 *
 * An archive's vocabulary keeps growing (new people, places and terms in every meeting) and its
 * people recur (a series' chair, its regular delegates): new names are made of letters, not a
 * few syllables, and about one speaker in six is one of a fixed cast who recur across meetings.
 */
import { findAttributions } from '../lib/entities/speakers.ts';

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'g', 'gr', 'h', 'j', 'k', 'kh', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'sh', 't', 'th', 'tr', 'v', 'w', 'y', 'z', ''];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou', 'ia', 'ue'];
const CODAS = ['', '', 'n', 'r', 's', 'l', 'm', 'k', 'nd', 'st', 'rt'];
/** People who recur across the archive's meetings. */
const CAST_SIZE = 24;
/** Share of a meeting's speakers drawn from the recurring cast. */
const RECURRING_SHARE = 1 / 6;

/** mulberry32: small, fast and good enough to make reproducible variants. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

function inventName(random: () => number, words: number): string {
  return Array.from({ length: words }, () => {
    const word = Array.from({ length: 2 + Math.floor(random() * 2) }, () => `${pick(random, ONSETS)}${pick(random, VOWELS)}${pick(random, CODAS)}`).join('');
    return word.charAt(0).toUpperCase() + word.slice(1);
  }).join(' ');
}

/** The recurring cast: the same names in every meeting that draws on them. */
const CAST = Array.from({ length: CAST_SIZE }, (_, i) => inventName(seededRandom(100_003 + i), 2));

/** A new name for a speaker: one of the recurring cast (two-word names only) or a new one. */
function replacementName(random: () => number, words: number): string {
  if (words === 2 && random() < RECURRING_SHARE) return pick(random, CAST);
  return inventName(random, words);
}

/** Variant `index` of `text`: same shape, other names, numbers and sentence order. */
export function perturbSummary(text: string, index: number): string {
  const random = seededRandom(index * 7919 + 17);
  let result = renameSpeakers(text, random);
  result = result.replace(/(?<![\d(.,])\d{2,3}(?:,\d{3})*(?![\d)])/g, (digits) => {
    const value = Number(digits.replace(/,/g, ''));
    if (value >= 1900 && value <= 2100) return digits;
    return Math.max(10, Math.round(value * (0.5 + random()))).toLocaleString('en-US');
  });
  result = result.replace(/^(\*\*.+)$/m, (title) => `${title} — edition ${index + 1}`);
  return shuffleEvidence(result, random);
}

function renameSpeakers(text: string, random: () => number): string {
  const names = new Set(text.split(/\n\s*\n/).flatMap((p) => findAttributions(p.replace(/\s+/g, ' '), 'p').map((a) => a.name)));
  let result = text;
  for (const name of names) {
    const words = name.split(' ');
    const replacement = replacementName(random, words.length).split(' ');
    result = result.replaceAll(name, replacement.join(' '));
    if (words.at(-1)!.length >= 4) result = result.replace(new RegExp(`\\b${words.at(-1)!}\\b`, 'g'), replacement.at(-1)!);
  }
  return result;
}

/**
 * Within a complete paragraph of four or more sentences, the sentences after the first two
 * trade places; the first (a thesis or a cue) and paragraphs cut by a page break stay as they are.
 */
function shuffleEvidence(text: string, random: () => number): string {
  return text
    .split('\n')
    .map((line) => {
      if (!/[.!?]$/.test(line) || line.length < 400) return line;
      const sentences = line.split(/(?<=[a-z]{2}[.!?])\s+(?=[A-Z])/);
      if (sentences.length < 4) return line;
      const rest = sentences.slice(2);
      for (let i = rest.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [rest[i], rest[j]] = [rest[j]!, rest[i]!];
      }
      return [...sentences.slice(0, 2), ...rest].join(' ');
    })
    .join('\n');
}
