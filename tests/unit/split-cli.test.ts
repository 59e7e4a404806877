/**
 * The split command as a user meets it: one-line errors with exit code 1 and no stack trace,
 * earlier output left byte-identical after a failed run, and the JSON contract.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

async function split(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/split.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'readout-cli-'));
}

async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return Object.fromEntries(
    await Promise.all(files.map(async (f) => [f, await readFile(f, 'utf8')] as const)),
  );
}

// Each test starts Node: on a busy machine that alone can take seconds.
describe('npm run split', { timeout: 30_000 }, () => {
  it.each([
    [
      'an empty file',
      new Uint8Array(),
      /the file is empty — put the text of a meeting summary in it$/,
    ],
    ['a whitespace-only file', new TextEncoder().encode('  \n\n\t \n'), /holds only white space/],
    [
      'a binary file',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]),
      /binary file, not text — export the summary as plain text/,
    ],
    [
      'text without a paragraph',
      new TextEncoder().encode('Just a title\n'),
      /no paragraph of running text was found — /,
    ],
  ])('refuses %s with one line and exit code 1', async (_name, bytes, message) => {
    const dir = await tempDir();
    const file = join(dir, 'bad.txt');
    await writeFile(file, bytes);
    const { code, stderr, stdout } = await split(file, '--out', join(dir, 'out'));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim()).toMatch(
      new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:\\d+)?: `),
    );
    expect(stderr.trim()).toMatch(message);
  });

  it('names a missing file and how to fix it', async () => {
    const { code, stderr } = await split('no/such/summary.txt');
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'error: no/such/summary.txt: no such file or folder — check the path, or put summaries in content/sources/',
    );
  });

  it('names the frontmatter field that is wrong, with its line', async () => {
    const dir = await tempDir();
    const file = join(dir, 'fm.txt');
    await writeFile(
      file,
      `---\nstartDate: last spring\nslug: Not A Slug\n---\n${await readFile('content/sources/idm-2018.txt', 'utf8')}`,
    );
    const { code, stderr } = await split(file, '--json');
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(
      /^error: .*fm\.txt:3: frontmatter field "slug" \("Not A Slug"\): expected a lowercase ASCII slug/,
    );
  });

  it('leaves earlier output byte-identical when a later run fails', async () => {
    const dir = await tempDir();
    const out = join(dir, 'generated');
    expect((await split('content/sources/idm-2018.txt', '--out', out)).code).toBe(0);
    const before = await snapshotTree(out);
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(join(dir, 'good.txt'), await readFile('tests/fixtures/sources/wcw-2021.txt'));
    const failed = await split(dir, '--out', out);
    expect(failed.code).toBe(1);
    expect(await snapshotTree(out)).toEqual(before);
  });

  it('prints the document model as JSON with --json', async () => {
    const { code, stdout } = await split('tests/fixtures/sources/wcw-2021.txt', '--json');
    expect(code).toBe(0);
    const model = JSON.parse(stdout) as {
      meetings: { slug: string; sections: { kind: string }[] }[];
    };
    expect(model.meetings.map((m) => m.slug)).toEqual(['wcw-2021']);
    expect(model.meetings[0]!.sections.map((s) => s.kind)).toContain('conclusion');
  });

  it('prints a one-screen summary of what it split', async () => {
    const dir = await tempDir();
    const { code, stdout } = await split('content/sources/idm-2018.txt', '--out', join(dir, 'g'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/pages: 1 overview, 11 sessions, 5 key conclusions, 1 outcome/);
    expect(stdout).toMatch(/page breaks repaired: 5/);
    expect(stdout.split('\n').length).toBeLessThan(25);
  });
});
