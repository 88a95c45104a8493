// Byte offsets of a file <-> offsets in its decoded text. FreeBSD reads bytes, policylint's
// spans are offsets in the text: a latin1-decoded file has one character per byte, a UTF-8
// one differs only after each non-ASCII character, so only those points are remembered.

export type SourceEncoding = 'utf8' | 'latin1';

/** A latin1-decoded text's bytes: one per character. */
function latin1Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

export class ByteOffsets {
  /** After the k-th non-ASCII character: its end as a byte offset and as a text offset. */
  private readonly bytesAfter: number[] = [];
  private readonly charsAfter: number[] = [];
  readonly bytes: Uint8Array;

  constructor(text: string, encoding: SourceEncoding) {
    // Web APIs only (no Node Buffer): the core also runs in a browser.
    this.bytes = encoding === 'latin1' ? latin1Bytes(text) : new TextEncoder().encode(text);
    if (encoding === 'latin1' || this.bytes.length === text.length) return;
    let byte = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x80) {
        byte++;
        continue;
      }
      const pair = code >= 0xd800 && code < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      byte += pair ? 4 : code < 0x800 ? 2 : 3;
      if (pair) i++;
      this.bytesAfter.push(byte);
      this.charsAfter.push(i + 1);
    }
  }

  /** The text offset of a byte offset (inside a multi-byte character: that character's end). */
  toText(byteOffset: number): number {
    let lo = 0;
    let hi = this.bytesAfter.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.bytesAfter[mid]! <= byteOffset) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return byteOffset;
    return this.charsAfter[lo - 1]! + (byteOffset - this.bytesAfter[lo - 1]!);
  }
}
