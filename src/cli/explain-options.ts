// explain's strict values, checked before anything runs: a host address carries its prefix
// length (`fd00::10/64`; a bare address would silently become a /128 on-link host), and
// --glibc-version names a glibc release policylint knows.
import { parseAnyAddress } from '../model/address.js';
import { glibcVersionProblem } from '../model/config.js';
import { UsageError } from './command.js';

function hostAddressProblem(text: string): string | null {
  const slash = text.indexOf('/');
  if (slash < 0) return 'needs its prefix length, like fd00::10/64 or 192.0.2.10/24';
  const parsed = parseAnyAddress(text.slice(0, slash));
  if (!parsed) return 'is not an IPv4 or IPv6 address';
  const max = parsed.family === 4 ? 32 : 128;
  const length = text.slice(slash + 1);
  if (!/^(0|[1-9][0-9]{0,2})$/.test(length) || Number(length) > max) return `needs a prefix length from 0 to ${max}`;
  return null;
}

/** Refuse a bad --source, --deprecated or --glibc-version with one line naming the value. */
export function checkExplainValues(argv: Record<string, unknown>): void {
  for (const name of ['source', 'deprecated'] as const) {
    const values = argv[name] === undefined ? [] : Array.isArray(argv[name]) ? (argv[name] as unknown[]) : [argv[name]];
    for (const value of values) {
      const problem = hostAddressProblem(String(value));
      if (problem) throw new UsageError(`explain: --${name} "${String(value)}" ${problem}`);
    }
  }
  const version = argv['glibc-version'];
  const problem = version === undefined ? null : glibcVersionProblem(version);
  if (problem) throw new UsageError(`explain: --glibc-version: ${problem}, got "${String(version)}"`);
}
