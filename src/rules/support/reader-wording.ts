// Wording several reader-phase rules share, so a consequence is said the same way everywhere.
import type { PrefixProblem } from '../../dialects/reader-finding.js';

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
