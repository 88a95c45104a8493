// The playground's one door into the core: the same src/ functions the CLI calls (lint,
// convert, explain, the impact view), with the page's inputs instead of files. No DOM here,
// so the golden comparison and the page share exactly this code.
import { convertPolicy, onlyInexpressible } from '../src/convert/convert.js';
import { formatRegion, formatScopeRegion } from '../src/convert/format-differences.js';
import { DIALECT_TEXT } from '../src/convert/inexpressible.js';
import { detectDialect } from '../src/dialects/detect.js';
import type { ConvertDialect } from '../src/dialects/registry.js';
import { describeChange, type GradedChange } from '../src/impact/changes.js';
import { changes } from '../src/impact/policy-impact.js';
import { lintText, type LintResult } from '../src/lint/lint.js';
import type { Dialect, Policy } from '../src/model/ast.js';
import { PLATFORMS, type Platform } from '../src/model/builtin-tables.js';
import { DEFAULT_CONFIG, parseInterfaceList, type ResolvedConfig } from '../src/model/config.js';
import { effectiveTable, type EffectiveTable } from '../src/model/effective-table.js';
import { modelOf } from '../src/model/policy-meaning.js';
import type { RuleId } from '../src/rules/catalog.js';
import { readDiagnosed } from '../src/rules/render-finding.js';
import { impactOf } from '../src/rules/support/impact.js';
import type { HostFile } from '../src/model/host-file.js';
import {
  AddressInputError,
  HostFileError,
  parseHostAddress,
  simulate,
  simulateHost,
  SIM_PLATFORMS,
  type HostAddress,
  type Simulation,
  type SimPlatform,
} from '../src/simulate/index.js';
import type { DecodedBytes } from './bytes.js';

export { PLATFORMS, SIM_PLATFORMS, DIALECT_TEXT };
export type { LintResult, Simulation, SimPlatform, Platform, GradedChange };

export interface PageOptions {
  /** The file name the user gave (decides the dialect as a file name does). */
  readonly name: string;
  /** 'auto': from the name, else the content, as the CLI detects. */
  readonly dialect: Dialect | 'auto';
  /** FreeBSD target host interfaces, `lo0,em0` (lint --interfaces); empty: not given. */
  readonly interfaces: string;
  /** lint --baseline; undefined: the file's own system's. */
  readonly baseline?: Platform;
}

export type DialectChoice = { readonly dialect: Dialect; readonly detected: boolean } | { readonly problem: string };

/** The dialect lint would use: the user's choice, else the CLI's detector (gai or ip6addrctl only). */
export function chooseDialect(name: string, text: string, choice: Dialect | 'auto'): DialectChoice {
  if (choice !== 'auto') return { dialect: choice, detected: false };
  const found = detectDialect(name, text);
  if (found === 'gai' || found === 'ip6addrctl') return { dialect: found, detected: true };
  return {
    problem: `${name || 'this file'}: cannot tell whether this is a gai.conf or an ip6addrctl.conf; name it *gai.conf or *ip6addrctl.conf, or choose the dialect`,
  };
}

export type ConfigChoice = { readonly config: ResolvedConfig<RuleId> } | { readonly problem: string };

export function configFor(options: PageOptions): ConfigChoice {
  let config: ResolvedConfig<RuleId> = options.baseline ? { ...DEFAULT_CONFIG, baseline: options.baseline } : DEFAULT_CONFIG;
  const list = options.interfaces.trim();
  if (list !== '') {
    const names = parseInterfaceList(list);
    if (typeof names === 'string') return { problem: `interfaces: ${names}` };
    config = { ...config, interfaces: names };
  }
  return { config };
}

/** `policylint --format json FILE` on the page's text: the same lintText call the CLI makes. */
export function lintPage(input: DecodedBytes, dialect: Dialect, name: string, config: ResolvedConfig<RuleId>): LintResult {
  return lintText(input.text, {
    filePath: name || '<text>',
    dialect,
    config,
    encoding: input.encoding,
    ...(input.invalidUtf8At !== undefined ? { invalidUtf8At: input.invalidUtf8At } : {}),
  });
}

export interface PageConversion {
  /** The converted file, when there is one to show. */
  readonly output: string | null;
  readonly verdict: 'equivalent' | 'refused' | 'inexpressible' | 'different' | 'unreadable';
  /** One line per fact, each as the CLI says it. */
  readonly lines: readonly string[];
}

/** `policylint convert --to TO`: the same refusals, warnings and equivalence verdict; `force` is --force. */
export function convertPage(input: DecodedBytes, from: Dialect, to: ConvertDialect, force: boolean): PageConversion {
  if (input.encoding !== 'utf8')
    return {
      output: null,
      verdict: 'refused',
      lines: [`not UTF-8 (first bad byte at offset ${input.invalidUtf8At}); convert writes UTF-8 and will not re-encode the file`],
    };
  const source = readDiagnosed(from, input.text);
  const lines: string[] = [];
  const errors = source.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !source.policy.installable) {
    for (const d of errors) lines.push(`${d.span.start.line}:${d.span.start.column}: error: ${d.message} (${d.ruleId})`);
    if (!force)
      return {
        output: null,
        verdict: 'refused',
        lines: [...lines, `not converted: ${errors.length} error(s). Force converts what the real system would use.`],
      };
    lines.push(
      source.semantics === 'glibc'
        ? 'forced: glibc ignores the lines with errors; only the valid lines are converted'
        : source.dialect === 'ip6addrctl' && !source.policy.installable
          ? 'forced: ip6addrctl install aborts on this file and installs nothing; the result is an empty table'
          : 'forced: the lines with errors are left out',
    );
  }
  const result = convertPolicy(source, to);
  lines.push(...result.warnings.map((w) => `warning: ${w}`));
  if (result.unreadable)
    return { output: null, verdict: 'unreadable', lines: [...lines, `the ${to} translation would not read back cleanly (${result.unreadable})`] };
  if (onlyInexpressible(result)) {
    lines.push(...result.lost);
    if (!force)
      return {
        output: null,
        verdict: 'inexpressible',
        lines: [...lines, `not converted: ${DIALECT_TEXT[to]} has no scopev4, so the IPv4 scopes above would change. Remove the scopev4 lines, or force.`],
      };
    return { output: result.output, verdict: 'inexpressible', lines };
  }
  if (!result.check.equivalent) {
    lines.push(`the ${to} translation does not mean the same. Differing address ranges:`);
    for (const region of result.check.regions) lines.push(formatRegion(region));
    for (const region of result.check.scopeRegions) lines.push(formatScopeRegion(region));
    return { output: null, verdict: 'different', lines };
  }
  return { output: result.output, verdict: 'equivalent', lines };
}

export interface ExplainInput {
  readonly platform: SimPlatform;
  /** One host address per entry: `ADDR/PLEN`, or `deprecated ADDR/PLEN`. */
  readonly sources: readonly string[];
  readonly destinations: readonly string[];
  /** A host file's text (`explain --host`): replaces `sources` with the whole host model. */
  readonly hostFile?: string;
}

export type PageExplanation = { readonly simulation: Simulation; readonly title: string } | { readonly problem: string };

/** `policylint explain --policy FILE --source … DEST…`: the order, each source and the deciding rules. */
export function explainPage(input: DecodedBytes, dialect: Dialect, explain: ExplainInput): PageExplanation {
  const read = readDiagnosed(dialect, input.text);
  const table = modelOf(read.policy, read.semantics).table;
  const title = `${dialect === 'gai' ? 'gai.conf' : 'ip6addrctl.conf'} from the editor`;
  if (explain.hostFile !== undefined) return explainHostFile(explain.hostFile, table, explain, title);
  let sources: HostAddress[];
  try {
    sources = explain.sources.map((s) => {
      const m = /^deprecated\s+(\S+)$/i.exec(s.trim());
      return m ? parseHostAddress(m[1]!, true) : parseHostAddress(s.trim());
    });
  } catch (e) {
    if (e instanceof AddressInputError) return { problem: `bad host address ${e.message}` };
    throw e;
  }
  if (explain.destinations.length === 0) return { problem: 'give at least one destination address' };
  try {
    const simulation = simulate({ platform: explain.platform, sources, destinations: explain.destinations, table });
    if (sources.length === 0) simulation.notes.push('no host address given: every destination is unusable (rule 1), so only rules 6 and 8 sort');
    return { simulation, title };
  } catch (e) {
    if (e instanceof AddressInputError) return { problem: `bad destination ${e.message}` };
    throw e;
  }
}

/** `policylint explain --host HOST.json --policy FILE DEST…`: interfaces, routes, flags and tables, as the CLI simulates them. */
function explainHostFile(text: string, table: EffectiveTable, explain: ExplainInput, title: string): PageExplanation {
  let host: HostFile;
  try {
    host = JSON.parse(text) as HostFile;
  } catch (e) {
    return { problem: `host file: not JSON (${(e as Error).message}); give the JSON that doctor --dump-host writes` };
  }
  if (explain.destinations.length === 0) return { problem: 'give at least one destination address' };
  try {
    return { simulation: simulateHost(host, { platform: explain.platform, destinations: explain.destinations, policy: table }), title };
  } catch (e) {
    if (e instanceof HostFileError) return { problem: `host file: ${e.message}` };
    if (e instanceof AddressInputError) return { problem: `bad destination ${e.message}` };
    throw e;
  }
}

export interface ImpactRow {
  readonly grade: string;
  readonly what: string;
  readonly scenario: string;
  /** The order before and after, first first. */
  readonly before: readonly string[];
  readonly after: readonly string[];
}

export interface PageImpact {
  readonly baseline: Platform;
  readonly scenarios: number;
  readonly rows: readonly ImpactRow[];
}

/** `explain --scenarios --policy FILE`'s impact view: every scenario the policy changes against the baseline. */
export function impactPage(input: DecodedBytes, dialect: Dialect, config: ResolvedConfig<RuleId>): PageImpact {
  const policy: Policy = readDiagnosed(dialect, input.text).policy;
  const table = effectiveTable(policy);
  const setup = impactOf({ policy, table, config, report: () => undefined });
  const rows = changes(setup, setup.baseline, table).map((c) => ({
    grade: c.severity ?? 'no cost',
    what: describeChange(c),
    scenario: c.scenario.set.name,
    before: c.before.order,
    after: c.after.order,
  }));
  return { baseline: setup.baselinePlatform, scenarios: setup.scenarios.length, rows };
}

/** The platform explain simulates for a dialect when none is chosen (as `explain --policy`). */
export const platformOf = (dialect: Dialect): SimPlatform => (dialect === 'ip6addrctl' ? 'freebsd' : 'glibc');

export { applyFixes } from '../src/lint/lint.js';
export { CONVERT_DIALECTS, type ConvertDialect } from '../src/dialects/registry.js';
