// When does a policy show that ULA sources are meant to reach global destinations?
// (1) the config declares site prefixes; (2) the file has site-specific ULA rows and
// site-specific GUA rows; (3) a ULA row's precedence was raised from the platform
// default while its label stayed the stock one. A stock table shows none of these, and gets no warning.
import { IPV4_MAPPED_BASE, parseIPv6 } from '../../model/address.js';
import { builtinEffectiveTable, lookup, lookupAll, type PolicyValues } from '../../model/effective-table.js';
import type { RuleContext } from '../rule.js';
import { knownTableOf } from '../../impact/stock-tables.js';
import { exampleAddress, isSiteGuaPrefix, isUlaPrefix } from '../../model/address-spaces.js';
import { valueLines, type ValueLine } from './value-lines.js';

export interface SitePrefixRef {
  readonly prefix: bigint;
  readonly length: number;
  /** The file line that sets it, if any. */
  readonly line?: ValueLine;
}

export interface UlaIntent {
  readonly ula: readonly SitePrefixRef[];
  /** Empty: compare with a generic global destination (2001:db8::1, under ::/0). */
  readonly gua: readonly SitePrefixRef[];
  readonly source: 'config' | 'site-rows' | 'raised-precedence';
}

export const GENERIC_GUA = { prefix: parseIPv6('2001:db8::')!, length: 32 };
export const EXAMPLE_V4_SOURCE = IPV4_MAPPED_BASE | 0xc000020an; // 192.0.2.10
export const EXAMPLE_V4_DEST = IPV4_MAPPED_BASE | 0xc6336407n; // 198.51.100.7

const intentCache = new WeakMap<RuleContext['policy'], { config: RuleContext['config']; intent: UlaIntent | null }>();

/** Both ULA rules ask for the intent: it is worked out once per policy and config. */
export function ulaIntent(context: RuleContext): UlaIntent | null {
  const cached = intentCache.get(context.policy);
  if (cached && cached.config === context.config) return cached.intent;
  const intent = findUlaIntent(context);
  intentCache.set(context.policy, { config: context.config, intent });
  return intent;
}

const ulaValuesCache = new WeakMap<UlaIntent, PolicyValues[]>();

/**
 * The values at each intent ULA's example address (exampleAddress), in intent.ula's order:
 * both ULA rules look them up, so they are looked up once, all together (issue 13).
 */
export function ulaValues(context: RuleContext, intent: UlaIntent): readonly PolicyValues[] {
  let values = ulaValuesCache.get(intent);
  if (!values) ulaValuesCache.set(intent, (values = lookupAll(context.table, intent.ula.map(exampleAddress))));
  return values;
}

/** A line as a site prefix: three fields, not a copy of the line (a large table has 500k of them). */
const refOf = (line: ValueLine): SitePrefixRef => ({ prefix: line.prefix, length: line.length, line });

function findUlaIntent(context: RuleContext): UlaIntent | null {
  const { config, policy } = context;
  const lines = valueLines(policy);
  const lineFor = (p: { prefix: bigint; length: number }) => lines.find((l) => l.prefix === p.prefix && l.length === p.length);
  if (config.sitePrefixes.ula.length > 0) {
    return {
      ula: config.sitePrefixes.ula.map((p) => ({ prefix: p.address, length: p.length, line: lineFor({ prefix: p.address, length: p.length }) })),
      gua: config.sitePrefixes.gua.map((p) => ({ prefix: p.address, length: p.length, line: lineFor({ prefix: p.address, length: p.length }) })),
      source: 'config',
    };
  }
  const siteUla = lines.filter((l) => isUlaPrefix(l) && l.length > 7);
  const siteGua = lines.filter((l) => isSiteGuaPrefix(l));
  if (siteUla.length > 0 && siteGua.length > 0) {
    return { ula: siteUla.map(refOf), gua: siteGua.map(refOf), source: 'site-rows' };
  }
  // A platform's whole table (the RFC 6724 update draft raises ULA to 30 and keeps label 13
  // on purpose, for ULA-to-ULA) states no intent of the author's.
  if (knownTableOf(context.table)) return null;
  const stock = builtinEffectiveTable(policy.dialect === 'gai' ? 'glibc' : 'freebsd');
  // Raised precedence with the stock ULA label kept is the classic mistake; a label of
  // its own (RFC 6724 section 10.6's `fd11:1111:1111::/48 45 14`) means ULA-to-ULA on purpose.
  const raised = lines.filter((l) => {
    if (!isUlaPrefix(l) || l.precedence === undefined) return false;
    const before = lookup(stock, exampleAddress(l));
    // The label the prefix ends up with (a gai.conf sets it on a line of its own).
    return l.precedence > before.precedence && lookup(context.table, exampleAddress(l)).label === before.label;
  });
  if (raised.length > 0) {
    return { ula: raised.map(refOf), gua: siteGua.map(refOf), source: 'raised-precedence' };
  }
  return null;
}

export function platformName(context: RuleContext): string {
  return context.policy.dialect === 'gai' ? "glibc's getaddrinfo" : "FreeBSD's libc";
}
