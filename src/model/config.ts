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

export interface ResolvedConfig {
  /** Where the config came from, or null for the built-in defaults. */
  readonly path: string | null;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly sitePrefixes: { readonly ula: readonly SitePrefix[]; readonly gua: readonly SitePrefix[] };
  readonly platform?: Platform;
  readonly glibcVersion?: string;
}

export const DEFAULT_CONFIG: ResolvedConfig = { path: null, rules: {}, sitePrefixes: { ula: [], gua: [] } };

export class ConfigError extends Error {}

/** What a config may write for a severity: ours, and ESLint's ("warn", 0/1/2), which its users type by habit. */
const SETTINGS: Readonly<Record<string, RuleSetting>> = { error: 'error', warning: 'warning', warn: 'warning', info: 'info', off: 'off', 2: 'error', 1: 'warning', 0: 'off' };
const SETTINGS_TEXT = '"error", "warning" (or "warn"), "info", "off", or 2, 1, 0';

function fail(path: string, key: string, problem: string): never {
  throw new ConfigError(`${path}: ${key}: ${problem}`);
}

function parseSitePrefix(path: string, key: string, value: unknown): SitePrefix {
  if (typeof value !== 'string') fail(path, key, `expected a prefix string like "fd08:aaaa:bbbb::/48", got ${JSON.stringify(value)}`);
  const [address, length, extra] = value.split('/');
  const parsed = address ? parseAnyAddress(address) : null;
  const len = Number(length);
  if (!parsed || parsed.family !== 6 || extra !== undefined || length === undefined || !/^[0-9]+$/.test(length) || len > 128) {
    fail(path, key, `"${value}" is not an IPv6 prefix (ADDRESS/LEN)`);
  }
  return { text: value, address: parsed.value, length: len };
}

/** Validate a parsed config object; `knownRules` lists the rule ids. */
export function resolveConfig(raw: unknown, path: string, knownRules: ReadonlySet<string>, aliases: Readonly<Record<string, string>> = RULE_ALIASES): ResolvedConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(path, '(top level)', 'expected a JSON object');
  const allowed = new Set(['$schema', 'rules', 'sitePrefixes', 'platform', 'glibcVersion']);
  for (const key of Object.keys(raw)) if (!allowed.has(key)) fail(path, key, `unknown key (known: ${[...allowed].join(', ')})`);
  const obj = raw as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) fail(path, 'rules', 'expected an object of rule id -> severity');
    for (const [written, setting] of Object.entries(obj.rules)) {
      const id = canonicalRuleId(written, aliases); // a renamed rule's old id means the rule
      if (!knownRules.has(id)) fail(path, `rules.${written}`, 'no such rule (run `policylint rules` for the list)');
      const resolved = (typeof setting === 'string' || typeof setting === 'number') && Object.hasOwn(SETTINGS, setting) ? SETTINGS[setting] : undefined;
      if (!resolved) fail(path, `rules.${written}`, `expected one of ${SETTINGS_TEXT}, got ${JSON.stringify(setting)}`);
      rules[id] = resolved;
    }
  }
  const sitePrefixes = { ula: [] as SitePrefix[], gua: [] as SitePrefix[] };
  if (obj.sitePrefixes !== undefined) {
    const sp = obj.sitePrefixes;
    if (typeof sp !== 'object' || sp === null || Array.isArray(sp)) fail(path, 'sitePrefixes', 'expected {"ula": [...], "gua": [...]}');
    for (const [kind, list] of Object.entries(sp)) {
      if (kind !== 'ula' && kind !== 'gua') fail(path, `sitePrefixes.${kind}`, 'unknown key (known: ula, gua)');
      if (!Array.isArray(list)) fail(path, `sitePrefixes.${kind}`, 'expected an array of prefixes');
      sitePrefixes[kind] = list.map((v, i) => parseSitePrefix(path, `sitePrefixes.${kind}[${i}]`, v));
    }
  }
  let platform: Platform | undefined;
  if (obj.platform !== undefined) {
    if (!PLATFORMS.includes(obj.platform as Platform)) fail(path, 'platform', `expected one of ${PLATFORMS.join(', ')}`);
    platform = obj.platform as Platform;
  }
  let glibcVersion: string | undefined;
  if (obj.glibcVersion !== undefined) {
    if (typeof obj.glibcVersion !== 'string' || !/^2\.[0-9]+$/.test(obj.glibcVersion)) fail(path, 'glibcVersion', 'expected a version like "2.41"');
    glibcVersion = obj.glibcVersion;
  }
  return { path, rules, sitePrefixes, ...(platform ? { platform } : {}), ...(glibcVersion ? { glibcVersion } : {}) };
}
