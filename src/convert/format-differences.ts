// How differences are printed: one line per address range.
import type { DiffRegion, ScopeRegion } from './equivalence.js';
import type { Values } from '../model/policy-meaning.js';
import { formatRange } from '../model/address-ranges.js';

export function formatValues(v: Values, labelsOnly = false): string {
  const label = v.label === -1 ? 'no label' : `label ${v.label}`;
  if (labelsOnly) return label;
  return v.label === -1 && v.precedence === 0 ? 'no match (precedence 0, no label)' : `precedence ${v.precedence}, ${label}`;
}

/**
 * The text of each Values object, made once: a policy's step function shares one object
 * per distinct pair (valuePieces), and diff prints two per range, millions of times.
 */
const valuesText = [new WeakMap<Values, string>(), new WeakMap<Values, string>()] as const;

function cachedValues(v: Values, labelsOnly: boolean): string {
  const cache = valuesText[labelsOnly ? 1 : 0];
  let text = cache.get(v);
  if (text === undefined) cache.set(v, (text = formatValues(v, labelsOnly)));
  return text;
}

export function formatRegion(region: DiffRegion, labelsOnly = false): string {
  return `${formatRange(region.start, region.end)}: ${cachedValues(region.before, labelsOnly)} -> ${cachedValues(region.after, labelsOnly)}`;
}

/** An IPv4 range whose scope (RFC 6724 rules 2 and 8) differs: `::ffff:127.0.0.0/104: scope 2 -> 14`. */
export function formatScopeRegion(region: ScopeRegion): string {
  return `${formatRange(region.start, region.end)}: scope ${region.before} -> ${region.after}`;
}
