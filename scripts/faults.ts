/**
 * `npm run faults`: kills `npm run build` (kill -9 of its process group) at random moments of the
 * split and of the Astro and Pagefind phase, over corpora of 1 and 30 small made-up meetings,
 * editing and reverting sources between kills. After every kill the generated tree must be one
 * whole version of the sources (old or new) and the site whole; after each round the sources are
 * reverted and a build runs to the end: no page may be stale and nothing may be left over.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from './bench/corpus.ts';
import { listLeftovers } from './disk/swap.ts';
import { splitSources } from './lib/split-sources.ts';
import { SPLIT_MANIFEST } from './lib/paths.ts';
import { PAGEFIND_BUNDLE_DIR } from '../src/constants.ts';

const ROUNDS = Number(process.env['READOUT_FAULT_ROUNDS'] ?? 3);
const KILLS_PER_ROUND = 5;
const random = seededRandom(Number(process.env['READOUT_FAULT_SEED'] ?? Date.now() % 100_000));

/** A version of the sources: file name → text (a missing name is a deleted meeting). */
type Version = Map<string, string>;

/** A small made-up meeting: title block, an introduction, two key conclusions and an outcome. */
function meetingText(index: number, revision: string): string {
  return [
    'Example Council for Testing',
    `**Test Meeting ${index}${revision}**`,
    `${(index % 27) + 1} March 2024, Geneva`,
    'Summary of conclusions',
    `The Example Council convened its test meeting number ${index} in Geneva to discuss how shared data can support better planning across regions.`,
    'The main conclusions of the meeting are summarized below.',
    'Shared data improves planning. Participants noted that data shared across borders helped authorities prepare for seasonal changes in demand.',
    `Local partners need stable funding. Several speakers stressed that local organizations could only plan ahead when funding was predictable${revision ? ` (${revision.trim()})` : ''}.`,
    'Conclusion',
    'The meeting closed with a call to continue the exchange next year.',
  ].join('\n\n');
}

function baseVersion(count: number): Version {
  return new Map(
    Array.from({ length: count }, (_, i) => [
      `meeting-${String(i).padStart(2, '0')}.txt`,
      meetingText(i, ''),
    ]),
  );
}

/** Edits one to three meetings; in larger corpora sometimes removes one and adds another. */
function editVersion(base: Version, tag: string): Version {
  const edited = new Map(base);
  const names = [...base.keys()];
  for (let i = 0; i < Math.min(names.length, 1 + Math.floor(random() * 3)); i++) {
    const name = names[Math.floor(random() * names.length)]!;
    edited.set(name, meetingText(names.indexOf(name), ` ${tag}`));
  }
  if (names.length > 1 && random() < 0.5) {
    edited.delete(names[Math.floor(random() * names.length)]!);
    edited.set(`added-${tag}.txt`, meetingText(names.length, ` ${tag}`));
  }
  return edited;
}

async function writeVersion(dir: string, version: Version): Promise<void> {
  for (const name of await readdir(dir)) if (!version.has(name)) await rm(join(dir, name));
  for (const [name, text] of version) await writeFile(join(dir, name), text);
}

/** What a whole generated tree of `version` holds: pages by path, and the manifest's hashes. */
interface Expected {
  pages: Map<string, string>;
  hashes: Map<string, string>;
  titles: Map<string, string>;
}

const expectedCache = new Map<string, Expected>();

async function expectedFor(sourceDir: string, version: Version): Promise<Expected> {
  const key = JSON.stringify([...version].sort());
  const cached = expectedCache.get(key);
  if (cached) return cached;
  const paths = [...version.keys()].sort().map((name) => join(sourceDir, name));
  const split = await splitSources(paths, (path) =>
    Promise.resolve(Buffer.from(version.get(path.slice(sourceDir.length + 1))!)),
  );
  const hashes = new Map(
    paths.map((path) => [
      path,
      createHash('sha256')
        .update(version.get(path.slice(sourceDir.length + 1))!)
        .digest('hex'),
    ]),
  );
  const titles = new Map(split.parsed.map((p) => [p.meeting.slug, p.meeting.title]));
  const expected = { pages: split.files, hashes, titles };
  expectedCache.set(key, expected);
  return expected;
}

async function filesOf(dir: string): Promise<Map<string, string> | undefined> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(
    () => undefined,
  );
  if (!entries) return undefined;
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return new Map(
    await Promise.all(
      files.map(async (f) => [f.slice(dir.length + 1), await readFile(f, 'utf8')] as const),
    ),
  );
}

/** The generated tree is exactly the pages and manifest of `expected`. */
async function treeIs(generated: string, expected: Expected): Promise<boolean> {
  const files = await filesOf(generated);
  if (!files) return false;
  const manifest = files.get(SPLIT_MANIFEST);
  files.delete(SPLIT_MANIFEST);
  if (
    !manifest ||
    files.size !== expected.pages.size ||
    [...expected.pages].some(([path, text]) => files.get(path) !== text)
  )
    return false;
  const sources = (JSON.parse(manifest) as { sources: Record<string, { hash: string }> }).sources;
  return (
    Object.keys(sources).length === expected.hashes.size &&
    [...expected.hashes].every(([path, hash]) => sources[path]?.hash === hash)
  );
}

/** The site is whole for `expected`: every page, each meeting's model, and a search index. */
async function siteIs(site: string, expected: Expected): Promise<boolean> {
  const exists = (path: string) =>
    stat(join(site, path)).then(
      () => true,
      () => false,
    );
  for (const path of expected.pages.keys()) {
    if (
      path.endsWith('.mdx') &&
      !(await exists(`${path.replace(/(?:\/index)?\.mdx$/, '')}/index.html`))
    )
      return false;
  }
  const meetings = (await readdir(site, { withFileTypes: true }).catch(() => [])).filter(
    (e) => e.isDirectory() && !expected.titles.has(e.name),
  );
  for (const entry of meetings) if (await exists(`${entry.name}/data.json`)) return false;
  for (const [slug, title] of expected.titles) {
    const model = await readFile(join(site, slug, 'data.json'), 'utf8').catch(() => '{}');
    if ((JSON.parse(model) as { meetings?: { title: string }[] }).meetings?.[0]?.title !== title)
      return false;
  }
  const entry = await readFile(
    join(site, PAGEFIND_BUNDLE_DIR, 'pagefind-entry.json'),
    'utf8',
  ).catch(() => '{}');
  return (
    ((JSON.parse(entry) as { languages?: { en?: { page_count: number } } }).languages?.en
      ?.page_count ?? 0) > 0
  );
}

/** Outcome of one build run: whether it was killed, and whether the split summary had been printed. */
interface BuildRun {
  killed: boolean;
  splitDone: boolean;
  code: number | null;
  output: string;
  ms: number;
  splitAtMs?: number;
}

function runBuild(
  env: NodeJS.ProcessEnv,
  sourceDir: string,
  killAfterMs?: number,
): Promise<BuildRun> {
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/build.ts', '--source', sourceDir], {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let splitAtMs: number | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (splitAtMs === undefined && /^Split \d+ meeting/m.test(output))
      splitAtMs = performance.now() - started;
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let killed = false;
  const timer =
    killAfterMs === undefined
      ? undefined
      : setTimeout(() => {
          killed = true;
          // The whole group: Astro's and Pagefind's helpers die with the build, as in a CI job that is cancelled.
          process.kill(-child.pid!, 'SIGKILL');
        }, killAfterMs);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({
        killed,
        splitDone: splitAtMs !== undefined,
        code,
        output,
        ms: performance.now() - started,
        ...(splitAtMs !== undefined ? { splitAtMs } : {}),
      });
    });
  });
}

/** Everything a killed build may leave beside an output folder: staging folders, journals, locks. */
async function leftovers(folder: string): Promise<string[]> {
  const parent = join(folder, '..');
  const name = folder.split('/').pop()!;
  const names = await readdir(parent).catch(() => [] as string[]);
  return [
    ...(await listLeftovers(folder)),
    ...names.filter((n) => n.startsWith(`.${name}-commit-`) || n === `.${name}.lock`),
  ];
}

interface Tally {
  kills: number;
  inSplit: number;
  inAstro: number;
  finishedFirst: number;
  treeOk: number;
  siteOk: number;
  stale: number;
  leftovers: number;
  completedBuilds: number;
  failures: string[];
}

async function runCorpus(count: number, root: string, tally: Tally): Promise<void> {
  const dir = join(root, `corpus-${count}`);
  const sourceDir = join(dir, 'sources');
  const generated = join(dir, 'generated');
  const site = join(dir, 'site');
  await mkdir(sourceDir, { recursive: true });
  const env = {
    READOUT_GENERATED: generated,
    OUT_DIR: site,
    READOUT_CACHE_DIR: join(dir, 'astro-cache'),
    BASE_PATH: '/',
  };
  const base = baseVersion(count);
  await writeVersion(sourceDir, base);
  const calibration = await runBuild(env, sourceDir);
  if (calibration.code !== 0) throw new Error(`the first build failed:\n${calibration.output}`);
  tally.completedBuilds++;
  const splitMs = Number(/^Split \d+ meetings? in (\d+) ms/m.exec(calibration.output)?.[1] ?? 0);
  const splitAt = calibration.splitAtMs ?? calibration.ms / 2;
  for (let round = 0; round < ROUNDS; round++) {
    const seen: Version[] = [base];
    for (let k = 0; k < KILLS_PER_ROUND; k++) {
      // Edit, revert, edit…: every other build has the sources as they were.
      const version = k % 2 === 0 ? editVersion(base, `r${round}k${k}`) : base;
      seen.push(version);
      await writeVersion(sourceDir, version);
      const inSplit = k % 2 === 0;
      const killAt = inSplit
        ? Math.max(0, splitAt - splitMs - 300) + random() * (splitMs + 600)
        : splitAt + random() * (calibration.ms - splitAt);
      const result = await runBuild(env, sourceDir, killAt);
      tally.kills++;
      if (!result.killed) tally.finishedFirst++;
      else if (result.splitDone) tally.inAstro++;
      else tally.inSplit++;
      const candidates = await Promise.all(seen.map((v) => expectedFor(sourceDir, v)));
      const treeOk = (await Promise.all(candidates.map((c) => treeIs(generated, c)))).some(Boolean);
      const siteOk = (await Promise.all(candidates.map((c) => siteIs(site, c)))).some(Boolean);
      if (treeOk) tally.treeOk++;
      else
        tally.failures.push(
          `${count} meetings, round ${round}, kill ${k} at ${killAt.toFixed(0)} ms: the generated tree is no whole version`,
        );
      if (siteOk) tally.siteOk++;
      else
        tally.failures.push(
          `${count} meetings, round ${round}, kill ${k} at ${killAt.toFixed(0)} ms: the site is not whole`,
        );
    }
    await writeVersion(sourceDir, base);
    const recovery = await runBuild(env, sourceDir);
    if (recovery.code !== 0)
      tally.failures.push(
        `${count} meetings, round ${round}: the build after the kills failed: ${recovery.output.trim().split('\n').at(-1)}`,
      );
    tally.completedBuilds++;
    const expected = await expectedFor(sourceDir, base);
    if (!(await treeIs(generated, expected)) || !(await siteIs(site, expected))) {
      const files = (await filesOf(generated)) ?? new Map<string, string>();
      const staleMeetings = [...expected.titles.keys()].filter((slug) =>
        [...expected.pages].some(([p, t]) => p.startsWith(`${slug}/`) && files.get(p) !== t),
      );
      tally.stale += Math.max(1, staleMeetings.length);
      tally.failures.push(
        `${count} meetings, round ${round}: stale after the build: ${staleMeetings.join(', ') || 'site or manifest'}`,
      );
    }
    const left = [...(await leftovers(generated)), ...(await leftovers(site))];
    tally.leftovers += left.length;
    if (left.length > 0)
      tally.failures.push(`${count} meetings, round ${round}: left over: ${left.join(', ')}`);
  }
}

const root = join(tmpdir(), `readout-faults-${process.pid}`);
const tally: Tally = {
  kills: 0,
  inSplit: 0,
  inAstro: 0,
  finishedFirst: 0,
  treeOk: 0,
  siteOk: 0,
  stale: 0,
  leftovers: 0,
  completedBuilds: 0,
  failures: [],
};
const started = performance.now();
try {
  for (const count of [1, 30]) await runCorpus(count, root, tally);
} finally {
  await rm(root, { recursive: true, force: true });
}
console.log(
  `Fault injection: ${tally.kills} kills (kill -9 of the build's process group) over corpora of 1 and 30 meetings, in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
console.log(
  `  kills before the split was done: ${tally.inSplit}; during Astro and Pagefind: ${tally.inAstro}; build finished before its kill: ${tally.finishedFirst}; completed builds: ${tally.completedBuilds}`,
);
console.log(`generated tree old-or-new ${tally.treeOk}/${tally.kills}`);
console.log(`dist intact ${tally.siteOk}/${tally.kills}`);
console.log(`stale pages after recovery ${tally.stale}`);
console.log(`staging leftovers ${tally.leftovers}`);
for (const failure of tally.failures) console.log(`  - ${failure}`);
if (tally.failures.length > 0) process.exitCode = 1;
