/** Readout replaces only folders it made (issue 9, §2). */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assertReplaceable,
  assertReplaceableSite,
  markOwned,
  OWNER_MARKER,
  withOwnerMarker,
} from '../../scripts/disk/ownership.ts';

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'readout-owner-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

describe('assertReplaceable', () => {
  it('accepts a missing or empty folder', async () => {
    await expect(
      assertReplaceable(join(await folder({}), 'new'), '--out'),
    ).resolves.toBeUndefined();
    await expect(assertReplaceable(await folder({}), '--out')).resolves.toBeUndefined();
  });

  it('accepts a folder holding its marker', async () => {
    await expect(
      assertReplaceable(await folder({ [OWNER_MARKER]: '', 'notes.txt': 'x' }), '--out'),
    ).resolves.toBeUndefined();
  });

  it('accepts the output of an earlier Readout, written before markers existed', async () => {
    await expect(
      assertReplaceable(
        await folder({ '.split-manifest.json': '{}', 'a/meeting.json': '{}', 'a/index.mdx': '' }),
        '--out',
      ),
    ).resolves.toBeUndefined();
  });

  it('refuses a folder holding sources or anything else, such as a project', async () => {
    await expect(
      assertReplaceable(await folder({ 'sources/a.txt': 'text' }), '--out'),
    ).rejects.toThrow(/holds files, which Readout did not create and will not replace/);
    await expect(
      assertReplaceable(await folder({ 'package.json': '{}', 'a/meeting.json': '{}' }), '--out'),
    ).rejects.toThrow(/holds files/);
  });

  it('marks what it writes', async () => {
    expect(withOwnerMarker(new Map([['a', 'b']])).has(OWNER_MARKER)).toBe(true);
    const dir = await folder({ 'other.txt': 'x' });
    await markOwned(dir);
    await expect(assertReplaceable(dir, '--out')).resolves.toBeUndefined();
  });
});

describe('assertReplaceableSite', () => {
  it('refuses OUT_DIR pointing at a project, which Astro would empty before building', async () => {
    await expect(
      assertReplaceableSite(await folder({ 'package.json': '{}', 'src/pages/index.astro': '' })),
    ).rejects.toMatchObject({
      message: 'holds files, which Readout did not create and will not replace',
      fix: expect.stringMatching(/^give OUT_DIR a new folder/),
    });
  });

  it('accepts a site an earlier build wrote, marked or not', async () => {
    await expect(
      assertReplaceableSite(await folder({ 'index.html': '', 'pagefind/pagefind.js': '' })),
    ).resolves.toBeUndefined();
    await expect(
      assertReplaceableSite(await folder({ [OWNER_MARKER]: '', 'index.html': '' })),
    ).resolves.toBeUndefined();
  });
});
