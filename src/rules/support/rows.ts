// Views of a policy's lines that several rules share.
import { maskOf, parseIPv6, formatIPv6, prefixContains } from '../../address.js';
import type { Entry, GaiEntry, Policy, RowEntry } from '../../ast.js';
import { isGaiTableEntry, isRow } from '../../ast.js';
import { BUILTIN_TABLES, GLIBC_DEFAULT_LABELS, GLIBC_DEFAULT_PRECEDENCES } from '../../platforms.js';

/** A policy line that sets a label and/or precedence for a prefix. */
export interface ValueLine {
  readonly entry: RowEntry | GaiEntry;
  readonly prefix: bigint;
  readonly length: number;
  readonly label?: number;
  readonly precedence?: number;
}

const valueLinesCache = new WeakMap<Policy, ValueLine[]>();

/** Computed once per policy: several rules walk these lines. */
export function valueLines(policy: Policy): ValueLine[] {
  const cached = valueLinesCache.get(policy);
  if (cached) return cached;
  const out: ValueLine[] = [];
  valueLinesCache.set(policy, out);
  for (const entry of policy.entries) {
    if (isRow(entry)) {
      out.push({ entry, prefix: entry.prefix.address & maskOf(entry.prefix.length), length: entry.prefix.length, label: entry.label.value, precedence: entry.precedence.value });
    } else if (isGaiTableEntry(entry) && entry.kind !== 'scopev4') {
      const masked = entry.prefix.address & maskOf(entry.prefix.length);
      out.push(entry.kind === 'label' ? { entry, prefix: masked, length: entry.prefix.length, label: entry.value.value } : { entry, prefix: masked, length: entry.prefix.length, precedence: entry.value.value });
    }
  }
  return out;
}

export const ULA = { prefix: parseIPv6('fc00::')!, length: 7 };
export const GLOBAL_UNICAST = { prefix: parseIPv6('2000::')!, length: 3 };
/** Well-known spaces inside 2000::/3 that are not a site's own addresses. */
const SPECIAL_GLOBAL = [
  { prefix: parseIPv6('2001::')!, length: 32 }, // Teredo
  { prefix: parseIPv6('2002::')!, length: 16 }, // 6to4
  { prefix: parseIPv6('3ffe::')!, length: 16 }, // 6bone
];

export function within(inner: { prefix: bigint; length: number }, outer: { prefix: bigint; length: number }): boolean {
  return inner.length >= outer.length && prefixContains(outer.prefix, outer.length, inner.prefix);
}

export function isUlaPrefix(p: { prefix: bigint; length: number }): boolean {
  return within(p, ULA);
}

/** A site's own global prefix: inside 2000::/3, more specific than it, not a special space. */
export function isSiteGuaPrefix(p: { prefix: bigint; length: number }): boolean {
  return p.length > 3 && within(p, GLOBAL_UNICAST) && !SPECIAL_GLOBAL.some((s) => within(p, s) || within(s, p));
}

/** An address inside a prefix to show in examples: ::1 past its start (fd00::1 for fc00::/7). */
export function exampleAddress(p: { prefix: bigint; length: number }): bigint {
  if (p.prefix === ULA.prefix && p.length <= 8) return parseIPv6('fd00::1')!;
  return p.length >= 128 ? p.prefix : p.prefix | 1n;
}

export function prefixText(p: { prefix: bigint; length: number }): string {
  return `${formatIPv6(p.prefix)}/${p.length}`;
}

/** Is this exact row (prefix and the values it sets) in any built-in table policylint knows? */
export function isStockRow(line: ValueLine): boolean {
  const same = (text: string) => {
    const [a, l] = text.split('/');
    return parseIPv6(a!) === line.prefix && Number(l) === line.length;
  };
  const glibc = (table: readonly (readonly [string, number])[], value: number | undefined) => value === undefined || table.some(([t, v]) => same(t) && v === value);
  if (glibc(GLIBC_DEFAULT_LABELS, line.label) && glibc(GLIBC_DEFAULT_PRECEDENCES, line.precedence) && (line.label !== undefined || line.precedence !== undefined) && (line.label === undefined || line.precedence === undefined)) return true;
  return Object.values(BUILTIN_TABLES).some((t) => t.rows.some((r) => same(r.prefix) && (line.label === undefined || r.label === line.label) && (line.precedence === undefined || r.precedence === line.precedence)));
}

/** The span and text of a whole source line, for fixes that delete or insert lines. */
export function wholeLineRange(policy: Policy, entry: Entry): { start: number; end: number } {
  const start = entry.span.start.offset - (entry.span.start.column - 1);
  let end = policy.source.indexOf('\n', entry.span.end.offset);
  end = end < 0 ? policy.source.length : end + 1;
  return { start, end };
}

/** An edit that inserts whole lines after the line of `entry` (adding a newline first at EOF). */
export function insertLinesAfter(policy: Policy, entry: Entry, lines: readonly string[]): { start: number; end: number; text: string } {
  const nl = policy.source.indexOf('\n', entry.span.end.offset);
  const at = nl < 0 ? policy.source.length : nl + 1;
  const body = lines.map((l) => l + policy.eol).join('');
  return { start: at, end: at, text: nl < 0 ? policy.eol + body : body };
}

/** The lines that carry a prefix: ip6addrctl rows and gai.conf label/precedence/scopev4 lines. */
export function prefixEntries(policy: Policy): (RowEntry | GaiEntry)[] {
  return policy.entries.filter((e): e is RowEntry | GaiEntry => isRow(e) || isGaiTableEntry(e));
}
