// Reads that stop at the limit. Every input (files, devices, named pipes, standard input,
// config files) is read in chunks, and reading stops at maxBytes + 1 bytes or maxLines + 1
// lines, whatever stat says: /dev/zero says 0 bytes and never ends, a pipe has no size.
// Nothing is buffered whole before the check.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ByteLimits {
  readonly maxBytes: number;
  readonly maxLines: number;
}

/** Why a read stopped early: over the byte or the line limit. */
export type Overrun = { readonly kind: 'bytes'; readonly size?: number } | { readonly kind: 'lines' };

/** A read that failed on the way (open, read): its errno code, for ioReason(). */
export class ReadFailure extends Error {
  constructor(override readonly cause: unknown) {
    super(String((cause as Error)?.message ?? cause));
  }
}

/** What a file is when it is not a regular file, for the refusals that name it. */
export function kindOf(st: Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Collects chunks until the limits are passed; counts newlines as lines, like the old check. */
export class BoundedBytes {
  private readonly chunks: Buffer[] = [];
  private bytes = 0;
  private lines = 0;
  overrun: Overrun | null = null;

  constructor(private readonly limits: ByteLimits) {}

  /** Adds a chunk; false once a limit is passed (stop reading then). */
  push(chunk: Buffer): boolean {
    if (this.overrun) return false;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) {
      if (++this.lines > this.limits.maxLines) {
        this.overrun = { kind: 'lines' };
        return false;
      }
    }
    this.bytes += chunk.length;
    if (this.bytes > this.limits.maxBytes) {
      this.overrun = { kind: 'bytes' };
      return false;
    }
    this.chunks.push(chunk);
    return true;
  }

  get result(): Buffer {
    return Buffer.concat(this.chunks, this.bytes);
  }
}

/** How long an empty named pipe may wait for a writer before the read gives up (a FIFO nobody opens). */
export const PIPE_WRITER_WAIT_MS = 5000;
const POLL_MS = 10;
const CHUNK = 64 * 1024;

export interface BoundedFile {
  readonly bytes: Buffer;
  readonly stat: Stats;
  readonly overrun: Overrun | null;
  /** A named pipe that no writer opened within PIPE_WRITER_WAIT_MS. */
  readonly noWriter?: true;
}

/**
 * Read `path` within `limits`. Opened non-blocking, so opening a named pipe never hangs;
 * `accept` sees the fstat first and may refuse (return a reason) before a byte is read.
 */
export async function readBoundedFile(path: string, limits: ByteLimits, accept: (st: Stats) => string | null): Promise<BoundedFile> {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    throw new ReadFailure(error);
  }
  try {
    const stat = fstatSync(fd);
    const refused = accept(stat);
    if (refused !== null) throw new RefusedFile(refused, stat);
    if (stat.isFile() && stat.size > limits.maxBytes) return { bytes: Buffer.alloc(0), stat, overrun: { kind: 'bytes', size: stat.size } };
    const collected = new BoundedBytes(limits);
    const pipe = stat.isFIFO();
    let waited = 0;
    let any = false;
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, CHUNK, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw new ReadFailure(error);
        await sleep(POLL_MS); // a pipe or terminal with a writer and no data yet
        continue;
      }
      if (n === 0) {
        // An empty named pipe reads 0 both before a writer opens it and after it closed it.
        if (pipe && !any && waited < PIPE_WRITER_WAIT_MS) {
          await sleep(POLL_MS);
          waited += POLL_MS;
          continue;
        }
        return { bytes: collected.result, stat, overrun: null, ...(pipe && !any ? { noWriter: true as const } : {}) };
      }
      any = true;
      // A copy: a pipe hands over a few KB a read, and a view would pin a whole 64 KiB buffer each time.
      if (!collected.push(Buffer.from(buffer.subarray(0, n)))) return { bytes: Buffer.alloc(0), stat, overrun: collected.overrun };
    }
  } finally {
    closeSync(fd);
  }
}

/** A file `accept` refused (a directory, a pipe as config, ...). */
export class RefusedFile extends Error {
  constructor(
    readonly reason: string,
    readonly stat: Stats,
  ) {
    super(reason);
  }
}

/** Read a stream (standard input) within `limits`, stopping it at the limit. */
export async function readBoundedStream(stream: AsyncIterable<Uint8Array>, limits: ByteLimits): Promise<{ bytes: Buffer; overrun: Overrun | null }> {
  const collected = new BoundedBytes(limits);
  for await (const chunk of stream) {
    // Leaving the loop ends the iteration, which destroys the stream: nothing more is read.
    if (!collected.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))) break;
  }
  return { bytes: collected.overrun ? Buffer.alloc(0) : collected.result, overrun: collected.overrun };
}
