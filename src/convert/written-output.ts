// A translation's output, made either as text or as UTF-8 bytes (gai.conf: issue 13, a
// 61 MB text at 500k rows is cheaper made, read back and written as bytes), the other form
// made only when someone asks for it.
export class WrittenOutput {
  #text: string | undefined;
  #bytes: Uint8Array | undefined;

  private constructor(text: string | undefined, bytes: Uint8Array | undefined) {
    this.#text = text;
    this.#bytes = bytes;
  }

  static ofText(text: string): WrittenOutput {
    return new WrittenOutput(text, undefined);
  }

  static ofBytes(bytes: Uint8Array): WrittenOutput {
    return new WrittenOutput(undefined, bytes);
  }

  get text(): string {
    this.#text ??= new TextDecoder('utf-8', { ignoreBOM: true }).decode(this.#bytes);
    return this.#text;
  }

  /** The UTF-8 bytes. */
  get bytes(): Uint8Array {
    this.#bytes ??= new TextEncoder().encode(this.#text);
    return this.#bytes;
  }

  /** The bytes if that is how the output was made (no encoding of a text just to look). */
  get madeAsBytes(): Uint8Array | undefined {
    return this.#text === undefined ? this.#bytes : undefined;
  }
}
