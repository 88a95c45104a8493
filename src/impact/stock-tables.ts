// Is a file's table exactly a table some platform ships (FreeBSD's ipv4_prefer, the RFC
// 6724 update draft, ...)? Then it was adopted whole, on purpose: its rows state no goal of
// the author's own. Compared row by row on the effective label and precedence tables.
import { PLATFORMS, type Platform } from '../model/builtin-tables.js';
import { builtinEffectiveTable, type EffectiveTable } from '../model/effective-table.js';
import type { PrefixTable } from '../model/prefix-table.js';

function effectiveRows(t: PrefixTable<number>): string {
  // The rows that take effect (the first of each prefix), in a canonical order.
  const seen = new Map<string, number>();
  for (const r of t.rows) {
    const key = `${r.prefix}/${r.length}`;
    if (!seen.has(key)) seen.set(key, r.value);
  }
  return [...seen]
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join(',');
}

const signatures = new Map<Platform, string>();
const tableSignatures = new WeakMap<EffectiveTable, string>();

function signature(t: EffectiveTable): string {
  let sig = tableSignatures.get(t);
  if (sig === undefined) tableSignatures.set(t, (sig = `${t.system}|${effectiveRows(t.labels)}|${effectiveRows(t.precedences)}`));
  return sig;
}

/** Tables with different numbers of effective rows differ: no signature needed (a 500k-row file is no stock table). */
const sameSize = (a: EffectiveTable, b: EffectiveTable) =>
  a.system === b.system && a.labels.effectiveCount === b.labels.effectiveCount && a.precedences.effectiveCount === b.precedences.effectiveCount;

/** The system's own shipped tables: what "stock" means for a file of that system's dialect. */
const OWN_TABLES: Record<EffectiveTable['system'], readonly Platform[]> = { glibc: ['glibc'], freebsd: ['freebsd', 'freebsd-ipv4-prefer'] };

/** The system's own table this is (glibc's defaults, FreeBSD's ipv6_prefer or ipv4_prefer), or null. */
export function stockTableOf(table: EffectiveTable): Platform | null {
  return knownTableOf(table, OWN_TABLES[table.system]);
}

/** The platform (of those given, default all) whose built-in table this is, or null. */
export function knownTableOf(table: EffectiveTable, among: readonly Platform[] = PLATFORMS): Platform | null {
  for (const p of among) {
    const builtin = builtinEffectiveTable(p);
    if (!sameSize(table, builtin)) continue;
    let sig = signatures.get(p);
    if (sig === undefined) signatures.set(p, (sig = signature(builtin)));
    if (sig === signature(table)) return p;
  }
  return null;
}
