// .policylint.json on disk: given with --config, or found from the linted file's folder
// upwards. The search stops at the repository root (a folder with .git), at the user's
// home, and at a file-system boundary, and never uses a folder that anyone may write to
// (like /tmp) or that another user owns: a planted config could turn rules off. A config
// is read through the bounded reader (its own size limit; a pipe or device is refused), and
// its errors name the key but never quote the file's bytes (a symlink to /etc/shadow must
// not print them). Every problem exits 2.
import { existsSync, statSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, resolveConfig, type ResolvedConfig } from '../model/config.js';
import { kindOf, ReadFailure, readBoundedFile, RefusedFile } from './bounded-read.js';
import { ioReason } from './input.js';

export const CONFIG_FILE_NAME = '.policylint.json';

/** A config is a few rules and prefixes: 256 KiB is over ten thousand prefixes (about a second of linting; 1 MiB took 3.6 s). */
export const CONFIG_MAX_BYTES = 256 * 1024;
const CONFIG_LIMITS = { maxBytes: CONFIG_MAX_BYTES, maxLines: 100_000 };

/** Where JSON.parse stopped, as "line L, column C", without quoting the text (V8's message does). */
function jsonErrorPlace(text: string, error: unknown): string {
  const at = /at position (\d+)/.exec(String((error as Error)?.message))?.[1];
  if (at === undefined) return '';
  const before = text.slice(0, Number(at));
  const line = before.split('\n').length;
  return ` at line ${line}, column ${Number(at) - before.lastIndexOf('\n')}`;
}

export async function loadConfigFile<Id extends string>(path: string, knownRules: ReadonlySet<Id>): Promise<ResolvedConfig<Id>> {
  let read;
  try {
    read = await readBoundedFile(path, CONFIG_LIMITS, (st) => kindOf(st));
  } catch (error) {
    if (error instanceof RefusedFile)
      throw new ConfigError(`${path}: cannot read config: it is ${error.reason}, not a regular file; give a .policylint.json file`);
    if (error instanceof ReadFailure) throw new ConfigError(`${path}: cannot read config: ${ioReason(error.cause)}`);
    throw error;
  }
  if (read.overrun)
    throw new ConfigError(`${path}: config is over the ${CONFIG_MAX_BYTES}-byte limit for config files; a config holds rules and prefixes, not tables`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    throw new ConfigError(`${path}: not valid JSON (not UTF-8 text); a config is a JSON object like {"rules": {...}}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path}: not valid JSON${jsonErrorPlace(text, error)}; a config is a JSON object like {"rules": {...}}`);
  }
  return resolveConfig(raw, path, knownRules);
}

export interface ConfigSearch {
  /** The config to use, or null: the built-in defaults. */
  readonly path: string | null;
  /** Configs seen but not used, and why (shown on stderr). */
  readonly notes: string[];
}

export interface SearchBounds {
  /** The user's home ($HOME): the search goes no higher. */
  readonly home?: string | undefined;
  /** Whose folders are trusted besides root's (process.getuid()). */
  readonly uid: number;
}

function statOf(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Why a folder (or a config in it) cannot be trusted: anyone may write it, or another user owns it. */
function untrusted(st: Stats, uid: number): string | null {
  if ((st.mode & 0o002) !== 0) return 'anyone may write to it';
  if (st.uid !== uid && st.uid !== 0) return `it belongs to another user (uid ${st.uid})`;
  return null;
}

/** The nearest usable .policylint.json from `startDir` upwards, within the bounds above. */
export function findConfigFile(startDir: string, bounds: SearchBounds): ConfigSearch {
  const notes: string[] = [];
  const home = bounds.home ? resolve(bounds.home) : undefined;
  let dir = resolve(startDir);
  let st = statOf(dir);
  while (st) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    const distrust = untrusted(st, bounds.uid);
    if (distrust) {
      if (existsSync(candidate)) notes.push(`policylint: note: ${candidate} not used: ${dir} is not safe (${distrust}); pass --config to use it`);
      return { path: null, notes };
    }
    const file = statOf(candidate);
    if (file) {
      const fileDistrust = untrusted(file, bounds.uid);
      if (!fileDistrust) return { path: candidate, notes };
      notes.push(`policylint: note: ${candidate} not used: ${fileDistrust}; pass --config to use it`);
      return { path: null, notes };
    }
    if (dir === home || existsSync(join(dir, '.git'))) break;
    const parent = dirname(dir);
    if (parent === dir) break;
    const parentSt = statOf(parent);
    if (!parentSt || parentSt.dev !== st.dev) break; // another file system: not this project's
    dir = parent;
    st = parentSt;
  }
  return { path: null, notes };
}

/** How a command's environment bounds the search. */
export function searchBounds(env: NodeJS.ProcessEnv): SearchBounds {
  return { home: env.HOME || undefined, uid: process.getuid?.() ?? 0 };
}
