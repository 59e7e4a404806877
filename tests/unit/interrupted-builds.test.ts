/**
 * Interrupted and concurrent builds lose nothing: a split killed at any point leaves the
 * generated tree and its manifest old or new, leftovers of killed processes are cleaned up by
 * the next run, and a second build into the same folder stops with one line.
 */
import { markOwned, OWNER_MARKER } from '../../scripts/disk/ownership.ts';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { commitSwaps, recoverCommits } from '../../scripts/disk/commit.ts';
import { splitIncrementally, stageSplit } from '../../scripts/disk/incremental-split.ts';
import { lockFolder, lockPath } from '../../scripts/disk/lock.ts';
import { splitSources } from '../../scripts/lib/split-sources.ts';
import {
  listLeftovers,
  makeStaging,
  recoverSwaps,
  spareOf,
  takeSpare,
} from '../../scripts/disk/swap.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');

/** The pid of a process that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

/** A small made-up meeting; `revision` changes its title. */
function meeting(index: number, revision = ''): string {
  return [
    'Example Council for Testing',
    `**Test Meeting ${index}${revision}**`,
    `${(index % 27) + 1} March 2024, Geneva`,
    'Summary of conclusions',
    `The Example Council convened its test meeting number ${index} in Geneva to discuss how shared data can support better planning across regions.`,
    'The main conclusions of the meeting are summarized below.',
    'Shared data improves planning. Participants noted that data shared across borders helped authorities prepare for seasonal changes in demand.',
  ].join('\n\n');
}

async function corpus(count: number) {
  const root = await mkdtemp(join(tmpdir(), 'readout-interrupt-'));
  const sources = join(root, 'sources');
  await mkdir(sources);
  const files = Array.from({ length: count }, (_, i) =>
    join(sources, `meeting-${String(i).padStart(2, '0')}.txt`),
  );
  const write = (revision: string) =>
    Promise.all(files.map((file, i) => writeFile(file, meeting(i, revision))));
  await write('');
  return { root, files, out: join(root, 'generated'), write };
}

/** Every file of a folder, path → contents. */
async function treeOf(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return new Map(
    await Promise.all(
      files.map(async (f) => [f.slice(dir.length + 1), await readFile(f, 'utf8')] as const),
    ),
  );
}

/** What a fresh split of the sources as they are now writes (without the manifest). */
async function expectedPages(files: string[]): Promise<Map<string, string>> {
  return (await splitSources(files, (path) => readFile(path))).files;
}

function withoutManifest(tree: Map<string, string>): Map<string, string> {
  return new Map([...tree].filter(([path]) => !path.startsWith('.')));
}

describe('a split interrupted by a kill', () => {
  it('leaves no stale meeting once the sources are reverted, after a kill before the swap', async () => {
    const { files, out, write } = await corpus(5);
    await splitIncrementally(files, out);
    await write(' revised');
    // A build that staged the revised tree and was killed before swapping it in.
    const { staging } = await stageSplit(files, out);
    await rename(staging, staging.replace(/-new-\d+-/, `-new-${deadPid()}-`));
    await write('');
    const result = await splitIncrementally(files, out);
    expect(withoutManifest(await treeOf(out))).toEqual(await expectedPages(files));
    expect(result.reused).toHaveLength(5);
    expect(await listLeftovers(out)).toEqual([]);
  });

  it('keeps the generated tree and its manifest old or new when killed at random moments of a 30-meeting split', async () => {
    const { root, files, out, write } = await corpus(30);
    await splitIncrementally(files, out);
    const versions = [await treeOf(out)];
    const script = join(root, 'split.ts');
    await writeFile(
      script,
      `import { splitIncrementally } from ${JSON.stringify(join(ROOT, 'scripts/disk/incremental-split.ts'))};\nawait splitIncrementally(${JSON.stringify(files)}, ${JSON.stringify(out)});\n`,
    );
    for (let attempt = 1; attempt <= 3; attempt++) {
      await write(` revision ${attempt}`);
      const child = spawn(process.execPath, [script], { stdio: 'ignore' });
      // Listen before the kill: a split that finishes first has already exited by then.
      const exited = new Promise((done) => child.once('exit', done));
      await new Promise((done) => setTimeout(done, 300 + Math.random() * 1500));
      child.kill('SIGKILL');
      await exited;
      const tree = await treeOf(out);
      const candidates = [...versions, new Map([...(await expectedPages(files))])];
      expect(
        candidates.some(
          (v) =>
            [...withoutManifest(v)].every(([p, c]) => tree.get(p) === c) &&
            withoutManifest(tree).size === withoutManifest(v).size,
        ),
      ).toBe(true);
      // The manifest describes the pages beside it: a meeting it calls unchanged is what its source says.
      const manifest = JSON.parse(tree.get('.split-manifest.json')!) as {
        sources: Record<string, { slug: string }>;
      };
      expect(Object.keys(manifest.sources).sort()).toEqual([...files].sort());
      versions.push(tree);
    }
    await write('');
    await splitIncrementally(files, out);
    expect(withoutManifest(await treeOf(out))).toEqual(await expectedPages(files));
    expect(await listLeftovers(out)).toEqual([]);
  }, 180_000);
});

describe('leftovers of killed processes', () => {
  it('removes staging folders of processes that are gone', async () => {
    const root = await mkdtemp(join(tmpdir(), 'readout-leftover-'));
    const target = join(root, 'dist');
    await mkdir(target);
    await mkdir(join(root, `.dist-new-${deadPid()}-abc`));
    await mkdir(join(root, `.dist-new-${process.pid}-mine`));
    expect(await recoverSwaps(target)).toBe(1);
    expect((await readdir(root)).sort()).toEqual([`.dist-new-${process.pid}-mine`, 'dist']);
  });

  it('puts the new folder in place when the kill came between the two renames of a swap', async () => {
    const root = await mkdtemp(join(tmpdir(), 'readout-leftover-'));
    const pid = deadPid();
    await mkdir(join(root, `.dist-old-${pid}-abc`));
    await writeFile(join(root, `.dist-old-${pid}-abc`, 'index.html'), 'old');
    await mkdir(join(root, `.dist-new-${pid}-abc`));
    await writeFile(join(root, `.dist-new-${pid}-abc`, 'index.html'), 'new');
    await recoverSwaps(join(root, 'dist'));
    expect(await readdir(root)).toEqual(['dist']);
    expect(await readFile(join(root, 'dist/index.html'), 'utf8')).toBe('new');
  });

  it('finishes a commit of pages and site that a killed build had started', async () => {
    const root = await mkdtemp(join(tmpdir(), 'readout-commit-'));
    const pid = deadPid();
    const folders = ['generated', 'dist'].map((name) => ({
      staging: join(root, `.${name}-new-${pid}-abc`),
      target: join(root, name),
    }));
    for (const { staging, target } of folders) {
      await mkdir(staging);
      await writeFile(join(staging, 'version'), 'new');
      await mkdir(target);
      await writeFile(join(target, 'version'), 'old');
    }
    // Killed after the journal and the first swap, before the second.
    const journal = JSON.stringify({ folders });
    for (const { target } of folders)
      await writeFile(join(root, `.${target.split('/').pop()}-commit-${pid}.json`), journal);
    await rename(folders[0]!.target, folders[0]!.staging.replace('-new-', '-old-'));
    await rename(folders[0]!.staging, folders[0]!.target);
    await recoverCommits(folders.map((f) => f.target));
    for (const { target } of folders) {
      await recoverSwaps(target);
      expect(await readFile(join(target, 'version'), 'utf8')).toBe('new');
    }
    expect((await readdir(root)).sort()).toEqual(['dist', 'generated']);
  });

  it('swaps every staged folder in with one commit', async () => {
    const root = await mkdtemp(join(tmpdir(), 'readout-commit-'));
    const folders = ['a', 'b'].map((name) => ({
      staging: join(root, `.${name}-new-${process.pid}-x`),
      target: join(root, name),
    }));
    for (const { staging } of folders) await mkdir(staging);
    await commitSwaps(folders);
    expect((await readdir(root)).sort()).toEqual(['a', 'b']);
  });
});

describe('the spare of a site', () => {
  it('keeps the folder a swap replaced, which recovery leaves alone and the next build takes', async () => {
    const root = await mkdtemp(join(tmpdir(), 'readout-spare-'));
    const target = join(root, 'dist');
    try {
      for (const version of ['first', 'second']) {
        const staging = (await takeSpare(target)) ?? (await makeStaging(target));
        await writeFile(join(staging, 'version'), version);
        await markOwned(staging);
        await commitSwaps([{ staging, target, spare: true }]);
      }
      expect((await readdir(root)).sort()).toEqual(['.dist-spare', 'dist']);
      expect(await readFile(join(spareOf(target), 'version'), 'utf8')).toBe('first');
      expect(await recoverSwaps(target)).toBe(0);
      expect(await listLeftovers(target)).toEqual([]);
      // The third build starts from the first one's folder, moved out of the spare's place.
      const staging = await takeSpare(target);
      expect(await readFile(join(staging!, 'version'), 'utf8')).toBe('first');
      expect(await readdir(root)).not.toContain('.dist-spare');
      // A folder Readout did not make is never taken.
      await mkdir(spareOf(target));
      expect(await takeSpare(target)).toBeUndefined();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('a build that fails in the Astro phase', () => {
  it('leaves the generated pages and the site as they were, with nothing staged left over', async () => {
    const { root, files, out, write } = await corpus(2);
    await splitIncrementally(files, out);
    const site = join(root, 'site');
    await mkdir(site);
    await writeFile(join(site, 'index.html'), 'the previous site');
    await writeFile(join(site, OWNER_MARKER), '');
    const before = { generated: await treeOf(out), site: await treeOf(site) };
    await write(' revised');
    // Astro cannot create its cache folder where a file stands: it fails after the split was staged.
    const cacheFile = join(root, 'cache-is-a-file');
    await writeFile(cacheFile, '');
    const result = await run(
      process.execPath,
      ['scripts/build.ts', '--source', join(root, 'sources')],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          OUT_DIR: site,
          READOUT_GENERATED: out,
          READOUT_CACHE_DIR: cacheFile,
        },
      },
    ).then(
      (ok) => ({ code: 0, stdout: ok.stdout }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(result.stdout).toMatch(/Split 2 meetings/);
    expect(result.code).not.toBe(0);
    expect(await treeOf(out)).toEqual(before.generated);
    expect(await treeOf(site)).toEqual(before.site);
    expect([...(await listLeftovers(out)), ...(await listLeftovers(site))]).toEqual([]);
    expect((await readdir(root)).sort()).toEqual([
      'cache-is-a-file',
      'generated',
      'site',
      'sources',
    ]);
  }, 60_000);
});

describe('two builds into one folder', () => {
  it('refuses the second build with one line naming the pid of the first', async () => {
    const { root, files } = await corpus(1);
    const site = join(root, 'site');
    const unlock = await lockFolder(site);
    try {
      const result = await run(process.execPath, ['scripts/build.ts', '--source', files[0]!], {
        cwd: ROOT,
        env: { ...process.env, OUT_DIR: site, READOUT_GENERATED: join(root, 'generated') },
      }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([
        `error: ${site}: another build (pid ${process.pid}) is running and writing this folder — wait for it to finish, or build into another folder`,
      ]);
    } finally {
      await unlock();
    }
  }, 30_000);

  it('takes over the lock of a build that was killed', async () => {
    const root = await mkdtemp(join(tmpdir(), 'readout-lock-'));
    const site = join(root, 'site');
    await writeFile(lockPath(site), `${deadPid()}\n`);
    const unlock = await lockFolder(site);
    expect(await readFile(lockPath(site), 'utf8')).toBe(`${process.pid}\n`);
    await unlock();
    expect(await readdir(root)).toEqual([]);
  });

  it('lets builds into different folders hold their locks side by side', async () => {
    const root = await mkdtemp(join(tmpdir(), 'readout-lock-'));
    const unlockA = await lockFolder(join(root, 'a'));
    const unlockB = await lockFolder(join(root, 'b'));
    await expect(lockFolder(join(root, 'a'))).rejects.toThrow(
      /another build \(pid \d+\) is running/,
    );
    await Promise.all([unlockA(), unlockB()]);
  });
});
