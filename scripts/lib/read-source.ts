/**
 * Step 1 of the pipeline: bytes in, clean Unicode text out (LF line ends, no BOM), or a clear
 * refusal. Legacy 8-bit text is transcoded as Windows-1252, never shown as mojibake.
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
    throw new SourceError(file, 'the file holds only white space', 'put the text of a meeting summary in it');
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
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    return decodeLegacy(bytes, file);
  }
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
