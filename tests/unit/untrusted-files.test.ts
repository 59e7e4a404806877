/**
 * The commands as an attacker or an unlucky user meets them (issue 9, §2 and §4): special
 * files, links, foreign output folders, unknown arguments and deploy settings all end in one
 * line and exit code 1, before anything is written or built.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../scripts/lib/cli.ts';
import { formatSourceError, SourceError } from '../../scripts/lib/errors.ts';
import { OWNER_MARKER } from '../../scripts/disk/ownership.ts';
import { checkSiteSettings } from '../../scripts/lib/site-settings.ts';
import { splitSources } from '../../scripts/lib/split-sources.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const SUMMARY = 'content/sources/idm-2018.txt';
const TIMEOUT = 60_000;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function command(
  script: 'split' | 'build',
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(ROOT, `scripts/${script}.ts`), ...args],
      { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as Outcome;
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

/** A failed run that said one line, `error: <file>: …`, and no stack trace. */
function expectOneLineError(outcome: Outcome, pattern: RegExp): void {
  expect(outcome.code).toBe(1);
  expect(outcome.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(outcome.stderr).not.toMatch(/\n\s+at /);
  expect(outcome.stderr.trim()).toMatch(pattern);
}

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'readout-untrusted-'));
}

async function listTree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).sort();
}

/** A build that fails before Astro starts: its generated folder and site stay in the temp folder. */
function buildEnv(dir: string): Record<string, string> {
  return {
    READOUT_GENERATED: join(dir, 'generated'),
    OUT_DIR: join(dir, 'site'),
    READOUT_CACHE_DIR: join(dir, 'cache'),
  };
}

describe('special files as sources', () => {
  it(
    'refuses a FIFO named *.txt instead of hanging',
    async () => {
      const dir = await tempDir();
      await run('mkfifo', [join(dir, 'pipe.txt')]);
      expectOneLineError(
        await command('split', [dir]),
        /pipe\.txt: is a named pipe, not a text file — /,
      );
    },
    TIMEOUT,
  );

  it(
    'refuses a folder named x.txt in build, without a stack trace',
    async () => {
      const dir = await tempDir();
      await mkdir(join(dir, 'sources', 'x.txt'), { recursive: true });
      expectOneLineError(
        await command('build', ['--source', join(dir, 'sources')], { env: buildEnv(dir) }),
        /x\.txt: is a folder, not a text file — /,
      );
    },
    TIMEOUT,
  );

  it(
    'refuses a dangling symlink in build, without a stack trace',
    async () => {
      const dir = await tempDir();
      await mkdir(join(dir, 'sources'));
      await symlink(join(dir, 'gone.txt'), join(dir, 'sources', 'x.txt'));
      expectOneLineError(
        await command('build', ['--source', join(dir, 'sources')], { env: buildEnv(dir) }),
        /x\.txt: is a link to a file that does not exist — /,
      );
    },
    TIMEOUT,
  );

  it(
    'refuses a symlink whose target leaves the sources folder, which would publish it',
    async () => {
      const dir = await tempDir();
      await mkdir(join(dir, 'sources'));
      await symlink('/proc/self/environ', join(dir, 'sources', 'x.txt'));
      expectOneLineError(
        await command('split', [join(dir, 'sources')]),
        /x\.txt: is a link to a file outside the sources folder/,
      );
    },
    TIMEOUT,
  );

  it(
    'follows a symlink that stays inside the sources folder',
    async () => {
      const dir = await tempDir();
      await mkdir(join(dir, 'sources', 'texts'), { recursive: true });
      await writeFile(
        join(dir, 'sources', 'texts', 'real.txt'),
        await readFile(join(ROOT, SUMMARY)),
      );
      await symlink(join(dir, 'sources', 'texts', 'real.txt'), join(dir, 'sources', 'linked.txt'));
      expect((await command('split', [join(dir, 'sources')])).code).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'refuses /dev/null as a source with one line, not an ENOTDIR stack trace',
    async () => {
      expectOneLineError(
        await command('split', ['/dev/null']),
        /^error: \/dev\/null: is a device, not a text file — /,
      );
    },
    TIMEOUT,
  );

  it(
    'refuses a file name holding a control character, printing it without the control',
    async () => {
      const dir = await tempDir();
      await writeFile(join(dir, 'a\n---\n{x}\n#.txt'), await readFile(join(ROOT, SUMMARY)));
      const outcome = await command('split', [dir]);
      expectOneLineError(
        outcome,
        /a --- \{x\} #\.txt: the name holds a control character .* — rename the file/,
      );
    },
    TIMEOUT,
  );

  it('turns a read failure such as a permission into one line', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const error = await splitSources(['locked.txt'], () => Promise.reject(denied)).catch(
      (e: unknown) => e,
    );
    expect(formatSourceError(error as SourceError)).toBe(
      'error: locked.txt: cannot be read (EACCES) — check that the file exists and is readable',
    );
  });
});

describe('file-system failures', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = 0;
  });

  it('reports a full disk (ENOSPC) in one line instead of a stack trace', async () => {
    const printed: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => printed.push(line));
    await runCommand(() =>
      Promise.reject(
        Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
          path: 'content/generated/x/index.mdx',
        }),
      ),
    );
    expect(printed).toEqual([
      'error: content/generated/x/index.mdx: the disk is full (ENOSPC) — free some space and run the command again',
    ]);
    expect(process.exitCode).toBe(1);
  });

  it('lets a real crash keep its stack trace', async () => {
    await expect(runCommand(() => Promise.reject(new TypeError('bug')))).rejects.toThrow('bug');
  });
});

describe('output folders Readout does not own', () => {
  it(
    'refuses --out content, leaving the sources and an unrelated file in place',
    async () => {
      const dir = await tempDir();
      await mkdir(join(dir, 'content', 'sources'), { recursive: true });
      await writeFile(
        join(dir, 'content', 'sources', 'a.txt'),
        await readFile(join(ROOT, SUMMARY)),
      );
      await writeFile(join(dir, 'content', 'notes.md'), 'mine');
      const before = await listTree(join(dir, 'content'));
      expectOneLineError(
        await command('split', [
          join(dir, 'content', 'sources', 'a.txt'),
          '--out',
          join(dir, 'content'),
        ]),
        /content: holds files, which Readout did not create and will not replace — /,
      );
      expect(await listTree(join(dir, 'content'))).toEqual(before);
    },
    TIMEOUT,
  );

  it(
    'refuses --out . (the project root)',
    async () => {
      const dir = await tempDir();
      await writeFile(join(dir, 'package.json'), '{}');
      expectOneLineError(
        await command('split', [join(ROOT, SUMMARY), '--out', '.'], { cwd: dir }),
        /^error: \.: holds files, which Readout did not create/,
      );
      expect(await readdir(dir)).toEqual(['package.json']);
    },
    TIMEOUT,
  );

  it(
    'refuses a file as --out',
    async () => {
      const dir = await tempDir();
      await writeFile(join(dir, 'out'), 'x');
      expectOneLineError(
        await command('split', [SUMMARY, '--out', join(dir, 'out')]),
        /out: is a file, which Readout did not create/,
      );
    },
    TIMEOUT,
  );

  it(
    'replaces a folder it wrote itself, marked as its own',
    async () => {
      const dir = await tempDir();
      const out = join(dir, 'generated');
      expect((await command('split', [SUMMARY, '--out', out])).code).toBe(0);
      expect(await readdir(out)).toContain(OWNER_MARKER);
      expect((await command('split', [SUMMARY, '--out', out])).code).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'refuses a build whose generated folder holds someone else’s files',
    async () => {
      const dir = await tempDir();
      await mkdir(join(dir, 'generated'));
      await writeFile(join(dir, 'generated', 'thesis.docx'), 'mine');
      expectOneLineError(
        await command('build', ['--source', SUMMARY], { env: buildEnv(dir) }),
        /generated: holds files, which Readout did not create/,
      );
    },
    TIMEOUT,
  );

  it(
    'writes nothing when split is given no --out, and says so',
    async () => {
      const dir = await tempDir();
      await mkdir(join(dir, 'content', 'sources'), { recursive: true });
      await writeFile(
        join(dir, 'content', 'sources', 'a.txt'),
        await readFile(join(ROOT, SUMMARY)),
      );
      const outcome = await command('split', [], { cwd: dir });
      expect(outcome.code).toBe(0);
      expect(outcome.stdout).toMatch(/Wrote nothing: add --out <folder>/);
      expect(await listTree(dir)).toEqual(['content', 'content/sources', 'content/sources/a.txt']);
    },
    TIMEOUT,
  );
});

describe('command-line arguments', () => {
  it.each([
    [
      'a positional argument to build',
      ['my.md'],
      /^error: command line: unexpected argument "my\.md" — write npm run build/,
    ],
    [
      'a misspelt option to build',
      ['--sourc', 'x'],
      /^error: command line: unknown option "--sourc" — write npm run build/,
    ],
  ])(
    'refuses %s instead of building the bundled summary',
    async (_name, args, pattern) => {
      const dir = await tempDir();
      expectOneLineError(await command('build', args, { env: buildEnv(dir) }), pattern);
    },
    TIMEOUT,
  );

  it.each([
    ['a second source', [SUMMARY, 'other.txt'], /unexpected argument "other\.txt"/],
    ['an unknown option', [SUMMARY, '--jsno'], /unknown option "--jsno"/],
  ])(
    'refuses %s to split',
    async (_name, args, pattern) => {
      expectOneLineError(await command('split', args), pattern);
    },
    TIMEOUT,
  );

  it.each([
    ['SITE_URL', 'not a url', /^error: SITE_URL: "not a url" is not an http\(s\) address — /],
    ['SITE_URL', 'javascript:alert(1)', /^error: SITE_URL: .* is not an http\(s\) address/],
    ['BASE_PATH', 'idm', /^error: BASE_PATH: "idm" is not a URL path — /],
    ['BASE_PATH', '/a b/', /^error: BASE_PATH: "\/a b\/" is not a URL path/],
  ])(
    'refuses %s=%s in one line before Astro starts',
    async (name, value, pattern) => {
      const dir = await tempDir();
      expectOneLineError(
        await command('build', [], { env: { ...buildEnv(dir), [name]: value } }),
        pattern,
      );
    },
    TIMEOUT,
  );

  it('treats SITE_URL= and BASE_PATH= (set but empty) as unset', () => {
    const env: NodeJS.ProcessEnv = { SITE_URL: '', BASE_PATH: ' ' };
    checkSiteSettings(env);
    expect(env).toEqual({});
  });

  it('accepts a site address and a sub-path', () => {
    expect(() =>
      checkSiteSettings({ SITE_URL: 'https://example.org', BASE_PATH: '/idm/' }),
    ).not.toThrow();
  });
});
