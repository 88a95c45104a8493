// The one write path (--fix, convert -o / --in-place, and any later writer): the file is
// replaced whole or not at all, and the write cannot be redirected (docs/guarantees.md,
// "Your file is never lost or half-written"):
//   1. resolve the target once (a symlinked config is written through to its target), and
//      do every later step on that resolved path;
//   2. look at what is there: only a regular file (or nothing) is replaced; an existing file
//      must be one the user could write in place and, for a rewrite, the very file that was
//      read (device, inode, size, mtime);
//   3. write a temp file beside it (O_EXCL, a name that fits NAME_MAX), give it the owner,
//      group and mode of the file it replaces, fsync it;
//   4. check again: the target, opened with O_NOFOLLOW, is still that file, unchanged (and
//      for a rewrite still holds the bytes that were read); then rename over it at once;
//   5. fsync the folder (best effort).
// All of it is synchronous: between the last check and the rename nothing runs (no import,
// no fsync, no turn of the event loop), and a signal waits until the write is done.
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readlinkSync,
  readSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './command.js';
import { ioReason, type InputFile } from './input.js';
import { forgetTemp, holdSignals, trackTemp } from './signal-cleanup.js';

/** What a rewrite read: it may replace only that file, still holding these bytes. */
export interface ReadSnapshot {
  readonly bytes: Uint8Array;
  readonly mtimeMs?: number;
  readonly dev?: number;
  readonly ino?: number;
}

/** The snapshot of a file read through input.ts (its bytes as they were on disk). */
export function readSnapshot(input: InputFile): ReadSnapshot {
  return {
    bytes: Buffer.from(input.text, input.encoding),
    ...(input.mtimeMs === undefined ? {} : { mtimeMs: input.mtimeMs }),
    ...(input.dev === undefined || input.ino === undefined ? {} : { dev: input.dev, ino: input.ino }),
  };
}

export interface SafeWriteOptions {
  /** Replace exactly the file that was read, unchanged; refuse ('changed') otherwise. */
  readonly replacing?: ReadSnapshot;
}

/**
 * Why nothing was written. `reason` is a phrase for the caller's one-line message:
 * changed: the target is no longer what was read or inspected; not-a-file: a FIFO, device,
 * socket or folder; not-writable: the user could not edit it in place; no-folder.
 */
export class WriteRefused extends Error {
  constructor(
    readonly kind: 'changed' | 'not-a-file' | 'not-writable' | 'no-folder',
    readonly reason: string,
  ) {
    super(reason);
  }
}

export interface WriteOutcome {
  /** The file that was replaced or created (symlinks resolved). */
  readonly target: string;
  /** Nanoseconds from the end of the last check to the rename call (nothing may run there). */
  readonly checkToRenameNs: bigint;
  /** Nanoseconds the rename call took: an edit made while it runs is lost too. */
  readonly renameNs: bigint;
  /** What the user should be told: the owner could not be kept, setuid/setgid dropped. */
  readonly notes: readonly string[];
}

/** `data` as a string is written as UTF-8; bytes are written as they are. */
export async function writeFileSafely(path: string, data: string | Uint8Array, options: SafeWriteOptions = {}): Promise<WriteOutcome> {
  const signals = holdSignals();
  try {
    return writeNow(path, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, options);
  } finally {
    await signals.release();
  }
}

function writeNow(path: string, bytes: Uint8Array, options: SafeWriteOptions): WriteOutcome {
  const target = resolveTarget(path);
  const before = inspectTarget(target, options.replacing);
  const notes: string[] = [];
  // Private until it has the replaced file's owner; a new file gets 0644 minus the umask.
  const temp = createTemp(target, before ? 0o600 : 0o644);
  let fd: number | undefined = temp.fd;
  try {
    writeAll(fd, bytes);
    if (before) notes.push(...copyOwnerAndMode(fd, before));
    fsyncSync(fd);
    const ours = fstatSync(fd);
    closeSync(fd); // close can report a delayed write error: before the rename, not after
    fd = undefined;
    const checked = checkUnchanged(target, before, options.replacing, temp.path, ours);
    const renaming = process.hrtime.bigint();
    renameSync(temp.path, target);
    const renamed = process.hrtime.bigint();
    forgetTemp(temp.path);
    syncFolder(dirname(target));
    return { target, checkToRenameNs: renaming - checked, renameNs: renamed - renaming, notes };
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    removeQuietly(temp.path);
    forgetTemp(temp.path);
    throw error;
  }
}

// ------------------------------------------------------------------ 1. the target

const MAX_LINKS = 40; // Linux's own limit on a chain of symlinks

function resolveTarget(path: string): string {
  if (path === '' || path.endsWith('/')) throw new WriteRefused('not-a-file', 'names a folder, not a file');
  refuseSpecial(statOrUndefined(path, statSync));
  let current = resolve(path);
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    try {
      return realpathSync.native(current);
    } catch (error) {
      if (code(error) !== 'ENOENT') throw error;
    }
    // Not there: a dangling symlink to follow, or a new file in an existing folder.
    let link: string;
    try {
      link = readlinkSync(current);
    } catch {
      return newFileIn(current);
    }
    current = resolve(dirname(current), link);
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

function newFileIn(path: string): string {
  const folder = dirname(path);
  try {
    return join(realpathSync.native(folder), basename(path));
  } catch (error) {
    if (code(error) === 'ENOENT' || code(error) === 'ENOTDIR') throw new WriteRefused('no-folder', `its folder ${folder} does not exist`);
    throw error;
  }
}

// ------------------------------------------------------------------ 2. what is there

function inspectTarget(target: string, replacing: ReadSnapshot | undefined): Stats | undefined {
  const st = statOrUndefined(target, lstatSync);
  if (st === undefined) {
    if (replacing) throw changed('it was removed or renamed');
    return undefined;
  }
  if (st.isSymbolicLink()) throw changed('it was replaced by a symbolic link');
  refuseSpecial(st);
  if (replacing && !isTheFileRead(st, replacing)) throw changed('it is not the file that was read');
  try {
    accessSync(target, constants.W_OK);
  } catch (error) {
    if (code(error) !== 'EACCES' && code(error) !== 'EPERM') throw error;
    throw new WriteRefused(
      'not-writable',
      `you could not edit it in place (mode ${(st.mode & 0o7777).toString(8).padStart(4, '0')}, owner uid ${st.uid}), so policylint will not replace it`,
    );
  }
  return st;
}

function isTheFileRead(st: Stats, read: ReadSnapshot): boolean {
  return (
    st.size === read.bytes.length &&
    (read.mtimeMs === undefined || st.mtimeMs === read.mtimeMs) &&
    (read.dev === undefined || st.dev === read.dev) &&
    (read.ino === undefined || st.ino === read.ino)
  );
}

const KINDS: readonly [(s: Stats) => boolean, string][] = [
  [(s) => s.isDirectory(), 'a folder'],
  [(s) => s.isFIFO(), 'a FIFO (named pipe)'],
  [(s) => s.isCharacterDevice(), 'a character device'],
  [(s) => s.isBlockDevice(), 'a block device'],
  [(s) => s.isSocket(), 'a socket'],
];

/** Only a regular file is replaced: renaming over /dev/null or a FIFO would destroy it. */
function refuseSpecial(st: Stats | undefined): void {
  if (st === undefined || st.isFile() || st.isSymbolicLink()) return;
  const kind = KINDS.find(([is]) => is(st))?.[1] ?? 'not a regular file';
  throw new WriteRefused('not-a-file', `is ${kind}, not a regular file`);
}

// ------------------------------------------------------------------ 3. the temp file

const NAME_MAX = 255; // bytes, on every Linux and BSD file system policylint writes to
const TEMP_EXTRA = '..'.length + 12 + '.tmp'.length;

/** `.NAME.RANDOM.tmp`, with NAME cut (at a character boundary) so the whole fits NAME_MAX. */
export function tempNameFor(target: string): string {
  let name = '';
  let bytes = 0;
  for (const ch of basename(target)) {
    bytes += Buffer.byteLength(ch);
    if (bytes > NAME_MAX - TEMP_EXTRA) break;
    name += ch;
  }
  const random = () =>
    Math.floor(Math.random() * 0x1000000)
      .toString(16)
      .padStart(6, '0');
  return join(dirname(target), `.${name}.${random()}${random()}.tmp`);
}

function createTemp(target: string, mode: number): { path: string; fd: number } {
  for (let attempt = 0; ; attempt++) {
    const path = tempNameFor(target);
    trackTemp(path); // before it exists: a signal during the open still removes it
    try {
      return { path, fd: openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode) };
    } catch (error) {
      forgetTemp(path); // never remove a file that is not ours
      if (code(error) !== 'EEXIST' || attempt >= 8) throw error;
    }
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/**
 * The replaced file's owner, group and mode (fchown before fchmod: chown clears setuid).
 * Only root can give a file away; when the owner or group cannot be kept, setuid and setgid
 * are dropped, so the bytes of one user never run with another's rights.
 */
function copyOwnerAndMode(fd: number, was: Stats): string[] {
  const mine = fstatSync(fd);
  let ownerKept = mine.uid === was.uid;
  let groupKept = mine.gid === was.gid;
  if (!ownerKept || !groupKept) {
    try {
      fchownSync(fd, was.uid, was.gid);
      ownerKept = groupKept = true;
    } catch {
      try {
        fchownSync(fd, -1, was.gid);
        groupKept = true;
      } catch {
        /* not a member of the group */
      }
    }
  }
  const notes: string[] = [];
  let mode = was.mode & 0o7777;
  if (!ownerKept) notes.push(`the owner changes from uid ${was.uid} to uid ${mine.uid} (only root can keep it)`);
  else if (!groupKept) notes.push(`the group changes from gid ${was.gid} to gid ${mine.gid} (you are not in that group)`);
  if (mode & 0o6000 && !(ownerKept && groupKept)) {
    mode &= ~0o6000;
    notes.push('its setuid/setgid bits were dropped, since its owner and group could not be kept');
  }
  fchmodSync(fd, mode); // the umask must not narrow it
  return notes;
}

// ------------------------------------------------------------------ 4. the last check

/**
 * The temp is still ours, and the target is still the file inspected (and read). Returns
 * when the check ended (hrtime), so the measured gap covers everything after it.
 */
function checkUnchanged(target: string, before: Stats | undefined, replacing: ReadSnapshot | undefined, tempPath: string, ours: Stats): bigint {
  const temp = statOrUndefined(tempPath, lstatSync);
  if (!temp || temp.dev !== ours.dev || temp.ino !== ours.ino) throw changed('its temp file was moved or replaced');
  const now = statOrUndefined(target, lstatSync);
  if (before === undefined) {
    if (now !== undefined) throw changed('a file appeared at its name');
    return process.hrtime.bigint();
  }
  if (now === undefined || !sameFile(now, before)) throw changed('it was changed or replaced');
  let fd: number;
  try {
    fd = openSync(target, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if (code(error) === 'ELOOP' || code(error) === 'ENOENT') throw changed('it was replaced');
    throw error;
  }
  let same: boolean;
  try {
    same = sameFile(fstatSync(fd), before) && (!replacing || holds(fd, replacing.bytes));
  } finally {
    closeSync(fd);
  }
  if (!same) throw changed(replacing ? 'it was replaced, or its bytes differ from what was read' : 'it was replaced');
  return process.hrtime.bigint();
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.isFile() && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

/** The open file holds exactly `expected` (read one byte more, to see a longer file). */
function holds(fd: number, expected: Uint8Array): boolean {
  const got = Buffer.allocUnsafe(expected.length + 1);
  let n = 0;
  while (n < got.length) {
    const r = readSync(fd, got, n, got.length - n, n);
    if (r === 0) break;
    n += r;
  }
  return n === expected.length && got.subarray(0, n).equals(expected);
}

// ------------------------------------------------------------------ helpers

/** Make the rename itself durable (best effort: not every file system allows it). */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, constants.O_RDONLY | constants.O_DIRECTORY);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* ignore */
  }
}

function changed(why: string): WriteRefused {
  return new WriteRefused('changed', why);
}

function statOrUndefined(path: string, stat: (p: string) => Stats): Stats | undefined {
  try {
    return stat(path);
  } catch (error) {
    if (code(error) === 'ENOENT') return undefined;
    throw error;
  }
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException)?.code;
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    /* the write already failed */
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}

/** Tell the user what the write could not keep; with POLICYLINT_DEBUG, the check-to-rename gap. */
export function reportWrite(shownAs: string, outcome: WriteOutcome, io: { stderr: (text: string) => void; env: NodeJS.ProcessEnv }): void {
  for (const note of outcome.notes) io.stderr(`policylint: warning: ${shownAs}: ${note}\n`);
  const us = (ns: bigint) => (Number(ns) / 1000).toFixed(1);
  if (io.env.POLICYLINT_DEBUG)
    io.stderr(`policylint: debug: ${shownAs}: ${us(outcome.checkToRenameNs)} µs from the last check to the rename, which took ${us(outcome.renameNs)} µs\n`);
}

/** Write a command's output file (generate -o, doctor --dump-host): one line and exit 2 when it cannot. */
export async function writeOutputFile(
  shownAs: string,
  path: string,
  data: string,
  io: { stderr: (text: string) => void; env: NodeJS.ProcessEnv },
): Promise<void> {
  let outcome: WriteOutcome;
  try {
    outcome = await writeFileSafely(path, data);
  } catch (e) {
    throw new UsageError(`policylint: ${shownAs}: cannot write: ${e instanceof WriteRefused ? e.reason : ioReason(e)}; nothing was written`);
  }
  reportWrite(shownAs, outcome, io);
}
