// The one input path: every command (lint, convert, diff, explain, ...) reads files and
// standard input here, with the same limits, decoding and one-line errors (exit 2, never a
// stack trace). Text that is not UTF-8 is read byte for byte (latin1), so offsets stay byte
// offsets and a fix writes the same bytes back.
import { resolve } from 'node:path';
import { BoundedBytes, PIPE_WRITER_WAIT_MS, ReadFailure, readBoundedFile, readBoundedStream, RefusedFile, type Overrun } from './bounded-read.js';
import { UsageError, type CommandIO } from './command.js';
import type { OptionSpec } from './option-table.js';
import { firstInvalidUtf8 } from '../dialects/utf8-scan.js';

/** Default size limit: far above any real policy table, far below memory trouble. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/**
 * Default line limit: five times the 100k-row tables policylint is built to handle. Memory
 * grows with lines, not bytes (each line becomes tokens and AST nodes), so 10 MB of
 * one-character comment lines needs its own limit.
 */
export const DEFAULT_MAX_LINES = 500_000;

export interface InputLimits {
  readonly maxBytes: number;
  readonly maxLines: number;
}

/** The one-line refusal of input over a limit. */
export function overLimitError(name: string, overrun: Overrun, limits: InputLimits): UsageError {
  if (overrun.kind === 'lines') return new UsageError(`${name}: more than ${limits.maxLines} lines is over the line limit (raise it with --max-lines)`);
  const size = overrun.size !== undefined ? `${overrun.size} bytes` : `more than ${limits.maxBytes} bytes`;
  return new UsageError(`${name}: ${size} is over the ${limits.maxBytes}-byte limit (raise it with --max-bytes)`);
}

/** Refuse input over the limits, with one line naming it (for bytes already in memory). */
export function checkLimits(name: string, bytes: Uint8Array, limits: InputLimits): void {
  const collected = new BoundedBytes(limits);
  if (!collected.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) throw overLimitError(name, collected.overrun!, limits);
}

export interface InputFile {
  readonly path: string;
  readonly text: string;
  readonly encoding: 'utf8' | 'latin1';
  /** Offset of the first byte that is not valid UTF-8, when encoding is latin1. */
  readonly invalidUtf8At?: number;
  readonly mtimeMs?: number;
  readonly size: number;
  /** Device and inode of the file read: a rewrite (safe-write.ts) replaces only that file. */
  readonly dev?: number;
  readonly ino?: number;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ELOOP: 'too many symbolic links',
  ENOTDIR: 'a part of the path is not a folder',
  EROFS: 'read-only file system (EROFS)',
  ENOSPC: 'no space left on device (ENOSPC)',
  EDQUOT: 'disk quota exceeded (EDQUOT)',
  EIO: 'input/output error (EIO)',
  EMFILE: 'too many open files',
};

export function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  return (code && REASONS[code]) ?? (code ? `error ${code}` : String((error as Error)?.message ?? error));
}

export function decodeBytes(path: string, bytes: Buffer): InputFile {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { path, text, encoding: 'utf8', size: bytes.length };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { path, text: bytes.toString('latin1'), encoding: 'latin1', invalidUtf8At: at, size: bytes.length };
  }
}

/**
 * A name like an option reaches the file list only after `--` (else the parser takes it):
 * say so, since that is where the pre-commit hook's `args` end up.
 */
function optionLookalikeHint(name: string, cause: unknown): string {
  if (!name.startsWith('-') || name === '-' || (cause as NodeJS.ErrnoException)?.code !== 'ENOENT') return '';
  return '; every word after -- is a file name, not an option (the pre-commit hook passes its args and files after --: set rules in .policylint.json, or use the policylint-no-warnings hook)';
}

/**
 * Read `path` within the limits, streamed (a device or pipe is read only up to the limit);
 * errors name it as `shownAs` (the file as the user wrote it).
 */
export async function readInputFile(path: string, limits: InputLimits, shownAs = path): Promise<InputFile> {
  let read;
  try {
    read = await readBoundedFile(path, limits, (st) => (st.isDirectory() ? 'is a directory' : null));
  } catch (error) {
    if (error instanceof RefusedFile) throw new UsageError(`${shownAs}: ${error.reason}`);
    if (error instanceof ReadFailure) throw new UsageError(`${shownAs}: ${ioReason(error.cause)}${optionLookalikeHint(shownAs, error.cause)}`);
    throw error;
  }
  if (read.overrun) throw overLimitError(shownAs, read.overrun, limits);
  if (read.noWriter)
    throw new UsageError(`${shownAs}: a named pipe that nothing wrote to within ${PIPE_WRITER_WAIT_MS / 1000} s; start the writer first, or give a file`);
  return { ...decodeBytes(path, read.bytes), mtimeMs: read.stat.mtimeMs, dev: read.stat.dev, ino: read.stat.ino };
}

/**
 * --max-bytes and --max-lines, the same on every command that reads a policy. The ceilings are
 * where the process itself would fail: V8 cannot hold a string of 512 MiB, and 5 million
 * lines exhaust its heap (docs/guarantees.md, found and fixed 8).
 */
export const MAX_BYTES_CEILING = 256 * 1024 * 1024;
export const MAX_LINES_CEILING = 2_000_000;
export const LIMIT_OPTIONS: readonly OptionSpec[] = [
  { name: 'max-bytes', type: 'number', default: DEFAULT_MAX_BYTES, max: MAX_BYTES_CEILING, describe: 'Refuse files larger than this', complete: 'none' },
  {
    name: 'max-lines',
    type: 'number',
    default: DEFAULT_MAX_LINES,
    max: MAX_LINES_CEILING,
    describe: 'Refuse files with more lines than this',
    complete: 'none',
  },
];

/** Limits from a command's --max-bytes/--max-lines (the defaults when not given). */
export function limitsFrom(argv: Record<string, unknown>): InputLimits {
  const maxBytes = argv.maxBytes ?? argv['max-bytes'];
  const maxLines = argv.maxLines ?? argv['max-lines'];
  return {
    maxBytes: typeof maxBytes === 'number' ? maxBytes : DEFAULT_MAX_BYTES,
    maxLines: typeof maxLines === 'number' ? maxLines : DEFAULT_MAX_LINES,
  };
}

/**
 * Read a file argument, or standard input for `-` (reported as `stdinName`), within the
 * limits. Errors name the file as the user wrote it.
 */
export async function readInput(file: string, io: CommandIO, limits: InputLimits, stdinName = '<stdin>'): Promise<InputFile> {
  if (file === '-') {
    return decodeBytes(stdinName, await readStdinBytes(io, limits, stdinName));
  }
  return readInputFile(resolve(io.cwd, file), limits, file);
}

/** Standard input within the limits: streamed when the process has one, never buffered whole first. */
async function readStdinBytes(io: CommandIO, limits: InputLimits, name: string): Promise<Buffer> {
  if (io.stdinStream) {
    let read;
    try {
      read = await readBoundedStream(io.stdinStream(), limits);
    } catch (error) {
      throw new UsageError(`${name}: ${ioReason(error)}`);
    }
    if (read.overrun) throw overLimitError(name, read.overrun, limits);
    return read.bytes;
  }
  // An in-process caller (tests) hands over the bytes as latin1 characters, one per byte.
  const bytes = Buffer.from(await io.readStdin(), 'latin1');
  checkLimits(name, bytes, limits);
  return bytes;
}

/** The text of an input that a command will re-encode as UTF-8: refuse anything else rather than change its bytes. */
export function utf8TextOf(input: InputFile, shownAs: string, command: string): string {
  if (input.encoding !== 'utf8') {
    throw new UsageError(
      `policylint: ${shownAs}: not UTF-8 (first bad byte at offset ${input.invalidUtf8At}); ${command} writes UTF-8 and will not re-encode the file`,
    );
  }
  return input.text;
}
