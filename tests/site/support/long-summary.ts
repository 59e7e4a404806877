/**
 * A long meeting summary, made up: a Markdown source with many sessions of many paragraphs,
 * naming speakers as summaries do, whose text gzips about as well as English prose. Longer
 * than one page can carry within the page budget, so its full text must be cut into parts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { seededRandom } from '../../../scripts/bench/corpus.ts';

const WORDS =
  `the and of to in a that for on with as by is was be are it this from at which their not have
  has an or parties delegates said many should would further need support countries developing
  national reporting guidelines climate change adaptation finance technology transfer capacity
  building review process work programme conclusions draft text agreed noted stressed proposed
  questioned called urged welcomed emphasized regional global local action plans methods data
  emissions inventories forests land use energy water health coastal communities experts panel
  workshop secretariat chair group contact informal consultations agenda item report session
  decision mechanism fund resources access direct indirect criteria indicators vulnerability
  assessment impacts risks insurance information exchange cooperation institutions arrangements`
    .split(/\s+/)
    .filter(Boolean);
const NAMES = ['Ana Ruiz', 'Tomas Berg', 'Mele Tupou', 'Amina Diallo', 'Jonas Lind', 'Rita Sousa'];
const COUNTRIES = ['Chile', 'Norway', 'Fiji', 'Senegal', 'Sweden', 'Brazil'];

/** A sentence of `length` words, capitalized and closed. */
function sentence(random: () => number, length: number): string {
  const words = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]!);
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** A paragraph that opens with a speaker and goes on for a few sentences. */
function paragraph(random: () => number, index: number): string {
  const speaker = NAMES[index % NAMES.length]!;
  const country = COUNTRIES[index % COUNTRIES.length]!;
  const sentences = Array.from({ length: 4 + Math.floor(random() * 4) }, () =>
    sentence(random, 12 + Math.floor(random() * 14)),
  );
  return `${speaker} (${country}) said that ${sentences.join(' ')}`;
}

/**
 * The Markdown of a summary with `sessions` sessions of `paragraphs` paragraphs each, but the
 * third, fourteen times as long: too long for one part, it must be cut between paragraphs.
 */
export function longSummary(sessions: number, paragraphs: number, seed = 1): string {
  const random = seededRandom(seed);
  const body = Array.from({ length: sessions }, (_, s) => {
    const count = s === 2 ? paragraphs * 14 : paragraphs;
    const text = Array.from({ length: count }, (_, p) => paragraph(random, s + p));
    return `## Session ${s + 1}: ${sentence(random, 3).slice(0, -1)}\n\n${text.join('\n\n')}`;
  });
  return [
    '# Long Forum on Everything, 3–7 May 2030',
    'The Long Forum on Everything was held from 3 to 7 May 2030 in Bonn, Germany.',
    `## Opening session\n\n${paragraph(random, 0)}`,
    ...body,
    `## Closing session\n\n${paragraph(random, 1)}`,
    '',
  ].join('\n\n');
}

/** Writes the long summary to `file`, making its folder. */
export async function writeLongSummary(file: string, sessions: number, paragraphs: number) {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, longSummary(sessions, paragraphs));
}
