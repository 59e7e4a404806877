/**
 * An archive built in shards is the site a whole build makes: three shard processes, one after
 * another as separate CI jobs would run them, then assemble, give the same files byte for byte
 * (pages, scripts, sitemap and search index) as one build of the same meetings. Rebuilt with one
 * meeting changed, only the shards whose pages show the change render again; `--shards 3`
 * does all of it in one command and starts no process for a shard that has nothing to render.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perturbSummary } from '../../scripts/bench/corpus.ts';
import { BUILD_STAMP } from '../../scripts/lib/shards/fingerprint.ts';
import { meetingSchema } from '../../src/schemas/meeting.ts';
import { shellEnvironment } from './support/global-setup.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const WORK = resolve(ROOT, '.cache', 'sharded-build', `${process.pid}`);
const SOURCES = join(WORK, 'sources');

function build(args: string[], env: Record<string, string>) {
  return run(process.execPath, ['scripts/build.ts', ...args], {
    cwd: ROOT,
    env: { ...shellEnvironment(), BASE_PATH: '/', SITE_URL: 'https://readout.example.org', ...env },
    maxBuffer: 1 << 24,
  });
}

async function tree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
  return new Map(
    await Promise.all(files.sort().map(async (f) => [f, await readFile(join(dir, f))] as const)),
  );
}

/**
 * A search index or filter chunk that search-index joining wrote (pagefind-merge.ts): its
 * content is Pagefind's, but Node's gzip is not Pagefind's, so the compressed bytes differ.
 */
const JOINED_CHUNK = /^pagefind\/(?:index|filter)\/[^/]+\.pf_(?:index|filter)$/;

/**
 * Asserts that two site folders hold the same files, byte for byte (a joined search chunk's
 * bytes once decompressed), build stamps aside; returns the second.
 */
async function expectSameSite(expected: string, actual: string): Promise<Map<string, Buffer>> {
  const [fresh, joined] = await Promise.all([tree(expected), tree(actual)]);
  for (const site of [fresh, joined]) expect(site.delete(BUILD_STAMP)).toBe(true);
  expect([...joined.keys()]).toEqual([...fresh.keys()]);
  const same = (file: string, a: Buffer, b: Buffer) =>
    a.equals(b) || (JOINED_CHUNK.test(file) && gunzipSync(a).equals(gunzipSync(b)));
  const differing = [...fresh]
    .filter(([file, bytes]) => !same(file, bytes, joined.get(file)!))
    .map(([file]) => file);
  expect(differing).toEqual([]);
  return joined;
}

// Named as `--shards 3 --out <WORK>/shards` names them, so the one-command build reuses them.
const shardDirs = [1, 2, 3].map((k) => join(WORK, 'shards', `${k}-of-3`));

beforeAll(async () => {
  await rm(WORK, { recursive: true, force: true });
  await mkdir(SOURCES, { recursive: true });
  const idm = await readFile(join(ROOT, 'content/sources/idm-2018.txt'), 'utf8');
  await writeFile(join(SOURCES, 'meeting-a.txt'), perturbSummary(idm, 1));
  // meeting-a and meeting-c fall in shards 2 and 3 of 3 and share speakers (the recurring cast);
  // shard 1 holds no meeting, only people's pages.
  await writeFile(join(SOURCES, 'meeting-c.txt'), perturbSummary(idm, 2));
  await writeFile(
    join(SOURCES, 'wcw-2021.txt'),
    await readFile(join(ROOT, 'tests/fixtures/sources/wcw-2021.txt')),
  );
  await build(['--source', SOURCES], {
    READOUT_GENERATED: join(WORK, 'generated-whole'),
    READOUT_CACHE_DIR: join(WORK, 'cache-whole'),
    OUT_DIR: join(WORK, 'whole'),
  });
  // Astro keeps per-project state beside the config: shards on one machine build one at a time.
  for (const [i, out] of shardDirs.entries()) {
    await build(['--source', SOURCES, '--frozen', '--shard', `${i + 1}/3`, '--out', out], {
      READOUT_GENERATED: join(WORK, 'generated-shards'),
      READOUT_CACHE_DIR: join(WORK, `cache-${i + 1}`),
    });
  }
  await build(['--assemble', ...shardDirs], { OUT_DIR: join(WORK, 'assembled') });
}, 300_000);

afterAll(async () => {
  if (!process.env['KEEP_WORK']) await rm(WORK, { recursive: true, force: true });
});

describe('a sharded build', () => {
  it('splits the meetings and people between the shards, each page in one shard only', async () => {
    const pagesOf = await Promise.all(
      shardDirs.map(async (dir) =>
        [...(await tree(dir)).keys()].filter(
          (f) => f.endsWith('.html') && /^(?:meeting-|wcw-|speakers\/)/.test(f),
        ),
      ),
    );
    const all = pagesOf.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(pagesOf.map((pages) => pages.some((p) => p.startsWith('meeting-a/')))).toEqual([
      false,
      true,
      false,
    ]);
    expect(pagesOf.map((pages) => pages.some((p) => p.startsWith('meeting-c/')))).toEqual([
      false,
      false,
      true,
    ]);
    expect(pagesOf.every((pages) => pages.some((p) => p.startsWith('speakers/')))).toBe(true);
  });

  it('renders a person named in meetings of different shards on one page, quoting each meeting', async () => {
    const site = join(WORK, 'assembled');
    const people = (await readdir(join(site, 'speakers'))).map((id) =>
      join(site, 'speakers', id, 'index.html'),
    );
    const meetingsNamed = await Promise.all(
      people.map(
        async (file) => ((await readFile(file, 'utf8')).match(/<h2 id="in-/g) ?? []).length,
      ),
    );
    expect(Math.max(...meetingsNamed)).toBeGreaterThanOrEqual(2);
  });

  it('assembles into the same files, byte for byte, as one build of the same meetings (its build stamp aside)', async () => {
    const assembled = await expectSameSite(join(WORK, 'whole'), join(WORK, 'assembled'));
    expect(assembled.has('sitemap-0.xml') && assembled.has('pagefind/pagefind-entry.json')).toBe(
      true,
    );
  });

  it('renders nothing when rebuilt with nothing changed, whole or in shards, and leaves the site as it was', async () => {
    const before = await tree(join(WORK, 'whole'));
    const whole = await build(['--source', SOURCES], {
      READOUT_GENERATED: join(WORK, 'generated-whole'),
      READOUT_CACHE_DIR: join(WORK, 'cache-whole'),
      OUT_DIR: join(WORK, 'whole'),
    });
    expect(whole.stdout).toMatch(/Nothing changed since the last build/);
    expect(await tree(join(WORK, 'whole'))).toEqual(before);
    const shard = await build(
      ['--source', SOURCES, '--frozen', '--shard', '2/3', '--out', shardDirs[1]!],
      {
        READOUT_GENERATED: join(WORK, 'generated-shards'),
        READOUT_CACHE_DIR: join(WORK, 'cache-2'),
      },
    );
    expect(shard.stdout).toMatch(/Nothing changed since the last build/);
    const assembled = await build(['--assemble', ...shardDirs], {
      OUT_DIR: join(WORK, 'assembled'),
    });
    expect(assembled.stdout).toMatch(/Nothing changed since the last assemble/);
  }, 300_000);

  it('renders again when a setting that changes pages differs', async () => {
    const shard = await build(
      ['--source', SOURCES, '--frozen', '--shard', '3/3', '--out', join(WORK, 'other-base')],
      {
        READOUT_GENERATED: join(WORK, 'generated-shards'),
        READOUT_CACHE_DIR: join(WORK, 'cache-3'),
        BASE_PATH: '/archive/',
      },
    );
    expect(shard.stdout).toMatch(/Built the site into/);
    const failed = await build(
      ['--assemble', shardDirs[0]!, shardDirs[1]!, join(WORK, 'other-base')],
      { OUT_DIR: join(WORK, 'mixed') },
    ).then(
      () => undefined,
      (error: { stderr: string }) => error,
    );
    expect(failed?.stderr).toMatch(/is a shard of another build/);
  }, 300_000);

  it('renders the pages in place when only a setting changed, splitting nothing again', async () => {
    // The whole build of beforeAll split the sources afresh (a staged copy, since swapped in);
    // with a setting changed there is nothing to split, so this one reads the pages in place.
    const again = await build(['--source', SOURCES], {
      READOUT_GENERATED: join(WORK, 'generated-whole'),
      READOUT_CACHE_DIR: join(WORK, 'cache-whole'),
      OUT_DIR: join(WORK, 'whole-other-base'),
      BASE_PATH: '/archive/',
    });
    expect(again.stdout).not.toMatch(/Split \d+ meeting/);
    expect(again.stdout).toMatch(/Built the site into/);
    expect(
      await readFile(join(WORK, 'whole-other-base', 'meeting-a', 'index.html'), 'utf8'),
    ).toContain('href="/archive/meeting-a/');
  }, 300_000);

  it('re-renders only the shard holding a changed meeting, and assembles the site a fresh whole build makes', async () => {
    // An edit to meeting-a's opening paragraph (shard 2), which quotes nobody: the other shards
    // show nothing of it (not its facts, not a quote of their people).
    const source = join(SOURCES, 'meeting-a.txt');
    const text = await readFile(source, 'utf8');
    expect(text).toMatch(/\.\n/);
    await writeFile(source, text.replace(/\.\n/, '. Edited.\n'));
    // Not frozen: the whole build records the edit in the links lockfile the shards then read.
    await build(['--source', SOURCES], {
      READOUT_GENERATED: join(WORK, 'generated-fresh'),
      READOUT_CACHE_DIR: join(WORK, 'cache-fresh'),
      OUT_DIR: join(WORK, 'fresh'),
    });
    const outputs: string[] = [];
    for (const [i, out] of shardDirs.entries()) {
      const shard = await build(
        ['--source', SOURCES, '--frozen', '--shard', `${i + 1}/3`, '--out', out],
        {
          READOUT_GENERATED: join(WORK, 'generated-shards'),
          READOUT_CACHE_DIR: join(WORK, `cache-${i + 1}`),
        },
      );
      outputs.push(shard.stdout);
    }
    expect(outputs.map((out) => /Nothing changed since the last build/.test(out))).toEqual([
      true,
      false,
      true,
    ]);
    expect(outputs[1]).toMatch(/Built the site into/);
    const assembled = await build(['--assemble', ...shardDirs], {
      OUT_DIR: join(WORK, 'assembled'),
    });
    expect(assembled.stdout).toMatch(/Assembled 3 shard/);
    const joined = await expectSameSite(join(WORK, 'fresh'), join(WORK, 'assembled'));
    expect(joined.get('meeting-a/index.html')!.toString()).toMatch(/Edited\./);
  }, 300_000);

  it('re-renders the shard of a person whose quote changed in a meeting of another shard', async () => {
    // A paragraph of meeting-c (shard 3) that names a person whose page another shard renders:
    // that page quotes the paragraph, so its shard renders again too.
    const model = meetingSchema.parse(
      JSON.parse(
        await readFile(join(WORK, 'generated-shards', 'meeting-c', 'meeting.json'), 'utf8'),
      ),
    );
    const pageIn = async (k: number, id: string) =>
      readFile(join(shardDirs[k - 1]!, 'speakers', id, 'index.html')).then(
        () => true,
        () => false,
      );
    let owner: number | undefined;
    let paragraphId: string | undefined;
    for (const speaker of model.speakers) {
      for (const k of [1, 2]) {
        if (speaker.mentions.length > 0 && (await pageIn(k, speaker.id))) {
          owner = k;
          paragraphId = speaker.mentions[0];
          break;
        }
      }
      if (owner) break;
    }
    expect(owner).toBeDefined();
    const paragraph = model.sections
      .flatMap((section) => section.paragraphs)
      .find((p) => p.id === paragraphId)!;
    const source = join(SOURCES, 'meeting-c.txt');
    const text = await readFile(source, 'utf8');
    const opening = paragraph.text.slice(0, 40);
    expect(text.split(opening)).toHaveLength(2);
    await writeFile(source, text.replace(opening, `Indeed, ${opening}`));
    const outputs: string[] = [];
    for (const [i, out] of shardDirs.entries()) {
      const shard = await build(['--source', SOURCES, '--shard', `${i + 1}/3`, '--out', out], {
        READOUT_GENERATED: join(WORK, 'generated-shards'),
        READOUT_CACHE_DIR: join(WORK, `cache-${i + 1}`),
      });
      outputs.push(shard.stdout);
    }
    expect(outputs[2]).toMatch(/Built the site into/);
    expect(outputs[owner! - 1]).toMatch(/Built the site into/);
  }, 300_000);

  it('refuses to assemble an incomplete set of shards, in one line', async () => {
    const failed = await build(['--assemble', shardDirs[0]!, shardDirs[2]!], {
      OUT_DIR: join(WORK, 'incomplete'),
    }).then(
      () => undefined,
      (error: { stderr: string; code: number }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr.trim()).toMatch(/^error: --assemble: shard 2\/3 missing — /);
    expect(failed?.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('builds with one command only the shards whose pages changed, then assembles the site a whole build makes', async () => {
    const env = {
      READOUT_GENERATED: join(WORK, 'generated-shards'),
      READOUT_CACHE_DIR: join(WORK, 'cache-local'),
      OUT_DIR: join(WORK, 'assembled'),
    };
    const all = ['--source', SOURCES, '--shards', '3', '--out', join(WORK, 'shards')];
    const rendered = (out: string) => [1, 2, 3].map((k) => out.includes(`shards/${k}-of-3/ in `));
    // The shards are current (the tests above built them): none renders, the site is joined anew.
    const first = await build(all, env);
    expect(rendered(first.stdout)).toEqual([false, false, false]);
    expect(first.stdout.match(/^Shard \d\/3: nothing changed/gm)).toHaveLength(3);
    expect(first.stdout).toMatch(/Assembled 3 shard/);
    const again = await build(all, env);
    expect(again.stdout).toMatch(/Nothing changed since the last assemble/);
    expect(again.stdout).not.toMatch(/Split|Built|Assembled/);

    const source = join(SOURCES, 'meeting-a.txt');
    await writeFile(source, (await readFile(source, 'utf8')).replace(/\.\n/, '. Edited again.\n'));
    const edited = await build(all, env);
    expect(rendered(edited.stdout)).toEqual([false, true, false]);
    // Of shard 2, only the edited meeting and the people its edited paragraph quotes render.
    const patched = /^Shard 2\/3: rendered again (\d+) of (\d+) meetings and people/m.exec(
      edited.stdout,
    );
    expect(Number(patched?.[1])).toBeGreaterThanOrEqual(1);
    expect(Number(patched?.[1])).toBeLessThan(Number(patched?.[2]) / 2);
    expect(edited.stdout).toMatch(/Assembled 3 shard/);
    // Search re-indexes only the shard that rendered again (shard 1 has no search page).
    expect(first.stdout).toMatch(/, 0 of 2 runs kept from the last assemble\)/);
    expect(edited.stdout).toMatch(/, 1 of 2 runs kept from the last assemble\)/);
    await build(['--source', SOURCES, '--frozen'], {
      READOUT_GENERATED: join(WORK, 'generated-fresh'),
      READOUT_CACHE_DIR: join(WORK, 'cache-fresh'),
      OUT_DIR: join(WORK, 'fresh'),
    });
    const joined = await expectSameSite(join(WORK, 'fresh'), join(WORK, 'assembled'));
    expect(joined.get('meeting-a/index.html')!.toString()).toMatch(/Edited again\./);
  }, 300_000);
});
