// .policylint.json on disk: found from the linted file's folder upwards (stopping at a
// repo root), or given with --config. Every problem names the key and exits 2.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, resolveConfig, type ResolvedConfig } from '../model/config.js';

export const CONFIG_FILE_NAME = '.policylint.json';

export function loadConfigFile<Id extends string>(path: string, knownRules: ReadonlySet<Id>): ResolvedConfig<Id> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${path}: cannot read config: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  return resolveConfig(raw, path, knownRules);
}

/** The nearest .policylint.json from `startDir` up to the repo root (a folder with .git). */
export function findConfigFile(startDir: string): string | null {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(dir, '.git'))) return null;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
