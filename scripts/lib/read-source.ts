/**
 * Step 1 of the pipeline: bytes in, clean Unicode text out (LF line ends, no BOM), or a clear
 * refusal. Legacy 8-bit text is transcoded as Windows-1252; UTF-8 with a few damaged bytes is
 * refused at the first of them. Never mojibake.
 */
import { SourceError } from './errors.ts';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Decodes a source file's bytes; `file` is used only to name the file in errors. */
export function readSource(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) {
    throw new SourceError(file, 'the file is empty', 'put the text of a meeting summary in it');
  }
  const text = normalizeLineEnds(decode(bytes, file));
  if (text.trim() === '') {
    throw new SourceError(
      file,
      'the file holds only white space',
      'put the text of a meeting summary in it',
    );
  }
  return text;
}

function decode(bytes: Uint8Array, file: string): string {
  const utf16 = decodeUtf16WithBom(bytes);
  if (utf16 !== undefined) return utf16;
  if (looksBinary(bytes)) {
    throw new SourceError(
      file,
      'this looks like a binary file, not text',
      'export the summary as plain text (.txt, UTF-8) or Markdown (.md)',
    );
  }
  const start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
  const body = bytes.subarray(start);
  const scan = scanUtf8(body);
  if (scan.firstInvalid === -1) return new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
  // A BOM, or more well-formed multi-byte characters than broken ones, says the file is UTF-8
  // with a few damaged bytes: decoding it as anything else would garble every other character.
  if (start > 0 || scan.multibyte >= scan.invalid) {
    const { line, column } = positionOf(body, scan.firstInvalid);
    throw new SourceError(
      file,
      `byte 0x${body[scan.firstInvalid]!.toString(16).padStart(2, '0')} at column ${column} is not valid UTF-8 (${scan.invalid} such byte${scan.invalid === 1 ? '' : 's'} in the file)`,
      'retype the character there, or save the file again as UTF-8',
      line,
    );
  }
  return decodeLegacy(bytes, file);
}

/** Counts of well-formed multi-byte UTF-8 characters and of bytes that fit no UTF-8 sequence. */
interface Utf8Scan {
  multibyte: number;
  invalid: number;
  /** Offset of the first invalid byte, -1 when there is none. */
  firstInvalid: number;
}

/** Walks the bytes by the UTF-8 rules (no overlongs, no surrogates, nothing above U+10FFFF). */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { multibyte: 0, invalid: 0, firstInvalid: -1 };
  const continuation = (i: number, low = 0x80, high = 0xbf) =>
    i < bytes.length && bytes[i]! >= low && bytes[i]! <= high;
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    let length = 0;
    if (lead < 0x80) length = 1;
    else if (lead >= 0xc2 && lead <= 0xdf) length = continuation(i + 1) ? 2 : 0;
    else if (lead >= 0xe0 && lead <= 0xef) {
      const [low, high] =
        lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
      length = continuation(i + 1, low, high) && continuation(i + 2) ? 3 : 0;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      const [low, high] =
        lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
      length = continuation(i + 1, low, high) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
    }
    if (length === 0) {
      if (scan.firstInvalid === -1) scan.firstInvalid = i;
      scan.invalid++;
      i++;
      continue;
    }
    if (length > 1) scan.multibyte++;
    i += length;
  }
  return scan;
}

/** 1-based line and column (in characters) of the byte at `offset`. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = bytes.subarray(0, offset);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  const line = before.filter((b) => b === 0x0a).length + 1;
  // Columns count characters (code points), as editors do.
  const column =
    Array.from(new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset))).length + 1;
  return { line, column };
}

/** Windows-1252 is a superset of Latin-1's printable range and what office tools write. */
function decodeLegacy(bytes: Uint8Array, file: string): string {
  const text = new TextDecoder('windows-1252').decode(bytes);
  // Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned in Windows-1252: text with them is
  // some other encoding, and guessing would produce mojibake.
  if (/[\u0081\u008d\u008f\u0090\u009d]/.test(text)) {
    throw new SourceError(
      file,
      'the text is neither UTF-8 nor Windows-1252/Latin-1',
      'save the file as UTF-8 (in most editors: Save As… › Encoding › UTF-8)',
    );
  }
  return text;
}

function decodeUtf16WithBom(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return undefined;
}

/** NUL bytes, or many control bytes in the first 8 KiB, mean a binary file. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    const isWhitespace = byte === 9 || byte === 10 || byte === 12 || byte === 13;
    if (byte < 32 && !isWhitespace) control++;
  }
  return control > sample.length * 0.05;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** CRLF and lone CR become LF; a form feed becomes a line of its own so page breaks stay visible. */
export function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\f/g, '\n\f\n');
}
