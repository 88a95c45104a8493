// A policy's value lines: the lines that set a label and/or precedence for a prefix.
import { maskValue } from '../../model/address.js';
import { topOf } from '../../model/address-parts.js';
import type { Entry, GaiEntry, Policy, RowEntry } from '../../model/ast.js';
import { isGaiTableEntry, isRow } from '../../model/ast.js';

/** A policy line that sets a label and/or precedence for a prefix. */
export interface ValueLine {
  readonly entry: RowEntry | GaiEntry;
  readonly prefix: bigint;
  readonly length: number;
  readonly label?: number;
  readonly precedence?: number;
  /** topOf(prefix) (address-parts): kept for isUlaPrefix and isSiteGuaPrefix, which several rules ask of every line. */
  readonly top: number;
}

/** The prefix and values one line sets (a scopev4 line sets neither label nor precedence). */
export function valueLineOf(entry: Entry): ValueLine {
  if (isRow(entry)) {
    const prefix = maskValue(entry.prefix.address, entry.prefix.length);
    return { entry, prefix, length: entry.prefix.length, label: entry.label.value, precedence: entry.precedence.value, top: topOf(prefix) };
  }
  if (!isGaiTableEntry(entry)) throw new Error(`not a value line: ${entry.kind}`);
  const prefix = maskValue(entry.prefix.address, entry.prefix.length);
  const base = { entry, prefix, length: entry.prefix.length, top: topOf(prefix) };
  return entry.kind === 'label' ? { ...base, label: entry.value.value } : entry.kind === 'precedence' ? { ...base, precedence: entry.value.value } : base;
}

const valueLinesCache = new WeakMap<Policy, ValueLine[]>();

/** Computed once per policy: several rules walk these lines. */
export function valueLines(policy: Policy): ValueLine[] {
  const cached = valueLinesCache.get(policy);
  if (cached) return cached;
  const out: ValueLine[] = [];
  valueLinesCache.set(policy, out);
  for (const entry of policy.entries) {
    if (isRow(entry) || (isGaiTableEntry(entry) && entry.kind !== 'scopev4')) out.push(valueLineOf(entry));
  }
  return out;
}

/** The lines that carry a prefix: ip6addrctl rows and gai.conf label/precedence/scopev4 lines. */
export function prefixEntries(policy: Policy): (RowEntry | GaiEntry)[] {
  return policy.entries.filter((e): e is RowEntry | GaiEntry => isRow(e) || isGaiTableEntry(e));
}
