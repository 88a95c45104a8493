// How differences are printed: one line per address range.
import type { DiffRegion, ScopeRegion } from './equivalence.js';
import type { Values } from '../model/policy-meaning.js';
import { formatRange } from '../model/address-ranges.js';

export function formatValues(v: Values, labelsOnly = false): string {
  const label = v.label === -1 ? 'no label' : `label ${v.label}`;
  if (labelsOnly) return label;
  return v.label === -1 && v.precedence === 0 ? 'no match (precedence 0, no label)' : `precedence ${v.precedence}, ${label}`;
}

export function formatRegion(region: DiffRegion, labelsOnly = false): string {
  return `${formatRange(region.start, region.end)}: ${formatValues(region.before, labelsOnly)} -> ${formatValues(region.after, labelsOnly)}`;
}

/** An IPv4 range whose scope (RFC 6724 rules 2 and 8) differs: `::ffff:127.0.0.0/104: scope 2 -> 14`. */
export function formatScopeRegion(region: ScopeRegion): string {
  return `${formatRange(region.start, region.end)}: scope ${region.before} -> ${region.after}`;
}
