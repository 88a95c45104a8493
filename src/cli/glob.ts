// A small glob matcher for quoted patterns (`'hosts/*/gai.conf'`, `'sites/**/*.conf'`):
// Node 20 has no fs.glob. Supports *, ?, [abc], [a-z], [!a] / [^a] within one path segment,
// and ** for any number of folders. Like a shell, a wildcard does not match a leading dot
// unless the pattern's segment starts with one; no wildcard enters .git or node_modules; **
// follows no folder symlinks (a link loop cannot make it hang).
import { readdirSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';

/** Folders a walk never enters: a repository's own data and installed packages. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['.git', 'node_modules']);

export function hasGlobChars(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

/** One path segment's pattern as an anchored regular expression. */
export function segmentRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      re += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'su');
}

function entries(abs: string): Dirent[] {
  try {
    return readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return []; // an unreadable or missing folder matches nothing, as in a shell
  }
}

/** A wildcard does not match a dot-name (unless the segment starts with a dot), .git or node_modules. */
const hidden = (name: string, segment: string) => (name.startsWith('.') && !segment.startsWith('.')) || SKIPPED_FOLDERS.has(name);

/**
 * The paths `pattern` matches, relative to `cwd` the way the pattern was written
 * (`hosts/*` gives `hosts/a`), sorted, without duplicates. Matches may be files or folders.
 */
export function expandGlob(pattern: string, cwd: string): string[] {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  if (absolute) segments.shift();
  const out = new Set<string>();
  const start = absolute ? '/' : '';
  const walk = (shown: string, segs: readonly string[]): void => {
    const abs = resolve(cwd, shown || '.');
    if (segs.length === 0) {
      if (shown) out.add(shown);
      return;
    }
    const [seg, ...rest] = segs as [string, ...string[]];
    if (seg === '**') {
      walk(shown, rest);
      for (const e of entries(abs)) {
        if (e.isDirectory() && !SKIPPED_FOLDERS.has(e.name) && !e.name.startsWith('.')) walk(join(shown, e.name), segs);
      }
      return;
    }
    if (!hasGlobChars(seg)) {
      const next = shown ? join(shown, seg) : seg;
      if (rest.length === 0) {
        if (entries(abs).some((e) => e.name === seg)) out.add(next);
      } else walk(next, rest);
      return;
    }
    const re = segmentRegExp(seg);
    for (const e of entries(abs)) {
      if (hidden(e.name, seg) || !re.test(e.name)) continue;
      if (rest.length === 0) out.add(join(shown, e.name));
      else if (e.isDirectory()) walk(join(shown, e.name), rest);
    }
  };
  walk(start, segments);
  return [...out].sort();
}
