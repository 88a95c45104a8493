// The one input path: every command (lint, convert, diff, explain, ...) reads files and
// standard input here, with the same limits, decoding and one-line errors (exit 2, never a
// stack trace). Text that is not UTF-8 is read byte for byte (latin1), so offsets stay byte
// offsets and a fix writes the same bytes back.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError, type CommandIO } from './command.js';
import type { OptionSpec } from './option-table.js';

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

/** Refuse input over the limits, with one line naming it. */
export function checkLimits(name: string, bytes: Uint8Array, limits: InputLimits): void {
  if (bytes.length > limits.maxBytes)
    throw new UsageError(`${name}: ${bytes.length} bytes is over the ${limits.maxBytes}-byte limit (raise it with --max-bytes)`);
  let lines = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) {
    if (++lines > limits.maxLines) throw new UsageError(`${name}: more than ${limits.maxLines} lines is over the line limit (raise it with --max-lines)`);
  }
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

/** Offset of the first byte that breaks UTF-8 (a linear scan; the decoder does not say). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0 || (i + need >= bytes.length + (need === 0 ? 1 : 0) && need > 0)) return i;
    for (let k = 1; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return bytes.length;
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

/** Read `path`; errors name it as `shownAs` (the file as the user wrote it). */
export function readInputFile(path: string, limits: InputLimits, shownAs = path): InputFile {
  let size: number;
  let mtimeMs: number;
  let id: { dev: number; ino: number };
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new UsageError(`${shownAs}: is a directory`);
    size = st.size;
    mtimeMs = st.mtimeMs;
    id = { dev: st.dev, ino: st.ino };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${shownAs}: ${ioReason(error)}`);
  }
  if (size > limits.maxBytes) throw new UsageError(`${shownAs}: ${size} bytes is over the ${limits.maxBytes}-byte limit (raise it with --max-bytes)`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`${shownAs}: ${ioReason(error)}`);
  }
  checkLimits(shownAs, bytes, limits);
  return { ...decodeBytes(path, bytes), mtimeMs, ...id };
}

/** --max-bytes and --max-lines, the same on every command that reads a policy. */
export const LIMIT_OPTIONS: readonly OptionSpec[] = [
  { name: 'max-bytes', type: 'number', default: DEFAULT_MAX_BYTES, describe: 'Refuse files larger than this', complete: 'none' },
  { name: 'max-lines', type: 'number', default: DEFAULT_MAX_LINES, describe: 'Refuse files with more lines than this', complete: 'none' },
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
    // readStdin hands over the bytes as latin1 characters, one per byte.
    const bytes = Buffer.from(await io.readStdin(), 'latin1');
    checkLimits(stdinName, bytes, limits);
    return decodeBytes(stdinName, bytes);
  }
  return readInputFile(resolve(io.cwd, file), limits, file);
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
