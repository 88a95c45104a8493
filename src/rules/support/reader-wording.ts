// Wording several reader-phase rules share, so a consequence is said the same way everywhere.
import type { FreebsdField, PrefixProblem } from '../../dialects/reader-finding.js';

/** What glibc's gaiconf_init() does with a line it cannot use. */
export const GAI_IGNORES = 'glibc silently ignores this line';

/** Why a line-based dialect's `PREFIX/LEN` is not one. */
export function prefixProblemText(why: PrefixProblem): string {
  switch (why.problem) {
    case 'no-length':
      return `\`${why.text}\` has no /LEN`;
    case 'not-ipv6':
      return `\`${why.address}\` is not an IPv6 address`;
    case 'bad-length':
      return `\`/${why.length}\` is not a prefix length (0 to 128)`;
  }
}

/** A field's text for a one-line message: control bytes escaped, long text cut. */
export function shown(text: string, max = 40): string {
  const escaped = text.replace(
    /[\0-\x1f\x7f]/g,
    (c) => ({ '\t': '\\t', '\r': '\\r', '\v': '\\v', '\f': '\\f', '\n': '\\n', '\0': '\\0' })[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}

export const capital = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/** A line FreeBSD's `ip6addrctl install` aborts on: what is wrong, what install then does, and the fix. */
export const freebsdFails = (what: string, line: number, fix: string) =>
  `${what}: install stops with "parse failed at line ${line}" and installs nothing (rc.d flushed first: the table stays empty). ${fix}`;

/** What is missing when ip6addrctl finds no `field`. */
export const freebsdMissing = (field: FreebsdField) => (field === 'precedence' ? 'precedence and label' : 'label');
