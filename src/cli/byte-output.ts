// Output built as bytes in one buffer that is sent whenever it is full: diff writes almost
// two million lines at 500k rows, and strings (made, joined, then encoded to UTF-8 for the
// descriptor) cost it more than working out what they say (issue 13).
import type { LineBuffer } from '../convert/difference-lines.js';
import type { CommandIO } from './command.js';

export class ByteWriter implements LineBuffer {
  bytes: Buffer;
  at = 0;

  /** `send` must be done with the bytes when it returns: the buffer is written again. */
  constructor(
    private readonly send: (bytes: Uint8Array) => void,
    size = 64 * 1024,
  ) {
    this.bytes = Buffer.allocUnsafe(size);
  }

  room(length: number): void {
    if (this.bytes.length - this.at >= length) return;
    this.flush();
    if (this.bytes.length < length) this.bytes = Buffer.allocUnsafe(length);
  }

  /** Any text, as UTF-8. */
  text(text: string): void {
    this.room(3 * text.length);
    this.at += this.bytes.write(text, this.at, 'utf8');
  }

  /** Send what is held; call it before anything else writes to the same stream. */
  flush(): void {
    if (this.at > 0) this.send(this.bytes.subarray(0, this.at));
    this.at = 0;
  }

  /** Drop what is held (none of it sent yet). */
  discard(): void {
    this.at = 0;
  }
}

/** A ByteWriter to standard output: as bytes when the process gives a way, else as text. */
export function stdoutWriter(io: CommandIO): ByteWriter {
  const asText = (bytes: Uint8Array) => io.stdout(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'));
  return new ByteWriter(io.stdoutBytes ?? asText);
}
