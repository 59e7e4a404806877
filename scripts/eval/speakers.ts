/**
 * Speakers only, for whoever works on who-said-what: splits every `.md` and `.txt` in a folder
 * that has a `<name>.expected.json` answer key beside it and prints speakers precision, recall
 * and affiliation per document and overall. `--verbose` lists every miss; `--no-blank-lines`
 * first removes blank lines (one paragraph per line, as pasted from Word or a web page).
 *
 *   node scripts/eval/speakers.ts <folder> [--verbose] [--no-blank-lines]
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCommandLine, runCommand } from '../lib/cli.ts';
import { SourceError } from '../lib/errors.ts';
import { splitSources } from '../lib/split-sources.ts';
import { scoreSpeakers, type SpeakerKey, type SpeakerScore } from './score-speakers.ts';

const percent = (n: number) => `${(n * 100).toFixed(1)} %`;

await runCommand(async () => {
  const { positional, options } = parseCommandLine(process.argv.slice(2), []);
  const folder = positional[0];
  if (!folder)
    throw new SourceError(
      '(command line)',
      'no folder given',
      'write: node scripts/eval/speakers.ts <folder>',
    );
  const names = (await readdir(folder).catch(() => [])).sort();
  const keys = names.filter((n) => n.endsWith('.expected.json'));
  if (keys.length === 0)
    throw new SourceError(
      folder,
      'holds no *.expected.json answer key',
      'give the folder of the corpus',
    );
  const totals = { tp: 0, fp: 0, expected: 0, affRight: 0 };
  const perKind = new Map<string, typeof totals>();
  console.log('| document | kind | found | precision | recall | affiliation right |');
  console.log('|---|---|---|---|---|---|');
  for (const keyName of keys) {
    const base = keyName.slice(0, -'.expected.json'.length);
    const key = JSON.parse(await readFile(join(folder, keyName), 'utf8')) as SpeakerKey;
    for (const ext of ['md', 'txt']) {
      const file = join(folder, `${base}.${ext}`);
      if (!names.includes(`${base}.${ext}`)) continue;
      let score: SpeakerScore;
      try {
        const read = async (path: string) => {
          const bytes = await readFile(path);
          if (!options.has('no-blank-lines')) return bytes;
          return new TextEncoder().encode(
            new TextDecoder().decode(bytes).replace(/\n[ \t\r]*(?=\n)/g, ''),
          );
        };
        const { parsed } = await splitSources([file], read);
        score = scoreSpeakers(parsed[0]!.meeting.speakers, key);
      } catch (error) {
        console.log(
          `| ${base} | ${ext} | refused: ${(error as Error).message.split('\n')[0]} | | | |`,
        );
        continue;
      }
      const found = score.truePositives + score.falsePositives.length + score.ignored.length;
      console.log(
        `| ${base} | ${ext} | ${found} | ${percent(score.precision)} | ${percent(score.recall)} (${score.truePositives}/${score.expected}) | ${percent(score.affiliationRate)} (${score.affiliationRight}/${score.truePositives}) |`,
      );
      for (const sum of [
        totals,
        perKind.get(ext) ?? perKind.set(ext, { tp: 0, fp: 0, expected: 0, affRight: 0 }).get(ext)!,
      ]) {
        sum.tp += score.truePositives;
        sum.fp += score.falsePositives.length;
        sum.expected += score.expected;
        sum.affRight += score.affiliationRight;
      }
      if (options.has('verbose')) {
        for (const miss of score.falsePositives)
          console.log(`    false: ${miss.name} (${miss.why}) — ${miss.attribution ?? ''}`);
        for (const name of score.missed) console.log(`    missed: ${name}`);
        for (const miss of score.affiliationMisses) {
          const parts = (['organization', 'country'] as const)
            .filter((f) => !miss[f].right)
            .map(
              (f) =>
                `${f} ${JSON.stringify(miss[f].found ?? null)} ≠ ${JSON.stringify(miss[f].expected ?? null)}`,
            );
          console.log(`    affiliation: ${miss.name}: ${parts.join('; ')}`);
        }
      }
    }
  }
  const line = (label: string, t: typeof totals) =>
    console.log(
      `| **${label}** | | ${t.tp + t.fp} | ${percent(t.tp / Math.max(1, t.tp + t.fp))} | ${percent(t.tp / Math.max(1, t.expected))} (${t.tp}/${t.expected}) | ${percent(t.affRight / Math.max(1, t.tp))} (${t.affRight}/${t.tp}) |`,
    );
  for (const [ext, t] of perKind) line(`all .${ext}`, t);
  line('overall', totals);
});
