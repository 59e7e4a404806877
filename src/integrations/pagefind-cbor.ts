/**
 * The subset of CBOR Pagefind's index files use (integers, text, lists), read into plain values
 * and written back with the shortest heads, as Pagefind's encoder writes them. Every file starts
 * with Pagefind's `pagefind_dcd` signature and is gzipped.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PagefindFormatError } from './pagefind-meta.ts';

/** A value of an index file: a whole number, a text or a list of values. */
export type CborValue = number | string | CborValue[];

/** Pagefind prefixes every decompressed bundle file with this signature. */
const SIGNATURE = Buffer.from('pagefind_dcd');

export { PagefindFormatError };

/** The value of a gzipped, signed index file. */
export function readIndexFile(compressed: Uint8Array): CborValue {
  const bytes = gunzipSync(compressed);
  if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE))
    throw new PagefindFormatError('a file without its signature');
  let at = SIGNATURE.length;
  const item = (): CborValue => {
    const first = bytes[at++]!;
    const major = first >> 5;
    const info = first & 31;
    let value = info;
    if (info === 24) value = bytes[at++]!;
    else if (info === 25) {
      value = bytes.readUInt16BE(at);
      at += 2;
    } else if (info === 26) {
      value = bytes.readUInt32BE(at);
      at += 4;
    } else if (info > 26) throw new PagefindFormatError(`a CBOR head ${first} at byte ${at - 1}`);
    if (major === 0) return value;
    if (major === 1) return -1 - value;
    if (major === 3) {
      const text = bytes.toString('utf8', at, at + value);
      at += value;
      return text;
    }
    if (major === 4) {
      const list: CborValue[] = [];
      for (let i = 0; i < value; i++) list.push(item());
      return list;
    }
    throw new PagefindFormatError(`a CBOR item of major type ${major}`);
  };
  const value = item();
  if (at !== bytes.length) throw new PagefindFormatError('bytes after its value');
  return value;
}

/** A bundle file's bytes before compression: the signature and the CBOR of `value`. */
export function encodeIndexFile(value: CborValue): Buffer {
  // Written into one buffer that doubles when full: an index chunk is a few hundred KiB of
  // small items, and a byte array per item was most of the join's time.
  let out = Buffer.allocUnsafe(1 << 16);
  let at = 0;
  const room = (n: number) => {
    if (at + n <= out.length) return;
    const grown = Buffer.allocUnsafe(Math.max(out.length * 2, at + n));
    out.copy(grown, 0, 0, at);
    out = grown;
  };
  const head = (major: number, n: number) => {
    room(5);
    const type = major << 5;
    if (n < 24) out[at++] = type | n;
    else if (n < 0x100) {
      out[at++] = type | 24;
      out[at++] = n;
    } else if (n < 0x10000) {
      out[at++] = type | 25;
      at = out.writeUInt16BE(n, at);
    } else {
      out[at++] = type | 26;
      at = out.writeUInt32BE(n, at);
    }
  };
  const item = (v: CborValue) => {
    if (typeof v === 'number') head(v < 0 ? 1 : 0, v < 0 ? -1 - v : v);
    else if (typeof v === 'string') {
      const length = Buffer.byteLength(v, 'utf8');
      head(3, length);
      room(length);
      at += out.write(v, at, 'utf8');
    } else {
      head(4, v.length);
      for (const each of v) item(each);
    }
  };
  room(SIGNATURE.length);
  at += SIGNATURE.copy(out, at);
  item(value);
  return out.subarray(0, at);
}

/** A bundle file as Pagefind writes it: `value` encoded and compressed. */
export function writeIndexFile(value: CborValue): Buffer {
  return gzipSync(encodeIndexFile(value), { level: 9 });
}

/**
 * The hash Pagefind names a bundle file by (`<language>_<hash>`, ten digits for the page list,
 * seven for a chunk): SHA-1 of its CBOR after the signature, each byte in hex without leading
 * zero (0x0a is `a`), as Pagefind formats it.
 */
export function bundleFileHash(encoded: Buffer, digits: number): string {
  const bytes = createHash('sha1').update(encoded.subarray(SIGNATURE.length)).digest();
  return [...bytes]
    .map((byte) => byte.toString(16))
    .join('')
    .slice(0, digits);
}
