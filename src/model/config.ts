// What a .policylint.json may say, validated: every problem names the key. Finding and
// reading the file is the CLI's job (src/cli/config-file.ts).
import type { Severity } from './diagnostic.js';
import { parseAnyAddress } from './address.js';
import { PLATFORMS, type Platform } from './builtin-tables.js';
import { canonicalRuleId, RULE_ALIASES } from './rule-aliases.js';

export type RuleSetting = Severity | 'off';

export interface SitePrefix {
  readonly text: string;
  readonly address: bigint;
  readonly length: number;
}

/** Id: the rule ids config keys may name (src/rules/catalog.ts's RuleId; this layer cannot see it). */
export interface ResolvedConfig<Id extends string = string> {
  /** Where the config came from, or null for the built-in defaults. */
  readonly path: string | null;
  readonly rules: Readonly<Partial<Record<Id, RuleSetting>>>;
  readonly sitePrefixes: { readonly ula: readonly SitePrefix[]; readonly gua: readonly SitePrefix[] };
  readonly platform?: Platform;
  readonly glibcVersion?: string;
  /** The built-in table impact is judged against (default: the file's own system's). */
  readonly baseline?: Platform;
  /** The FreeBSD target host's interfaces in index order from 1 (decides `%name` zones). */
  readonly interfaces?: readonly string[];
}

export const DEFAULT_CONFIG: ResolvedConfig<never> = { path: null, rules: {}, sitePrefixes: { ula: [], gua: [] } };

export class ConfigError extends Error {}

/** What a config may write for a severity: ours, and ESLint's ("warn", 0/1/2), which its users type by habit. */
const SETTINGS: Readonly<Record<string, RuleSetting>> = {
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  info: 'info',
  off: 'off',
  2: 'error',
  1: 'warning',
  0: 'off',
};
const SETTINGS_TEXT = '"error", "warning" (or "warn"), "info", "off", or 2, 1, 0';

function fail(path: string, key: string, problem: string): never {
  throw new ConfigError(`${path}: ${key}: ${problem}`);
}

/** What each sitePrefixes list may hold: ULA inside fc00::/7, global inside 2000::/3 (IANA's global unicast). */
const SITE_RANGES = {
  ula: { base: 0xfcn << 120n, length: 7, text: 'a ULA prefix inside fc00::/7' },
  gua: { base: 0x2n << 124n, length: 3, text: 'a global prefix inside 2000::/3' },
} as const;

const ALL_ONES = (1n << 128n) - 1n;
const maskOf = (length: number) => (ALL_ONES << BigInt(128 - length)) & ALL_ONES;

function parseSitePrefix(path: string, key: string, kind: 'ula' | 'gua', value: unknown): SitePrefix {
  if (typeof value !== 'string') fail(path, key, `expected a prefix string like "fd08:aaaa:bbbb::/48", got ${JSON.stringify(value)}`);
  const [address, length, extra] = value.split('/');
  const parsed = address ? parseAnyAddress(address) : null;
  // A length is written without leading zeros (`/0128` is not a length a system prints).
  if (parsed?.family !== 6 || extra !== undefined || length === undefined || !/^(0|[1-9][0-9]{0,2})$/.test(length) || Number(length) > 128) {
    fail(path, key, `"${value}" is not an IPv6 prefix (ADDRESS/LEN)`);
  }
  const len = Number(length);
  const range = SITE_RANGES[kind];
  if (address!.includes('.') || len < range.length || (parsed.value & maskOf(range.length)) !== range.base) {
    fail(path, key, `"${value}" is not ${range.text}; list it under ${kind === 'ula' ? 'gua if it is global' : 'ula if it is a ULA'}, or remove it`);
  }
  if ((parsed.value & ~maskOf(len) & ALL_ONES) !== 0n)
    fail(path, key, `"${value}" has bits set after /${len}; write the prefix itself (ADDRESS/LEN with zero host bits)`);
  return { text: value, address: parsed.value, length: len };
}

/** The glibc releases policylint knows: gai.conf's parser from 2.5 up to the newest release. */
export const GLIBC_VERSION_RANGE = { oldest: 5, newest: 44 } as const;

/** Why `value` is not a glibc version policylint knows, or null. */
export function glibcVersionProblem(value: unknown): string | null {
  const minor = typeof value === 'string' ? /^2\.(0|[1-9][0-9]?)$/.exec(value)?.[1] : undefined;
  if (minor !== undefined && Number(minor) >= GLIBC_VERSION_RANGE.oldest && Number(minor) <= GLIBC_VERSION_RANGE.newest) return null;
  return `expected a glibc release from 2.${GLIBC_VERSION_RANGE.oldest} to 2.${GLIBC_VERSION_RANGE.newest}, like "2.41"`;
}

/** Validate a parsed config object; `knownRules` lists the rule ids. */
export function resolveConfig<Id extends string>(
  raw: unknown,
  path: string,
  knownRules: ReadonlySet<Id>,
  aliases: Readonly<Record<string, string>> = RULE_ALIASES,
): ResolvedConfig<Id> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(path, '(top level)', 'expected a JSON object');
  const allowed = new Set(['$schema', 'rules', 'sitePrefixes', 'platform', 'glibcVersion', 'baseline', 'interfaces']);
  for (const key of Object.keys(raw)) if (!allowed.has(key)) fail(path, key, `unknown key (known: ${[...allowed].join(', ')})`);
  const obj = raw as Record<string, unknown>;
  const rules: Partial<Record<Id, RuleSetting>> = {};
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) fail(path, 'rules', 'expected an object of rule id -> severity');
    for (const [written, setting] of Object.entries(obj.rules)) {
      const id = canonicalRuleId(written, aliases); // a renamed rule's old id means the rule
      if (!(knownRules as ReadonlySet<string>).has(id)) fail(path, `rules.${written}`, 'no such rule (run `policylint rules` for the list)');
      const resolved = (typeof setting === 'string' || typeof setting === 'number') && Object.hasOwn(SETTINGS, setting) ? SETTINGS[setting] : undefined;
      if (!resolved) fail(path, `rules.${written}`, `expected one of ${SETTINGS_TEXT}, got ${JSON.stringify(setting)}`);
      rules[id as Id] = resolved;
    }
  }
  const sitePrefixes = { ula: [] as SitePrefix[], gua: [] as SitePrefix[] };
  if (obj.sitePrefixes !== undefined) {
    const sp = obj.sitePrefixes;
    if (typeof sp !== 'object' || sp === null || Array.isArray(sp)) fail(path, 'sitePrefixes', 'expected {"ula": [...], "gua": [...]}');
    for (const [kind, list] of Object.entries(sp)) {
      if (kind !== 'ula' && kind !== 'gua') fail(path, `sitePrefixes.${kind}`, 'unknown key (known: ula, gua)');
      if (!Array.isArray(list)) fail(path, `sitePrefixes.${kind}`, 'expected an array of prefixes');
      sitePrefixes[kind] = list.map((v, i) => parseSitePrefix(path, `sitePrefixes.${kind}[${i}]`, kind, v));
    }
  }
  let platform: Platform | undefined;
  if (obj.platform !== undefined) {
    if (!PLATFORMS.includes(obj.platform as Platform)) fail(path, 'platform', `expected one of ${PLATFORMS.join(', ')}`);
    platform = obj.platform as Platform;
  }
  let glibcVersion: string | undefined;
  if (obj.glibcVersion !== undefined) {
    const problem = glibcVersionProblem(obj.glibcVersion);
    if (problem) fail(path, 'glibcVersion', problem);
    glibcVersion = obj.glibcVersion as string;
  }
  let baseline: Platform | undefined;
  if (obj.baseline !== undefined) {
    if (!PLATFORMS.includes(obj.baseline as Platform)) fail(path, 'baseline', `expected one of ${PLATFORMS.join(', ')}`);
    baseline = obj.baseline as Platform;
  }
  let interfaces: string[] | undefined;
  if (obj.interfaces !== undefined) {
    const list = obj.interfaces;
    if (!Array.isArray(list) || list.some((n) => !isInterfaceName(n)))
      fail(path, 'interfaces', 'expected an array of interface names like ["lo0", "em0"] (index order from 1)');
    interfaces = list as string[];
  }
  return {
    path,
    rules,
    sitePrefixes,
    ...(platform ? { platform } : {}),
    ...(glibcVersion ? { glibcVersion } : {}),
    ...(baseline ? { baseline } : {}),
    ...(interfaces ? { interfaces } : {}),
  };
}

/** A FreeBSD interface name: 1 to 15 printable characters (IFNAMSIZ 16 with the NUL), no blank, `%` or `/`. */
export function isInterfaceName(name: unknown): name is string {
  return typeof name === 'string' && /^[!-~]{1,15}$/.test(name) && !/[%/,]/.test(name);
}

/** `--interfaces lo0,em0`: the list, or a one-line complaint. */
export function parseInterfaceList(text: string): string[] | string {
  const names = text.split(',');
  const bad = names.find((n) => !isInterfaceName(n));
  return bad === undefined ? names : `"${bad}" is not an interface name (give names separated by commas, in index order from 1, e.g. lo0,em0)`;
}
