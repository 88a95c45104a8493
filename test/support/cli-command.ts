// How tests run the real CLI: the bundle when it is newer than every source file,
// else the sources through tsx (so a test never runs a stale build).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..', '..');

export function cliCommand(): string[] {
  const bundle = join(ROOT, 'dist', 'policylint.cjs');
  const newest = (dir: string): number =>
    readdirSync(dir).reduce((m, n) => {
      const p = join(dir, n);
      const s = statSync(p);
      return Math.max(m, s.isDirectory() ? newest(p) : s.mtimeMs);
    }, 0);
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'grammar'))))
    return [join(ROOT, 'bin', 'policylint.cjs')];
  return ['--import', pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, join(ROOT, 'src', 'cli', 'run.ts')];
}
