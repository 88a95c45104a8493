// Bytes in, text out, as the CLI's input path does it (src/cli/input.ts, which the page
// cannot import: it reads files): UTF-8 when the bytes are UTF-8, else one character per byte
// (latin1) with the offset of the first bad byte, so the invalid-utf8 finding and the byte
// offsets match the CLI's and a shared link gives back the same bytes.
import { firstInvalidUtf8 } from '../src/dialects/utf8-scan.js';

export interface DecodedBytes {
  readonly text: string;
  readonly encoding: 'utf8' | 'latin1';
  /** Offset of the first byte that is not valid UTF-8, when encoding is latin1. */
  readonly invalidUtf8At?: number;
}

const latin1 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
};

export function decodeBytes(bytes: Uint8Array): DecodedBytes {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf8' };
  } catch {
    return { text: latin1(bytes), encoding: 'latin1', invalidUtf8At: firstInvalidUtf8(bytes) };
  }
}

/**
 * The bytes of the editor's text. A file that was read byte for byte (latin1) stays so: each
 * character below 256 is its byte, and only what the user typed beyond that becomes UTF-8.
 */
export function encodeText(text: string, encoding: 'utf8' | 'latin1'): Uint8Array {
  if (encoding === 'utf8') return new TextEncoder().encode(text);
  const out: number[] = [];
  const utf8 = new TextEncoder();
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 256) out.push(code);
    else out.push(...utf8.encode(ch));
  }
  return Uint8Array.from(out);
}
