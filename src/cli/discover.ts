// Which files `policylint ARG...` lints, the way linters find them: a file named on the
// command line is linted whatever its name; a folder is walked for files whose name says
// they are policy tables (the pattern of .pre-commit-hooks.yaml); a quoted glob is expanded
// and filtered the same way. The order is stable: arguments in order, each one's files
// sorted by path. With no argument at all, the machine's own policy files.
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UsageError } from './command.js';
import { expandGlob, hasGlobChars, SKIPPED_FOLDERS } from './glob.js';
import { plural } from './plural.js';

/** The name of a policy table: gai.conf, ip6addrctl.conf, or *[._-] before either (as the pre-commit hook). */
export const POLICY_FILE_NAME = /^([^/]*[._-])?(gai|ip6addrctl)\.conf$/;
const NAMES_LOOKED_FOR = 'gai.conf, ip6addrctl.conf, *[._-]gai.conf, *[._-]ip6addrctl.conf';

/** The files lint reads when given none; the root moves with POLICYLINT_SYSTEM_ROOT (tests). */
export const SYSTEM_POLICY_FILES = ['/etc/gai.conf', '/etc/ip6addrctl.conf'] as const;

export interface Discovery {
  /** Files to lint, as they will be reported; `-` is standard input. */
  readonly files: string[];
  /** One-line problems (exit 2): a glob that matches nothing, a folder with no policy files. */
  readonly problems: UsageError[];
}

/** Policy files under `dir` (shown as `shown`), sorted; no folder symlinks, regular files only. */
function walk(dir: string, shown: string, out: string[], problems: UsageError[]): void {
  let list;
  try {
    list = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problems.push(new UsageError(`policylint: ${shown}: cannot read folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`));
    return;
  }
  list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of list) {
    const abs = join(dir, e.name);
    const path = join(shown, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(e.name)) walk(abs, path, out, problems);
    } else if (POLICY_FILE_NAME.test(e.name)) {
      // A symlink to a regular file counts (as in a shell glob); one to a folder, a FIFO or a device does not.
      if (e.isFile() || (e.isSymbolicLink() && isRegularFile(abs))) out.push(path);
    }
  }
}

function isRegularFile(abs: string): boolean {
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
}

/** A folder; `followLink` false: not a symlink to one (a wildcard's matches are walked, not followed). */
function isFolder(abs: string, followLink = true): boolean {
  try {
    return (followLink ? statSync(abs) : lstatSync(abs)).isDirectory();
  } catch {
    return false;
  }
}

/** Expand the command line's file arguments. `--`-separated names arrive here as data too. */
export function discoverFiles(args: readonly string[], cwd: string): Discovery {
  const files: string[] = [];
  const problems: UsageError[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    const key = path === '-' ? '-' : resolve(cwd, path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(path);
  };
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    // A name with glob characters that exists as written is a name, not a pattern.
    if (arg !== '-' && hasGlobChars(arg) && !existsSync(abs)) {
      const matches = expandGlob(arg, cwd);
      if (matches.length === 0) {
        problems.push(new UsageError(`policylint: no file matches ${JSON.stringify(arg)}`));
        continue;
      }
      const found: string[] = [];
      for (const m of matches) {
        const mAbs = resolve(cwd, m);
        if (isFolder(mAbs, false)) walk(mAbs, m, found, problems);
        else if (POLICY_FILE_NAME.test(basename(m)) && isRegularFile(mAbs)) found.push(m);
      }
      if (found.length === 0)
        problems.push(
          new UsageError(
            `policylint: ${JSON.stringify(arg)} matches ${plural(matches.length, 'path')} but no policy file (looked for ${NAMES_LOOKED_FOR}); name a file to lint it whatever its name`,
          ),
        );
      found.forEach(add);
      continue;
    }
    if (arg !== '-' && isFolder(abs)) {
      const found: string[] = [];
      walk(abs, arg, found, problems);
      if (found.length === 0)
        problems.push(new UsageError(`policylint: ${arg}: no policy files in this folder (looked for ${NAMES_LOOKED_FOR}, skipping .git and node_modules)`));
      found.forEach(add);
      continue;
    }
    add(arg); // a file (any name), standard input, or a missing name that reading will report
  }
  return { files, problems };
}

/** The machine's own policy files that exist, as real paths, for a bare `policylint`. */
export function systemPolicyFiles(env: NodeJS.ProcessEnv): { files: string[]; looked: string[] } {
  const root = env.POLICYLINT_SYSTEM_ROOT || '/';
  const looked = SYSTEM_POLICY_FILES.map((f) => join(root, f));
  return { files: looked.filter(isRegularFile), looked };
}
