/**
 * Shorter file names in Pagefind's page list, which every first search downloads whole.
 *
 * Pagefind names each page's fragment file by a hash of its content (`en_3f2a1b9`) and lists
 * every page, with that name and its word count, in the language's `.pf_meta` — with the names
 * of its index and filter chunks: about 7.4 bytes a page gzipped, the one file of the first
 * search that grows with the archive (115 KiB at 16,000 indexed pages, bench/search-index.md).
 * Hashes do not compress; names counting up in list order (`…0`, `…1`, … `…a`, … `…10`) do.
 * Index and filter chunks refer to pages by their place in the list, never by name, and the
 * list alone names the chunks, so renaming the files and the list's names is all it takes.
 *
 * The list is CBOR (after a `pagefind_dcd` signature, gzipped): [version, [[name, words,
 * group], …], [[first word, last word, name], …], [[filter, name], …], …]. Only the names are
 * rewritten; every other byte is copied as it was. A bundle whose format is not the one this
 * was written for (another Pagefind version, or fragments bundled into groups) is left as it is.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

const SIGNATURE = Buffer.from('pagefind_dcd');
/** The Pagefind release whose list format this reads (see package.json: pinned). */
const FORMAT_VERSION = /^1\.6\./;

/** A CBOR item's head: major type, argument and where its content starts. */
interface Head {
  major: number;
  value: number;
  start: number;
}

function head(bytes: Buffer, at: number): Head {
  const first = bytes[at]!;
  const major = first >> 5;
  const info = first & 31;
  if (info < 24) return { major, value: info, start: at + 1 };
  if (info === 24) return { major, value: bytes[at + 1]!, start: at + 2 };
  if (info === 25) return { major, value: bytes.readUInt16BE(at + 1), start: at + 3 };
  if (info === 26) return { major, value: bytes.readUInt32BE(at + 1), start: at + 5 };
  if (info === 27) return { major, value: Number(bytes.readBigUInt64BE(at + 1)), start: at + 9 };
  throw new PagefindFormatError(`an indefinite or reserved CBOR length at byte ${at}`);
}

/** Where the item at `at` ends. */
function skip(bytes: Buffer, at: number): number {
  const { major, value, start } = head(bytes, at);
  if (major === 2 || major === 3) return start + value;
  if (major === 4 || major === 5) {
    let end = start;
    for (let i = 0; i < value * (major === 5 ? 2 : 1); i++) end = skip(bytes, end);
    return end;
  }
  if (major === 6) return skip(bytes, start);
  return start;
}

function text(bytes: Buffer, at: number): { value: string; end: number } {
  const item = head(bytes, at);
  if (item.major !== 3) throw new PagefindFormatError(`no text at byte ${at}`);
  return {
    value: bytes.toString('utf8', item.start, item.start + item.value),
    end: item.start + item.value,
  };
}

function encodeText(value: string): Buffer {
  const body = Buffer.from(value, 'utf8');
  // Names here are a few characters long: a one-byte head (under 24 bytes) always suffices.
  if (body.length >= 24) throw new PagefindFormatError(`a fragment name of ${body.length} bytes`);
  return Buffer.concat([Buffer.from([0x60 | body.length]), body]);
}

/** The page list is not in the form this module was written for; the bundle is left as it was. */
export class PagefindFormatError extends Error {
  constructor(what: string) {
    super(`Pagefind's page list has ${what}`);
    this.name = 'PagefindFormatError';
  }
}

/**
 * The short name of the `index`-th page of the list whose file is named by `listHash`. The
 * list's own hash in front keeps names unique per build, as Pagefind's were: a browser or a
 * CDN that cached `fragment/<name>` of an earlier build never serves it for another page.
 */
export function shortName(listHash: string, index: number): string {
  return `${listHash.slice(-3)}${index.toString(36)}`;
}

/** The lists that name files, in the order the top list holds them, and which field names the file. */
const NAMED_LISTS = [
  { folder: 'fragment', extension: 'pf_fragment', field: 0 },
  { folder: 'index', extension: 'pf_index', field: 2 },
  { folder: 'filter', extension: 'pf_filter', field: 1 },
] as const;

/** A folder of the bundle and its files' renames (old name → new name), in list order. */
export interface FolderRenames {
  folder: string;
  extension: string;
  renames: [string, string][];
}

/**
 * Rewrites a decompressed page list so the files it names (fragments, index chunks, filter
 * chunks) have names counting up; returns it and the renames.
 */
export function renamePages(
  meta: Buffer,
  listHash: string,
): { meta: Buffer; folders: FolderRenames[] } {
  if (!meta.subarray(0, SIGNATURE.length).equals(SIGNATURE))
    throw new PagefindFormatError('no signature');
  const top = head(meta, SIGNATURE.length);
  if (top.major !== 4 || top.value < 1 + NAMED_LISTS.length)
    throw new PagefindFormatError('no list at the top');
  const version = text(meta, top.start);
  if (!FORMAT_VERSION.test(version.value))
    throw new PagefindFormatError(`version ${version.value}`);
  const parts: Buffer[] = [meta.subarray(0, version.end)];
  const folders: FolderRenames[] = [];
  let at = version.end;
  for (const list of NAMED_LISTS) {
    const items = head(meta, at);
    if (items.major !== 4) throw new PagefindFormatError(`no list of ${list.folder} files`);
    parts.push(meta.subarray(at, items.start));
    const renames: [string, string][] = [];
    at = items.start;
    for (let i = 0; i < items.value; i++) {
      const item = head(meta, at);
      if (item.major !== 4 || item.value <= list.field)
        throw new PagefindFormatError(`a ${list.folder} entry that is not a list`);
      parts.push(meta.subarray(at, item.start));
      at = item.start;
      for (let field = 0; field < item.value; field++) {
        const end = skip(meta, at);
        if (field === list.field) {
          const renamed = shortName(listHash, i);
          renames.push([text(meta, at).value, renamed]);
          parts.push(encodeText(renamed));
        } else {
          // A page's third field names a fragment group when Pagefind bundles fragments.
          if (list.folder === 'fragment' && field === 2 && end - at > 1)
            throw new PagefindFormatError('fragments bundled into groups');
          parts.push(meta.subarray(at, end));
        }
        at = end;
      }
    }
    folders.push({ folder: list.folder, extension: list.extension, renames });
  }
  parts.push(meta.subarray(at));
  return { meta: Buffer.concat(parts), folders };
}

/**
 * Renames the fragments of every language of the bundle in `bundleDir` after its page list
 * and rewrites the lists. Returns the number of pages renamed, or why none was: when the format
 * is not the expected one the bundle is left unchanged (still correct, only larger).
 */
export async function shortenBundleNames(
  bundleDir: string,
): Promise<{ renamed: number } | { skipped: string }> {
  const entry = JSON.parse(await readFile(join(bundleDir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  const lists: { file: string; meta: Buffer; folders: FolderRenames[] }[] = [];
  for (const { hash } of Object.values(entry.languages)) {
    const file = join(bundleDir, `pagefind.${hash}.pf_meta`);
    try {
      lists.push({ file, ...renamePages(gunzipSync(await readFile(file)), hash) });
    } catch (error) {
      if (error instanceof PagefindFormatError) return { skipped: error.message };
      throw error;
    }
  }
  for (const { folder } of NAMED_LISTS) {
    const names = lists.flatMap((list) =>
      list.folders.filter((f) => f.folder === folder).flatMap((f) => f.renames.map(([, to]) => to)),
    );
    if (new Set(names).size !== names.length)
      return { skipped: 'two languages whose short file names would collide' };
  }
  for (const list of lists) {
    for (const { folder, extension, renames } of list.folders)
      for (const [from, to] of renames)
        await rename(
          join(bundleDir, folder, `${from}.${extension}`),
          join(bundleDir, folder, `${to}.${extension}`),
        );
    await writeFile(list.file, gzipSync(list.meta, { level: 9 }));
  }
  const pages = lists.flatMap((list) => list.folders[0]!.renames);
  return { renamed: pages.length };
}
